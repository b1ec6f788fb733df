package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finance discarded a DRAFT or APPROVED statement found wrong (it is never issued; the period's next draft is composed
 * afresh under a new statement id). It revokes the statement's {@code StatementDrafted} (and
 * {@code StatementApproved}), and the placements its drafting published: the dispute adjustments it carried are
 * pending again until the next draft carries them, with a new {@code DisputeAdjustmentSettled}. Published once, in
 * the discarding transaction, keyed by the statement id on {@code settlement.events.v1}; consumers must not assume it
 * arrives after or before the adjustments' {@code DisputeAdjustmentSettled} (keyed by the dispute id).
 *
 * @param documentType           as the statement's {@code StatementDrafted} said ({@code null} if it said none)
 * @param discardedBy            the finance user who discarded it
 * @param reason                 why, as finance gave it
 * @param releasedAdjustmentIds  the dispute adjustments it carried, pending again
 *                               ({@code DisputeAdjustmentSettled.adjustmentId}); empty when it carried none
 */
public record StatementDiscarded(
        UUID eventId,
        Instant occurredAt,
        String statementId,
        String partnerId,
        String periodId,
        String documentType,
        String discardedBy,
        Instant discardedAt,
        String reason,
        List<String> releasedAdjustmentIds) implements DomainEvent {

    @Override
    public String key() {
        return statementId;
    }
}
