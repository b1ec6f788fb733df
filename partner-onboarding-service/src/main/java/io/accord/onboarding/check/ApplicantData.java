package io.accord.onboarding.check;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;

import java.util.UUID;

/**
 * What an applicant told us, as the automated checks read it. Every field may be {@code null}: the mandatory-data
 * check reports what is missing instead of the caller refusing the application up front.
 *
 * @param applicationId the application being checked; duplicate detection never reports it against itself
 * @param country       ISO 3166-1 alpha-2 country of incorporation (GR for Greece, even though its VAT prefix is EL)
 */
public record ApplicantData(UUID applicationId, PartnerType type, BusinessModel model, String legalName,
                            String tradingName, String country, String taxId, Address registeredAddress,
                            Contact commercial, Contact technical, Contact billing, String iban, String bic,
                            String settlementCurrency) {
}
