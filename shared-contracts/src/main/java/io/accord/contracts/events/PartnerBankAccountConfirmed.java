package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Staff confirmed new bank details of a partner: settlement pays into this account from now on. */
public record PartnerBankAccountConfirmed(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String iban,
        String bic) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
