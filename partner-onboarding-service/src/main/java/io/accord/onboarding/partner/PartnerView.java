package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A partner as the API shows it (its own profile to a partner, any profile to staff). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartnerView(UUID id, String href, String legalName, String tradingName, PartnerType partnerType,
                   BusinessModel businessModel, String country, String taxId, PostalAddress registeredAddress,
                   ContactPerson commercialContact, ContactPerson technicalContact, ContactPerson billingContact,
                   BankAccount bankAccount, PendingBankAccount pendingBankAccount, String settlementCurrency,
                   PartnerStatus status, String statusReason, UUID applicationId, Instant createdAt,
                   Instant updatedAt) {

    /** New bank details waiting for staff confirmation; settlement does not use them yet. */
    record PendingBankAccount(String iban, String bic, Instant requestedAt) {
    }

    static PartnerView of(Partner partner) {
        BankAccount pending = partner.pendingBankAccount();
        return new PartnerView(partner.id(), PartnerController.PATH + "/" + partner.id(), partner.legalName(),
                partner.tradingName(), partner.partnerType(), partner.businessModel(), partner.country(),
                partner.taxId(), partner.address(), partner.commercial(), partner.technical(), partner.billing(),
                partner.bankAccount(),
                pending == null ? null : new PendingBankAccount(pending.iban(), pending.bic(), partner.pendingBankSince()),
                partner.settlementCurrency(), partner.status(), partner.statusReason(), partner.applicationId(),
                partner.createdAt(), partner.updatedAt());
    }
}
