package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner became ACTIVE: other services may now accept its offerings, orders and usage. */
public record PartnerActivated(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String legalName,
        String partnerType,
        String businessModel,
        String country,
        String settlementCurrency) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
