package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BankAccountCheckTests {

    private final BankAccountCheck check = new BankAccountCheck();

    @Test
    void aValidIbanAndMatchingBicPass() {
        CheckResult result = check.check("DE89 3704 0044 0532 0130 00", "cobadeffxxx");

        assertThat(result.isPassed()).isTrue();
        assertThat(result.check()).isEqualTo(CheckNames.BANK_ACCOUNT);
        assertThat(result.reason())
                .isEqualTo("IBAN DE89 3704 0044 0532 0130 00 valid (mod 97); BIC COBADEFFXXX fits DE");
    }

    @Test
    void theBicIsOptional() {
        assertThat(check.check("GB29NWBK60161331926819", null).reason())
                .isEqualTo("IBAN GB29 NWBK 6016 1331 9268 19 valid (mod 97)");
    }

    @Test
    void aWrongChecksumFailsNamingTheIban() {
        CheckResult result = check.check("DE89370400440532013001", null);

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
        CheckResult result = check.check(iban, bic);

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
        assertThat(check.check(iban, bic).isPassed()).isTrue();
    }

    @Test
    void reportsIbanAndBicProblemsTogether() {
        assertThat(check.check("DE89370400440532013001", "NWBKGB2L").reason()).isEqualTo(
                "IBAN DE89 3704 0044 0532 0130 01: checksum (mod 97) does not verify;"
                        + " BIC NWBKGB2L: country GB does not match the IBAN's country DE");
        assertThat(check.check(null, null).reason()).isEqualTo("no IBAN given");
    }
}
