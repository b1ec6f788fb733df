package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A dispute passed an SLA deadline (counted in business days) without the step it was waiting for; the dispute is
 * escalated to {@code escalatedTo}. Keyed by the dispute id on {@code dispute.events.v1}.
 *
 * @param timer {@code FIRST_RESPONSE} or {@code RESOLUTION}
 */
public record DisputeSlaBreached(
        UUID eventId,
        Instant occurredAt,
        String disputeId,
        String partnerId,
        String category,
        String timer,
        Instant dueAt,
        String escalatedTo) implements DomainEvent {

    @Override
    public String key() {
        return disputeId;
    }
}
