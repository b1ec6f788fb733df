package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner's lifecycle status changed (SUSPENDED, REINSTATED to ACTIVE, TERMINATED). */
public record PartnerStatusChanged(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String previousStatus,
        String status,
        String reason) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
