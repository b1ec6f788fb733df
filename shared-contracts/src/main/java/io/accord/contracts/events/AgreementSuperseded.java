package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A version of a partner's agreement stopped being in force at {@code inForceUntil}: a newer version replaced it. */
public record AgreementSuperseded(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String agreementId,
        int version,
        String supersededByAgreementId,
        Instant inForceUntil) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
