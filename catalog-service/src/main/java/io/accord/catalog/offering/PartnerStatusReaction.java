package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerViewStatusChanged;
import io.accord.platform.security.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * A TERMINATED partner's offerings retire (launched and approved ones, with OfferingRetired events) and its
 * submissions in review are rejected. A SUSPENDED partner's offerings stay launched for existing subscribers but
 * are not sellable (see {@link Sellability}) and it may not submit: nothing to write here.
 */
@Component
class PartnerStatusReaction {

    private static final Logger log = LoggerFactory.getLogger(PartnerStatusReaction.class);
    static final String TERMINATED = "TERMINATED";

    private final ProductOfferingRepository offerings;
    private final OfferingLifecycle lifecycle;
    private final Clock clock;

    PartnerStatusReaction(ProductOfferingRepository offerings, OfferingLifecycle lifecycle, Clock clock) {
        this.offerings = offerings;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Runs in the transaction that applied the status change (the inbox's): retirements commit with it. */
    @EventListener
    void on(PartnerViewStatusChanged update) {
        if (!TERMINATED.equals(update.status())) {
            return;
        }
        Instant now = clock.instant();
        String reason = "partner " + TERMINATED;
        offerings.findAllById(offerings.launchedOrApprovedOf(update.partnerId()))
                .forEach(offering -> lifecycle.retire(offering, reason, now));
        offerings.findAllById(offerings.unlaunchedOf(update.partnerId())).stream()
                .filter(offering -> offering.status() == OfferingStatus.IN_REVIEW)
                .forEach(offering -> lifecycle.reject(offering, Tenancy.SYSTEM_ACTOR, reason, now));
        log.info("Partner {} terminated: its offerings are retired", update.partnerId());
    }

}
