package io.accord.onboarding.check;

import io.accord.onboarding.partner.BankAccount;
import io.accord.onboarding.partner.BankDetails;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;

import java.util.UUID;

/**
 * What an applicant told us, as the automated checks read it. Every field may be {@code null}: the mandatory-data
 * check reports what is missing instead of the caller refusing the application up front.
 *
 * @param applicationId the application being checked; duplicate detection never reports it against itself
 * @param country       ISO 3166-1 alpha-2 country of incorporation (GR for Greece, even though its VAT prefix is EL)
 * @param accountNumber with {@code bankCode}, the bank account where the country issues no IBANs (instead of
 *                      {@code iban})
 */
public record ApplicantData(UUID applicationId, PartnerType type, BusinessModel model, String legalName,
                            String tradingName, String country, String taxId, Address registeredAddress,
                            Contact commercial, Contact technical, Contact billing, String iban, String bic,
                            String settlementCurrency, String accountNumber, String bankCode) {

    /** An applicant whose bank account, if any, is given by IBAN. */
    public ApplicantData(UUID applicationId, PartnerType type, BusinessModel model, String legalName,
                         String tradingName, String country, String taxId, Address registeredAddress,
                         Contact commercial, Contact technical, Contact billing, String iban, String bic,
                         String settlementCurrency) {
        this(applicationId, type, model, legalName, tradingName, country, taxId, registeredAddress, commercial,
                technical, billing, iban, bic, settlementCurrency, null, null);
    }

    /** The bank account as given (normalised), or null when the applicant gave none. */
    public BankAccount bankAccount() {
        BankAccount account = BankDetails.normalise(iban, bic, accountNumber, bankCode);
        return account.iban() == null && account.accountNumber() == null && account.bankCode() == null ? null
                : account;
    }
}
