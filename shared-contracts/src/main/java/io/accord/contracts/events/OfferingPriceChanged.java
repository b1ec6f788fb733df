package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A launched offering got a new price version (approved by a partner manager or the auto-approval policy). The
 * version it replaces now ends at {@code price.validFrom()}: {@code replacedPriceVersionId}, or {@code null} for a
 * price the offering did not have before. Keyed by the offering id; {@code partnerId} is the owner ({@code null}
 * for the CSP).
 */
public record OfferingPriceChanged(
        UUID eventId,
        Instant occurredAt,
        String offeringId,
        String partnerId,
        OfferingPrice price,
        String replacedPriceVersionId) implements DomainEvent {

    @Override
    public String key() {
        return offeringId;
    }
}
