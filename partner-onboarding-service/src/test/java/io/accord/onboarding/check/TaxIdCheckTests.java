package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class TaxIdCheckTests {

    private final TaxIdCheck check = new TaxIdCheck();

    @ParameterizedTest
    @MethodSource("validNumbers")
    void acceptsPublishedVatNumbers(String typed) {
        CheckResult result = check.check(typed, countryOf(typed));

        assertThat(result.outcome()).as(result.reason()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(result.check()).isEqualTo(CheckNames.TAX_ID);
    }

    @ParameterizedTest
    @MethodSource("wrongCheckDigits")
    void refusesAVatNumberWhoseCheckDigitDoesNotVerify(String typed) {
        CheckResult result = check.check(typed, countryOf(typed));

        assertThat(result.outcome()).as(result.reason()).isEqualTo(CheckResult.Outcome.FAILED);
        assertThat(result.reason()).contains("does not verify");
    }

    @Test
    void namesTheNumberAndTheAlgorithmThatFailed() {
        assertThat(check.check("DE 136 695 977", "DE").reason())
                .isEqualTo("VAT number DE136695977: check digit (ISO 7064 mod 11,10) does not verify");
        assertThat(check.check("de136695976", "DE").reason())
                .isEqualTo("VAT number DE136695976: format and check digit (ISO 7064 mod 11,10) valid");
    }

    @Test
    void acceptsTheNumberWithoutItsCountryPrefix() {
        assertThat(check.check("136695976", "DE").isPassed()).isTrue();
        assertThat(check.check("0428.759.497", "BE").isPassed()).isTrue();
        assertThat(check.check("CHE-100.155.212 MWST", "CH").isPassed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "DE 12345678, DE, expected DE and 9 digits",
            "DE 011125440, DE, 'expected DE and 9 digits, the first not 0'",
            "NL 009122746B00, NL, 'expected NL and 9 digits, B and 2 digits (not 00)'",
            "SK 2010 237 945, SK, 'the third 2, 3, 4, 7, 8 or 9'",
            "ATU 1515B209, AT, expected AT and U and 8 digits",
    })
    void refusesAWrongFormatSayingWhatIsExpected(String typed, String country, String expected) {
        CheckResult result = check.check(typed, country);

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).contains(expected);
    }

    @Test
    void theTaxIdMustBelongToTheApplicantsCountry() {
        CheckResult foreign = check.check("FR 40 303 265 045", "DE");

        assertThat(foreign.isPassed()).isFalse();
        assertThat(foreign.reason()).isEqualTo("tax id FR40303265045 carries the prefix FR, but the applicant is in DE"
                + " (expected DE and 9 digits, the first not 0)");
        assertThat(check.check("DE136695976", "US").reason())
                .isEqualTo("tax id DE136695976 is a DE VAT number, but the applicant is in US");
    }

    @Test
    void greeceUsesThePrefixEl() {
        assertThat(check.check("EL 094012834", "GR").isPassed()).isTrue();
        CheckResult grPrefix = check.check("GR 094012834", "GR");
        assertThat(grPrefix.isPassed()).isFalse();
        assertThat(grPrefix.reason()).contains("carry the prefix EL, not GR");
    }

    @Test
    void territoriesSharingAVatSchemeUseIt() {
        assertThat(check.check("FR16000063601", "MC").isPassed()).as("Monaco is in the French VAT area").isTrue();
        assertThat(check.check("GB 980 7806 84", "IM").isPassed()).as("Isle of Man uses UK numbers").isTrue();
        assertThat(check.check("XI 980 7806 84", "GB").isPassed()).as("Northern Ireland's XI prefix").isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "GB 980 7806 84, GB, true",
            "GB 802311781, GB, false",
            "CHE-100.155.212, CH, true",
            "CHE-100.155.213, CH, false",
            "NO 995 525 828 MVA, NO, true",
            "NO 995 525 829 MVA, NO, false",
    })
    void checksKnownNonEuSchemes(String typed, String country, boolean valid) {
        assertThat(check.check(typed, country).isPassed()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
            "12-3456789, US, true",
            "ABC680524P76, MX, true",
            "1234, US, false",
            "123456789012345678901, US, false",
    })
    void appliesTheGenericRuleElsewhere(String typed, String country, boolean valid) {
        CheckResult result = check.check(typed, country);

        assertThat(result.isPassed()).as(result.reason()).isEqualTo(valid);
        assertThat(result.reason()).contains("generic rule for " + country);
    }

    @Test
    void aMissingTaxIdOrCountryFailsWithoutThrowing() {
        assertThat(check.check(null, "DE").reason()).isEqualTo("no tax id given");
        assertThat(check.check(" - ", "DE").reason()).isEqualTo("no tax id given");
        assertThat(check.check("DE136695976", null).isPassed()).isFalse();
    }

    @Test
    void normalisesCaseSpacesAndSeparators() {
        assertThat(TaxIds.normalise(" de 136.695-976 ")).isEqualTo("DE136695976");
        assertThat(TaxIds.normalise(null)).isNull();
        assertThat(TaxIds.canonical("136695976", "DE")).isEqualTo("DE136695976");
        assertThat(TaxIds.canonical("EL 94051189", "GR")).isEqualTo("EL094051189");
        assertThat(TaxIds.canonical("12-3456789", "US")).isEqualTo("123456789");
        assertThat(TaxIds.lookupForms("de 136695976", "DE")).containsExactly("DE136695976", "136695976");
    }

    static List<String> validNumbers() {
        return lines("check/vat-numbers-valid.txt");
    }

    static List<String> wrongCheckDigits() {
        return lines("check/vat-numbers-wrong-check-digit.txt");
    }

    private static String countryOf(String typed) {
        String prefix = TaxIds.normalise(typed).substring(0, 2);
        return prefix.equals("EL") ? "GR" : prefix;
    }

    private static List<String> lines(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                TaxIdCheckTests.class.getClassLoader().getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
