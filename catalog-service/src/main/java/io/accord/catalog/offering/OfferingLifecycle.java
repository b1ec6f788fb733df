package io.accord.catalog.offering;

import io.accord.catalog.price.PriceChange;
import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.price.PriceVersionView;
import io.accord.catalog.price.Prices;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.security.Tenancy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The lifecycle transitions with what goes with them (prices, events, audit), for every path that causes one: the
 * REST API, imports, the launch job and partner status changes. Callers hold the transaction.
 */
@Component
@EnableConfigurationProperties(AutoApprovalProperties.class)
class OfferingLifecycle {

    private final PartnerView partners;
    private final Prices prices;
    private final OfferingResolver resolver;
    private final OfferingEvents events;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final AutoApproval policy;
    private final BundleComponents components;

    OfferingLifecycle(PartnerView partners, Prices prices, OfferingResolver resolver, OfferingEvents events,
                      AuditTrail audit, Tenancy tenancy, AutoApprovalProperties policy, BundleComponents components) {
        this.components = components;
        this.partners = partners;
        this.prices = prices;
        this.resolver = resolver;
        this.events = events;
        this.audit = audit;
        this.tenancy = tenancy;
        this.policy = new AutoApproval(policy);
    }

    /** The owner submits a draft; a SUSPENDED or TERMINATED partner may not. The policy may approve it at once. */
    void submit(ProductOffering offering, Instant now) {
        requireActiveOwner(offering);
        OfferingDraft definition = resolver.read(offering.definition());
        OfferingRules.checkSubmittable(definition, (field, message) -> {
            throw new ConflictException("Offering " + offering.id() + " cannot be submitted: " + field + ": "
                    + message);
        });
        components.requireLaunched(offering, offering.components(), "submitted");
        components.requireSharesCovered(offering, definition);
        transition(offering, "submitted", () -> offering.submit(tenancy.actor(), now));
        if (policy.approvesSubmission(resolver.read(offering.definition()))) {
            approve(offering, AutoApproval.ACTOR, null, now);
        }
    }

    /**
     * Four-eyes: whoever created, changed (as a draft) or submitted the offering, or proposed its change, is refused
     * (409).
     */
    void approve(ProductOffering offering, String by, Instant launchAt, Instant now) {
        try {
            offering.requireApprover(by);
        } catch (IllegalStateException sameUser) {
            throw new ConflictException(sameUser.getMessage());
        }
        if (offering.pendingChange() != null) {
            approveRevision(offering, by, false, now);
            return;
        }
        components.requireLaunched(offering, offering.components(), "approved");
        transition(offering, "approved", () -> offering.approve(by, launchAt, now));
        if (offering.isDueForLaunch(now)) {
            launch(offering, now);
        }
    }

    void reject(ProductOffering offering, String by, String reason, Instant now) {
        if (offering.pendingChange() != null) {
            // the reason stays with the rejected change (here and on the offering's rejectedChange), not its status
            transition(offering, "revision rejected", () -> offering.rejectRevision(by, reason, now), after -> {
                after.put("rejectedChange", offering.rejectedChange().name());
                after.put("rejectionReason", offering.rejectedChangeReason());
            });
        } else {
            transition(offering, "rejected", () -> offering.reject(by, reason, now));
        }
    }

    /**
     * The change waiting for review is taken back (the caller may change the offering): dropped unapplied, so
     * nothing is published but the hub's state change, as for a rejected change. The audit entry keeps what was
     * withdrawn.
     */
    void withdraw(ProductOffering offering, Instant now) {
        ProductOffering.Change change = offering.pendingChange();
        String proposed = offering.pendingDefinition();
        transition(offering, "change withdrawn" + (change == null ? "" : " (" + change + ")"),
                () -> offering.withdrawRevision(tenancy.actor(), now), after -> {
                    after.put("withdrawnChange", offering.withdrawnChange().name());
                    after.put("withdrawnDefinition", resolver.read(proposed));
                });
    }

    void launch(ProductOffering offering, Instant now) {
        transition(offering, "launched", () -> offering.launch(now));
        prices.launch(offering.id());
        events.launched(offering, now);
    }

