package io.accord.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff confirmed new bank details of a partner: settlement pays into this account from now on.
 *
 * <p>The account is either an IBAN (with its BIC, when known) or, in a country that issues no IBANs (the US, Canada,
 * …), a domestic account number with its bank code (for the US the ABA routing number) and a BIC: one form is set,
 * never both. {@code accountNumber} and {@code bankCode} were added later: they are absent from the JSON of an IBAN
 * account and of events published before they existed, so a consumer must accept their absence.
 *
 * @param iban          the account's IBAN, or {@code null} for an account without IBAN
 * @param bic           the bank's BIC, or {@code null}
 * @param accountNumber the domestic account number of an account without IBAN, else {@code null}
 * @param bankCode      its bank code (US: the 9-digit ABA routing number), else {@code null}
 */
public record PartnerBankAccountConfirmed(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String iban,
        String bic,
        @JsonInclude(JsonInclude.Include.NON_NULL) String accountNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) String bankCode) implements DomainEvent {

    /** An IBAN account (as the event was before it carried accounts without IBAN). */
    public PartnerBankAccountConfirmed(UUID eventId, Instant occurredAt, String partnerId, String iban, String bic) {
        this(eventId, occurredAt, partnerId, iban, bic, null, null);
    }

    @Override
    public String key() {
        return partnerId;
    }
}
