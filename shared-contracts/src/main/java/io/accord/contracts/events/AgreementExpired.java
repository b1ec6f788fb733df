package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A version of a partner's agreement reached the end of its validity period at {@code inForceUntil}. */
public record AgreementExpired(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String agreementId,
        int version,
        Instant inForceUntil) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
