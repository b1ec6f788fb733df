package io.accord.onboarding.check;

import io.accord.onboarding.partner.PartnerType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MandatoryDataCheckTests {

    private final MandatoryDataCheck check = new MandatoryDataCheck(CheckProperties.defaults().commonRequiredFields(),
            CheckProperties.defaults().requiredFields());

    @Test
    void aCompleteApplicationPasses() {
        CheckResult result = check.check(TestApplicants.clean().build());

        assertThat(result.isPassed()).as(result.reason()).isTrue();
        assertThat(result.reason())
                .isEqualTo("partner type, business model and all 12 fields required for OTT_CONTENT applications present and well-formed");
    }

    @Test
    void reportsEveryMissingField() {
        ApplicantData data = TestApplicants.clean().taxId(" ").iban(null).billing(new Contact("Lea", null, null))
                .address(new Address(null, null, "Berlin", null, "DE")).build();

        CheckResult result = check.check(data);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).isEqualTo(
                "missing (required for OTT_CONTENT applications): taxId, registeredAddress.street1, contacts.billing.email, "
                        + "bankAccount.iban");
    }

    @Test
    void anMvnoNeedsATechnicalContactWithPhone() {
        ApplicantData data = TestApplicants.clean().type(PartnerType.MVNO).technical(null).build();

        assertThat(check.check(data).reason()).isEqualTo("missing (required for MVNO applications): "
                + "contacts.technical.name, contacts.technical.email, contacts.technical.phone");
    }

    @Test
    void anAccountNumberStandsInForTheIbanTheBankAccountCheckJudgesTheForm() {
        ApplicantData data = TestApplicants.clean().iban(null).build();
        ApplicantData withAccount = new ApplicantData(data.applicationId(), data.type(), data.model(),
                data.legalName(), data.tradingName(), data.country(), data.taxId(), data.registeredAddress(),
                data.commercial(), data.technical(), data.billing(), null, data.bic(), data.settlementCurrency(),
                "000123456789", "021000021");

        assertThat(check.check(data).reason()).contains("bankAccount.iban");
        assertThat(check.check(withAccount).isPassed()).as(check.check(withAccount).reason()).isTrue();
    }

    @Test
    void aCarrierNeedsABic() {
        ApplicantData data = TestApplicants.clean().type(PartnerType.CSP_CARRIER).bic(null).build();

        assertThat(check.check(data).reason()).contains("missing (required for CSP_CARRIER applications): bankAccount.bic");
        assertThat(check.check(TestApplicants.clean().type(PartnerType.RESELLER).bic(null).tradingName(null).build())
                .isPassed()).isTrue();
    }

    @Test
    void aMissingTypeOrModelIsReportedWithoutThrowing() {
        ApplicantData empty = new ApplicantData(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        CheckResult result = check.check(empty);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).startsWith("missing (required for every application): partnerType, businessModel, legalName,");
    }

    @Test
    void reportsMalformedValues() {
        ApplicantData data = TestApplicants.clean().country("XX").currency("EUROS")
                .commercial(new Contact("Anna", "anna(at)streamly", "call me"))
                .address(new Address("Rue de Rivoli 1", null, "Paris", "75001", "FR")).build();

        assertThat(check.check(data).reason().split("; ")).containsExactly(
                "country 'XX' is not an ISO 3166-1 alpha-2 code",
                "settlementCurrency 'EUROS' is not an ISO 4217 currency partners can be settled in",
                "contacts.commercial.email 'anna(at)streamly' is not an e-mail address",
                "contacts.commercial.phone 'call me' is not a phone number");
    }

    @Test
    void goldIsNotASettlementCurrency() {
        assertThat(check.check(TestApplicants.clean().currency("XAU").build()).reason())
                .isEqualTo("settlementCurrency 'XAU' is not an ISO 4217 currency partners can be settled in");
    }

    @Test
    void requiredFieldsAreConfigurablePerType() {
        MandatoryDataCheck strict = new MandatoryDataCheck(List.of("legalName"),
                Map.of(PartnerType.OTT_CONTENT, List.of("registeredAddress.postCode", "contacts.billing.phone")));

        assertThat(strict.check(TestApplicants.clean().build()).reason())
                .isEqualTo("missing (required for OTT_CONTENT applications): contacts.billing.phone");
    }

    /** One vocabulary: every field a reason can name is a JSON path of the application request. */
    @Test
    void checkFieldNamesAreTheRequestsJsonPaths() {
        assertThat(ApplicantFields.ALL.keySet()).containsExactly("legalName", "tradingName", "country", "taxId",
                "registeredAddress.street1", "registeredAddress.street2", "registeredAddress.city",
                "registeredAddress.postCode", "contacts.commercial.name", "contacts.commercial.email",
                "contacts.commercial.phone", "contacts.technical.name", "contacts.technical.email",
                "contacts.technical.phone", "contacts.billing.name", "contacts.billing.email",
                "contacts.billing.phone", "bankAccount.iban", "bankAccount.bic", "bankAccount.accountNumber",
                "bankAccount.bankCode", "settlementCurrency");
    }

    @Test
    void anUnknownConfiguredFieldFailsAtStartup() {
        assertThatThrownBy(() -> new CheckProperties(List.of("legalname"), null, null, null, null, null))
                .hasMessageContaining("accord.onboarding.checks.common-required-fields: unknown applicant field"
                        + " 'legalname'; known fields: legalName, tradingName");
    }
}
