package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BankAccountCheckTests {

    private final BankAccountCheck check = new BankAccountCheck();

    /** An applicant of the IBAN's country (DE without one) giving this IBAN and BIC. */
    private CheckResult check(String iban, String bic) {
        String country = iban == null ? "DE" : iban.substring(0, 2);
        return check.check(applicant(country, iban, bic, null, null));
    }

    private static ApplicantData applicant(String country, String iban, String bic, String accountNumber,
                                           String bankCode) {
        return new ApplicantData(null, null, null, "Bank Test Ltd", null, country, null, null, null, null, null,
                iban, bic, "EUR", accountNumber, bankCode);
    }

    @Test
    void aUsApplicantGivesAccountNumberAndAbaRoutingNumber() {
        CheckResult result = check.check(applicant("US", null, null, "000123456789", "021000021"));

        assertThat(result.isPassed()).as(result.reason()).isTrue();
        assertThat(result.reason()).isEqualTo("account 000123456789 at bank code 021000021 (ABA routing number,"
                + " checksum verifies) in US, which issues no IBANs");
    }

    @Test
    void anAbaRoutingNumberMustVerify() {
        assertThat(check.check(applicant("US", null, null, "000123456789", "021000022")).reason())
                .isEqualTo("ABA routing number 021000022: checksum does not verify");
        assertThat(check.check(applicant("US", null, null, "000123456789", "2100002")).reason())
                .isEqualTo("ABA routing number 2100002: expected 9 digits");
    }

    @Test
    void anIbanCountryApplicantCannotUseTheDomesticForm() {
        CheckResult result = check.check(applicant("DE", null, null, "0532013000", "37040044"));

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).startsWith("DE issues IBANs: give the account's IBAN");
    }

    @Test
    void aUsIbanIsRefusedWithTheAlternativeNamed() {
        assertThat(check.check(applicant("US", "US12345678901234567890", null, null, null)).reason())
                .endsWith("US does not issue IBANs (US issues no IBANs: give accountNumber and bankCode instead)");
    }

    @Test
    void outsideTheUsADomesticAccountNeedsABicOfItsCountry() {
        assertThat(check.check(applicant("CA", null, null, "1234567", "00010-003")).reason())
                .isEqualTo("a BIC is required for an account in CA: a bank code alone does not route an"
                        + " international payment");
        assertThat(check.check(applicant("CA", null, "ROYCCAT2", "1234567", "00010-003")).isPassed()).isTrue();
    }

    @Test
    void anIbanOfAnotherCountryPassesWithANote() {
        CheckResult result = check.check(applicant("AT", "DE89370400440532013000", null, null, null));

        assertThat(result.isPassed()).isTrue();
        assertThat(result.reason()).endsWith("; note: the IBAN is of DE, the partner is in AT");
    }

    @Test
    void aValidIbanAndMatchingBicPass() {
        CheckResult result = check("DE89 3704 0044 0532 0130 00", "cobadeffxxx");

        assertThat(result.isPassed()).isTrue();
        assertThat(result.check()).isEqualTo(CheckNames.BANK_ACCOUNT);
        assertThat(result.reason())
                .isEqualTo("IBAN DE89 3704 0044 0532 0130 00 valid (mod 97); BIC COBADEFFXXX fits DE");
    }

    @Test
    void theBicIsOptional() {
        assertThat(check("GB29NWBK60161331926819", null).reason())
                .isEqualTo("IBAN GB29 NWBK 6016 1331 9268 19 valid (mod 97)");
    }

    @Test
    void aWrongChecksumFailsNamingTheIban() {
        CheckResult result = check("DE89370400440532013001", null);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).isEqualTo("IBAN DE89 3704 0044 0532 0130 01: checksum (mod 97) does not verify");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DE89370400440532013000 | DEUTDEF        | BIC DEUTDEF: expected 8 or 11 characters",
            "DE89370400440532013000 | BNPAFRPPXXX | BIC BNPAFRPPXXX: country FR does not match the IBAN's country DE",
            "DE89370400440532013000 | DEUTXXFF       | BIC DEUTXXFF: XX is not a country",
    })
    void aBicMustFitTheIban(String iban, String bic, String reason) {
        CheckResult result = check(iban, bic);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).startsWith(reason);
    }

    @ParameterizedTest
    @CsvSource({
            "FR1420041010050500013M02606, CMCIMCM1",
            "GB29NWBK60161331926819, RBOSJESH",
            "GB29NWBK60161331926819, BARCIMD1XXX",
    })
    void aBicOfATerritoryInTheIbansSchemeIsPlausible(String iban, String bic) {
        assertThat(check(iban, bic).isPassed()).isTrue();
    }

    @Test
    void reportsIbanAndBicProblemsTogether() {
        assertThat(check("DE89370400440532013001", "NWBKGB2L").reason()).isEqualTo(
                "IBAN DE89 3704 0044 0532 0130 01: checksum (mod 97) does not verify;"
                        + " BIC NWBKGB2L: country GB does not match the IBAN's country DE");
        assertThat(check(null, null).reason()).isEqualTo("no IBAN given");
    }
}