    /**
     * A launched offering changed: the change waits for review, unless the policy approves a small price change
     * (measured against the live prices and the versions last reviewed, starting now or later, see
     * {@link AutoApproval}). A change already waiting is decided first (409).
     */
    void propose(ProductOffering offering, ProductOffering.Change change, String definition, Instant now) {
        requireActiveOwner(offering);
        transition(offering, "change proposed (" + change + ")",
                () -> offering.propose(change, definition, tenancy.actor(), now),
                after -> after.put("proposedDefinition", resolver.read(definition)));
        if (change != ProductOffering.Change.NEW_PRICE_VERSION) {
            return;
        }
        List<PriceDraft> proposed = resolver.read(definition).prices();
        if (policy.approvesPriceChange(resolver.read(offering.definition()).prices(), proposed,
                prices.reviewedBaselines(offering.id(), proposed), now)) {
            approveRevision(offering, AutoApproval.ACTOR, true, now);
        }
    }

    void retire(ProductOffering offering, String reason, Instant now) {
        transition(offering, "retired", () -> offering.retire(reason, now));
        events.retired(offering, reason, now);
    }

    /** @param byPolicy the auto-approval policy approves it: its price versions are no baseline for the next change */
    private void approveRevision(ProductOffering offering, String by, boolean byPolicy, Instant now) {
        ProductOffering.Change change = offering.pendingChange();
        OfferingDraft proposed = resolver.read(offering.pendingDefinition());
        OfferingDefinition definition = resolver.resolve(offering.owner(), proposed, now);
        components.requireLaunched(offering, definition.componentIds(), "changed");
        List<PriceVersionView> stored = prices.versions(offering.id());
        List<String> removed = RevisionPrices.removed(resolver.read(offering.definition()).prices(),
                proposed.prices());
        List<PriceChange> created = prices.applyRevision(offering.id(), proposed.prices(), byPolicy, now);
        // the audit entry names the price versions written and replaced, with their amounts
        transition(offering, "change approved (" + change + ")", () -> offering.approveRevision(definition, by, now),
                (before, after) -> RevisionPrices.describe(stored, created, removed, now, before, after));
        if (change == ProductOffering.Change.NEW_VERSION) {
            events.launched(offering, now);
        }
        // the version in force at the new start, not the latest one: a backdated correction replaces the current
        // version, while an announced later one is superseded
        created.forEach(price -> events.priceChanged(offering, price.version(), price.replaced(), now));
    }

    private void requireActiveOwner(ProductOffering offering) {
        if (offering.partnerId() == null) {
            return;
        }
        Optional<PartnerStatus> owner = partners.find(offering.partnerId());
        if (owner.map(PartnerStatus::isActive).orElse(false)) {
            return;
        }
        throw new ConflictException(PartnerView.notActive(offering.partnerId(), owner, "submit offerings"));
    }

    /** Applies a transition (illegal ones answer 409), audits it and notifies hub subscribers. */
    private void transition(ProductOffering offering, String action, Runnable change) {
        transition(offering, action, change, after -> { });
    }

    /** @param details adds what the audit entry's after-state should say beyond the status summary */
    private void transition(ProductOffering offering, String action, Runnable change,
                            Consumer<Map<String, Object>> details) {
        transition(offering, action, change, (before, after) -> details.accept(after));
    }

    /** @param details adds what the audit entry's before- and after-state should say beyond the status summary */
    private void transition(ProductOffering offering, String action, Runnable change,
                            BiConsumer<Map<String, Object>, Map<String, Object>> details) {
        Map<String, Object> before = summary(offering);
        try {
            change.run();
        } catch (IllegalStateException | IllegalArgumentException illegal) {
            throw new ConflictException(illegal.getMessage());
        }
        Map<String, Object> after = summary(offering);
        details.accept(before, after);
        audit.record(offering.partnerId() == null ? null : new PartnerId(offering.partnerId()), "productOffering",
                offering.id().toString(), action, before, after);
        events.tmf("ProductOfferingStateChangeEvent", offering);
    }

    private static Map<String, Object> summary(ProductOffering offering) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("status", offering.status().name());
        summary.put("version", offering.offeringVersion());
        summary.put("pendingChange", offering.pendingChange() == null ? "" : offering.pendingChange().name());
        summary.put("statusReason", offering.statusReason() == null ? "" : offering.statusReason());
        return summary;
    }

    String actor() {
        return tenancy.actor();
    }
}
