package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff ended a version of a partner's agreement. {@code previousStatus} ACTIVE means it stopped being in force
 * at {@code inForceUntil}; any other previous status means it never came into force ({@code inForceUntil} null).
 */
public record AgreementTerminated(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String agreementId,
        int version,
        String previousStatus,
        Instant inForceUntil,
        String reason) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
