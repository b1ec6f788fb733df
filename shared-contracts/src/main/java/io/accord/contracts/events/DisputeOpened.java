package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dispute was opened, by the partner or automatically from a {@link ReconciliationDiscrepancyFound}. Published by
 * the dispute service on {@code dispute.events.v1}, keyed by the dispute id; the partner is its audience. Never
 * carries staff-internal notes. Decimals are strings.
 *
 * @param source        {@code PARTNER} or {@code RECONCILIATION}
 * @param items         the disputed items as {@code role:id} ({@code StatementLine:...}, {@code UsageRecord:...})
 */
public record DisputeOpened(
        UUID eventId,
        Instant occurredAt,
        String disputeId,
        String partnerId,
        String category,
        String disputedAmount,
        String currency,
        String statementId,
        String source,
        List<String> items,
        Instant firstResponseDue,
        Instant resolutionDue) implements DomainEvent {

    @Override
    public String key() {
        return disputeId;
    }
}
