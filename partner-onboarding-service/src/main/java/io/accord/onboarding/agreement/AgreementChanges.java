package io.accord.onboarding.agreement;

import io.accord.contracts.Topics;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way agreement versions change: lock the partner's history row, run the aggregate's transition, audit
 * every version it changed (before and after) or removed (a deleted draft: its row goes too) and publish its
 * events through the outbox, all in the caller's transaction.
 */
@Component
class AgreementChanges {

    private final AgreementHistoryRepository histories;
    private final AgreementRepository agreements;
    private final AuditTrail audit;
    private final Outbox outbox;

    AgreementChanges(AgreementHistoryRepository histories, AgreementRepository agreements, AuditTrail audit,
                     Outbox outbox) {
        this.histories = histories;
        this.agreements = agreements;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Changes an existing history; 404 if the partner has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    <T> T apply(PartnerId partner, Function<AgreementHistory, T> transition) {
        AgreementHistory history = histories.lock(partner.value())
                .orElseThrow(() -> new NotFoundException("Agreement history of partner", partner));
        return run(history, transition);
    }

    /** Like {@link #apply}, creating the partner's empty history first if it has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    <T> T applyCreating(PartnerId partner, Instant now, Function<AgreementHistory, T> transition) {
        histories.createIfAbsent(partner.value(), now);
        return apply(partner, transition);
    }

    private <T> T run(AgreementHistory history, Function<AgreementHistory, T> transition) {
        Map<UUID, AgreementView> before = new HashMap<>();
        Map<UUID, Agreement> removed = new HashMap<>();
        history.versions().forEach(version -> {
            before.put(version.id(), AgreementView.of(version));
            removed.put(version.id(), version);
        });
        T result = transition.apply(history);
        history.versions().forEach(version -> removed.remove(version.id()));
        for (Agreement version : removed.values()) {
            audit.record(history.partnerId(), "agreement", version.id().toString(), "deleted",
                    before.get(version.id()), null);
            agreements.delete(version);
        }
        for (Agreement version : history.versions()) {
            AgreementView previous = before.get(version.id());
            AgreementView current = AgreementView.of(version);
            if (!current.equals(previous)) {
                audit.record(history.partnerId(), "agreement", version.id().toString(),
                        action(previous, version.status()), previous, current);
            }
        }
        history.pullEvents().forEach(event -> outbox.publish(Topics.PARTNER_EVENTS, event));
        return result;
    }

    private static String action(AgreementView before, AgreementStatus after) {
        if (before == null) {
            return "created";
        }
        if (AgreementStatus.PENDING_APPROVAL.name().equals(before.status()) && after == AgreementStatus.PENDING_APPROVAL) {
            return "terms-approved";
        }
        if (AgreementStatus.PENDING_APPROVAL.name().equals(before.status()) && after == AgreementStatus.DRAFT) {
            return "sent-back";
        }
        if (AgreementStatus.PENDING_APPROVAL.name().equals(before.status()) && after != AgreementStatus.TERMINATED) {
            return "countersigned";
        }
        return switch (after) {
            case DRAFT -> "changed";
            case PENDING_APPROVAL -> "proposed";
            case APPROVED -> "approved";
            case ACTIVE -> "activated";
            case SUPERSEDED -> "superseded";
            case EXPIRED -> "expired";
            case TERMINATED -> "terminated";
        };
    }
}
