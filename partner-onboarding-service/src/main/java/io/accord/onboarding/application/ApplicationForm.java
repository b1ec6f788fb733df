package io.accord.onboarding.application;

import io.accord.onboarding.check.ApplicantData;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.ContactPerson;
import io.accord.onboarding.partner.Partner;
import io.accord.onboarding.partner.PartnerProfile;
import io.accord.onboarding.partner.PartnerType;
import io.accord.onboarding.partner.PostalAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * What an applicant tells us. Only the shape is validated here (400 on malformed input); whether the content
 * is complete and plausible for the partner type is the automated checks' job, whose failures go to review
 * with a reason instead of bouncing the applicant.
 */
public record ApplicationForm(
        @NotBlank @Size(max = 200) String legalName,
        @Size(max = 200) String tradingName,
        @NotNull PartnerType partnerType,
        @NotNull BusinessModel businessModel,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Size(max = 40) String taxId,
        @Valid Address registeredAddress,
        @NotNull @Valid Contacts contacts,
        @Valid Bank bankAccount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String settlementCurrency) {

    public record Address(@Size(max = 200) String street1, @Size(max = 200) String street2,
                          @Size(max = 100) String city, @Size(max = 20) String postCode) {
    }

    @Schema(name = "ApplicationContact")
    public record Contact(@Size(max = 200) String name, @Email @Size(max = 254) String email,
                          @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "must be a phone number") String phone) {
    }

    /** The commercial contact becomes the partner's first admin user. */
    @Schema(name = "ApplicationContacts")
    public record Contacts(@NotNull @Valid Contact commercial, @Valid Contact technical, @Valid Contact billing) {
    }

    /**
     * An IBAN (BIC optional), or where the country issues no IBANs account number and bank code (US: the ABA
     * routing number) with a BIC (optional in the US); the bank-account check judges which form fits.
     */
    public record Bank(@Pattern(regexp = "[A-Za-z0-9 ]{5,42}", message = "must be an IBAN") String iban,
                       @Pattern(regexp = "[A-Za-z0-9]{8}([A-Za-z0-9]{3})?", message = "must be a BIC (8 or 11 characters)")
                       String bic,
                       @Pattern(regexp = "[A-Za-z0-9 -]{4,40}", message = "must be an account number (4 to 34"
                               + " letters or digits)") String accountNumber,
                       @Pattern(regexp = "[A-Za-z0-9 -]{3,20}", message = "must be a bank code (for the US the 9"
                               + " digits of the ABA routing number)") String bankCode) {

        /** An IBAN account. */
        public Bank(String iban, String bic) {
            this(iban, bic, null, null);
        }
    }

    /** The contact persons' names given, for the erasure of their mentions elsewhere. */
    java.util.List<String> contactNames() {
        if (contacts == null) {
            return java.util.List.of();
        }
        return java.util.stream.Stream.of(contacts.commercial(), contacts.technical(), contacts.billing())
                .filter(java.util.Objects::nonNull).map(Contact::name)
                .filter(name -> name != null && !name.isBlank() && !Partner.ERASED.equals(name)).toList();
    }

    /** The form with its contact persons erased: name {@code (erased)}, no e-mail, no phone (GDPR Art. 17). */
    ApplicationForm withContactsErased() {
        return new ApplicationForm(legalName, tradingName, partnerType, businessModel, country, taxId,
                registeredAddress, contacts == null ? null : new Contacts(erased(contacts.commercial()),
                erased(contacts.technical()), erased(contacts.billing())), bankAccount, settlementCurrency);
    }

    private static Contact erased(Contact contact) {
        return contact == null ? null : new Contact(Partner.ERASED, null, null);
    }

    ApplicantData toApplicantData(UUID applicationId) {
        return new ApplicantData(applicationId, partnerType, businessModel, legalName, tradingName, country,
                taxId, registeredAddress == null ? null : new io.accord.onboarding.check.Address(
                registeredAddress.street1(), registeredAddress.street2(), registeredAddress.city(),
                registeredAddress.postCode(), country),
                checkContact(contacts.commercial()), checkContact(contacts.technical()),
                checkContact(contacts.billing()), bankAccount == null ? null : bankAccount.iban(),
                bankAccount == null ? null : bankAccount.bic(), settlementCurrency,
                bankAccount == null ? null : bankAccount.accountNumber(),
                bankAccount == null ? null : bankAccount.bankCode());
    }

    /** The partner's profile, with the tax id in the normalised form duplicate detection compares. */
    PartnerProfile toProfile(String normalisedTaxId) {
        return new PartnerProfile(legalName.strip(), tradingName, partnerType, businessModel, country,
                normalisedTaxId,
                registeredAddress == null ? null : new PostalAddress(registeredAddress.street1(),
                        registeredAddress.street2(), registeredAddress.city(), registeredAddress.postCode()),
                contact(contacts.commercial()), contact(contacts.technical()), contact(contacts.billing()),
                toApplicantData(null).bankAccount(),
                settlementCurrency);
    }

    private static io.accord.onboarding.check.Contact checkContact(Contact contact) {
        return contact == null ? null : new io.accord.onboarding.check.Contact(contact.name(), contact.email(),
                contact.phone());
    }

    private static ContactPerson contact(Contact contact) {
        return contact == null ? null : new ContactPerson(contact.name(), contact.email(), contact.phone());
    }
}
