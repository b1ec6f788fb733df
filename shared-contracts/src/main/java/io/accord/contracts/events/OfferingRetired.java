package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An offering is retired: no new orders; existing product instances keep running on the price versions they have.
 * Keyed by the offering id; {@code partnerId} is the owner ({@code null} for the CSP).
 *
 * @param reason why, e.g. {@code owner retired it} or {@code partner TERMINATED}
 */
public record OfferingRetired(
        UUID eventId,
        Instant occurredAt,
        String offeringId,
        String partnerId,
        String reason) implements DomainEvent {

    @Override
    public String key() {
        return offeringId;
    }
}
