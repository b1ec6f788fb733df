package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner as the API shows it (its own profile to a partner, any profile to staff). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartnerView(UUID id, String href, String legalName, String tradingName, PartnerType partnerType,
                   BusinessModel businessModel, String country, String taxId, PostalAddress registeredAddress,
                   ContactPerson commercialContact, ContactPerson technicalContact, ContactPerson billingContact,
                   BankAccount bankAccount, PendingBankAccount pendingBankAccount, String settlementCurrency,
                   PartnerStatus status, String statusReason, UUID applicationId,
                   java.util.List<UUID> possibleDuplicateOf, java.util.List<ExternalReference> externalReference,
                   Instant createdAt, Instant updatedAt) {

    /** The personal data in this view (the contact persons), audited by field name only. */
    static final List<String> PERSONAL = List.of("commercialContact", "technicalContact", "billingContact");
    /** The same in a dismissal's after state, which holds this view under {@code partner}. */
    static final List<String> PERSONAL_IN_DISMISSAL = List.of("commercialContact", "technicalContact",
            "billingContact", "partner.commercialContact", "partner.technicalContact", "partner.billingContact");

    /**
     * New bank details waiting for confirmation by someone other than who requested them; settlement does not use
     * them yet. A confirmation names {@code changeId}. An IBAN, or (countries without IBANs) account number and
     * bank code.
     */
    record PendingBankAccount(UUID changeId, String iban, String bic, String accountNumber, String bankCode,
                              String requestedBy, Instant requestedAt) {

        static PendingBankAccount of(BankAccountChange change) {
            return change == null ? null : new PendingBankAccount(change.id(), change.account().iban(),
                    change.account().bic(), change.account().accountNumber(), change.account().bankCode(),
                    change.requestedBy(), change.requestedAt());
        }

        PendingBankAccount masked() {
            return new PendingBankAccount(changeId, Ibans.mask(iban), bic, DomesticAccounts.mask(accountNumber),
                    bankCode, requestedBy, requestedAt);
        }
    }

    /** This view with the IBANs of the confirmed account and of a waiting change masked (see BankAccountDisclosure). */
    PartnerView withBankAccountMasked() {
        return new PartnerView(id, href, legalName, tradingName, partnerType, businessModel, country, taxId,
                registeredAddress, commercialContact, technicalContact, billingContact,
                bankAccount == null ? null : bankAccount.masked(),
                pendingBankAccount == null ? null : pendingBankAccount.masked(), settlementCurrency, status,
                statusReason, applicationId, possibleDuplicateOf, externalReference, createdAt, updatedAt);
    }

    /** This view with another status reason (see BankAccountDisclosure: a partner's users get a neutral one). */
    PartnerView withStatusReason(String reason) {
        return new PartnerView(id, href, legalName, tradingName, partnerType, businessModel, country, taxId,
                registeredAddress, commercialContact, technicalContact, billingContact, bankAccount,
                pendingBankAccount, settlementCurrency, status, reason, applicationId, possibleDuplicateOf,
                externalReference, createdAt, updatedAt);
    }

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id(), PartnerController.PATH + "/" + partner.id(), partner.legalName(),
                partner.tradingName(), partner.partnerType(), partner.businessModel(), partner.country(),
                partner.taxId(), partner.address(), partner.commercial(), partner.technical(), partner.billing(),
                partner.bankAccount(),
                PendingBankAccount.of(partner.pendingBankAccountChange()),
                partner.settlementCurrency(), partner.status(), partner.statusReason(), partner.applicationId(),
                partner.possibleDuplicateOf().isEmpty() ? null : partner.possibleDuplicateOf(),
                partner.externalReference().isEmpty() ? null : partner.externalReference(),
                partner.createdAt(), partner.updatedAt());
    }
}
