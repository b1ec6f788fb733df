package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff set or changed a partner's tax id (VAT number) after its activation: settlement prints it on the documents
 * it issues from now on (a self-billed invoice must carry the supplier's VAT number). The tax id a partner was
 * activated with comes as {@link PartnerActivated#taxId()}.
 *
 * @param taxId     the new tax id, normalised (upper case, no separators); never {@code null}
 * @param changedAt when staff changed it
 */
public record PartnerTaxIdChanged(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String taxId,
        Instant changedAt) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
