package io.accord.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner became ACTIVE: other services may now accept its offerings, orders and usage.
 *
 * <p>The last three components carry the legal data settlement prints on its documents; they were added later and
 * are optional ({@code null} when the partner has none, and in events published before they existed): a consumer
 * must accept their absence. The bank account is the confirmed one; later confirmations come as
 * {@link PartnerBankAccountConfirmed}.
 *
 * @param taxId       the partner's tax id (VAT number), normalised, or {@code null}
 * @param address     its registered address, or {@code null}
 * @param bankAccount its confirmed bank account, or {@code null}
 */
public record PartnerActivated(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String legalName,
        String partnerType,
        String businessModel,
        String country,
        String settlementCurrency,
        String taxId,
        Address address,
        BankAccount bankAccount) implements DomainEvent {

    /** Without the legal data (as the event was before it carried it). */
    public PartnerActivated(UUID eventId, Instant occurredAt, String partnerId, String legalName, String partnerType,
                            String businessModel, String country, String settlementCurrency) {
        this(eventId, occurredAt, partnerId, legalName, partnerType, businessModel, country, settlementCurrency, null,
                null, null);
    }

    @Override
    public String key() {
        return partnerId;
    }

    /** A registered address; its country is the partner's {@code country}. */
    public record Address(String street1, String street2, String city, String postCode) {
    }

    /**
     * A confirmed bank account: an IBAN (with its BIC, when known) or, in a country that issues no IBANs, a domestic
     * account number with its bank code (US: the ABA routing number) and a BIC; one form is set, never both.
     * {@code accountNumber} and {@code bankCode} were added later: absent from the JSON of an IBAN account and of
     * events published before they existed.
     */
    public record BankAccount(String iban, String bic,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String accountNumber,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String bankCode) {

        /** An IBAN account (as the event was before it carried accounts without IBAN). */
        public BankAccount(String iban, String bic) {
            this(iban, bic, null, null);
        }
    }
}
