package io.accord.onboarding.agreement;

import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.contracts.value.PartnerId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A terminated partner has no agreement in force: its versions end in the same transaction as the termination,
 * each with {@code AgreementTerminated}, so rating and settlement stop applying its terms.
 */
@Component
class PartnerTerminationListener {

    private final AgreementService agreements;

    PartnerTerminationListener(AgreementService agreements) {
        this.agreements = agreements;
    }

    @EventListener
    void on(PartnerStatusChanged change) {
        if ("TERMINATED".equals(change.status())) {
            agreements.terminateAllOf(PartnerId.of(change.partnerId()),
                    "partner terminated" + (change.reason() == null ? "" : ": " + change.reason()));
        }
    }
}
