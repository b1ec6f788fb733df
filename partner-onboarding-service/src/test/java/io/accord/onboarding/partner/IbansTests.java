package io.accord.onboarding.partner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;
import org.iban4j.bban.BbanStructure;
import org.iban4j.bban.BbanStructureEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IbansTests {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "de89 3704 0044 0532 0130 00", "GB29NWBK60161331926819",
            "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034", "AT611904300234573201",
            "CH9300762011623852957", "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "ES9121000418450200051332",
            "IT60X0542811101000000123456", "PL61109010140000071219812874", "SE4550000000058398257466"})
    void acceptsPublishedExampleIbans(String iban) {
        assertThat(Ibans.problem(iban)).isEmpty();
        assertThat(Ibans.isValid(iban)).isTrue();
    }

    @Test
    void maskingKeepsCountryCheckDigitsAndLastFourButNotTheLength() {
        assertThat(Ibans.mask("DE02120300000000202051")).isEqualTo("DE02 **** **** **** 2051");
        assertThat(Ibans.mask("no93 8601 1117 947")).isEqualTo("NO93 **** **** **** 7947");
        assertThat(Ibans.mask("MT84MALT011000012345MTLCAST001S")).isEqualTo("MT84 **** **** **** 001S");
        assertThat(Ibans.mask("DE021203")).isEqualTo("**** ****");
        assertThat(Ibans.mask(null)).isNull();
    }

    @Test
    void namesTheIbanAndWhatIsWrong() {
        assertThat(Ibans.problem("DE89370400440532013001"))
                .contains("IBAN DE89 3704 0044 0532 0130 01: checksum (mod 97) does not verify");
        assertThat(Ibans.problem("DE8937040044053201300"))
                .contains("IBAN DE89 3704 0044 0532 0130 0: DE IBANs have 22 characters, this one has 21");
        assertThat(Ibans.problem("US64SVBKUS6S3300958879"))
                .contains("IBAN US64 SVBK US6S 3300 9588 79: US does not issue IBANs");
        assertThat(Ibans.problem("DE89-3704-0044-0532-0130-00")).get().asString()
                .endsWith("only letters and digits are allowed");
        assertThat(Ibans.problem("DE8937040044053201300A")).get().asString()
                .endsWith("the account part of DE IBANs is 18 digits");
        assertThat(Ibans.problem("1234")).get().asString()
                .endsWith("must start with a country code and two check digits");
        assertThat(Ibans.problem(null)).contains("no IBAN given");
        assertThat(Ibans.problem("   ")).contains("no IBAN given");
    }

    @Test
    void checkDigitsThatAreNeverIssuedFail() {
        // 99 is congruent to 02 modulo 97: GB82… with 99 instead would otherwise verify as well
        String valid = of("DE", "370400440532013000");
        assertThat(valid).isEqualTo("DE89370400440532013000");
        assertThat(Ibans.isValid("DE01370400440532013000")).isFalse();
        assertThat(Ibans.isValid("DE00370400440532013000")).isFalse();
        assertThat(Ibans.isValid("DE99370400440532013000")).isFalse();
    }

    @Test
    void formatsInGroupsOfFour() {
        assertThat(Ibans.format("de89370400440532013000")).isEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(Ibans.normalise(" de89 3704\t0044 ")).isEqualTo("DE8937040044");
    }

    @Test
    void knowsEverySepaCountry() {
        List<String> sepa = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
                "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
                "GB", "MC", "SM", "VA", "AD", "GI", "AL", "MD", "ME", "MK", "RS");
        sepa.forEach(country -> assertThat(IbanUtil.isSupportedCountry(CountryCode.getByCode(country)))
                .as(country).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR1800360305000010009795493C1", "SA0380000000608010167519", "TR330006100519786457841326",
            "AE070331234567890123456", "SV62CENR00000000000000700025", "EG380019000500000000263180002",
            "KZ86125KZT5004100100", "UA213223130000026007233566001"})
    void acceptsIbansBeyondSepa(String iban) {
        assertThat(Ibans.problem(iban)).isEmpty();
    }

    @Test
    void namesTheStructureOfTheAccountPart() {
        assertThat(Ibans.problem("GB29NWBK6016133192681A")).get().asString()
                .endsWith("the account part of GB IBANs is 4 letters, 14 digits");
    }

    @Property
    void aGeneratedIbanVerifies(@ForAll("ibans") String iban) {
        assertThat(Ibans.problem(iban)).isEmpty();
    }

    @Property
    void changingAnyOneDigitBreaksTheChecksum(@ForAll("ibans") String iban, @ForAll @IntRange(max = 33) int at,
                                              @ForAll @IntRange(min = 1, max = 9) int shift) {
        List<Integer> digitPositions = IntStream.range(2, iban.length())
                .filter(i -> Character.isDigit(iban.charAt(i))).boxed().toList();
        int position = digitPositions.get(at % digitPositions.size());
        char changed = (char) ('0' + (iban.charAt(position) - '0' + shift) % 10);
        String mangled = iban.substring(0, position) + changed + iban.substring(position + 1);

        assertThat(Ibans.isValid(mangled)).as(mangled).isFalse();
    }

    @Property
    void spacesAndCaseDoNotMatter(@ForAll("ibans") String iban) {
        assertThat(Ibans.isValid(Ibans.format(iban).toLowerCase())).isTrue();
    }

    /** IBANs of every country iban4j knows, with an account part following the country's structure. */
    @Provide
    Arbitrary<String> ibans() {
        return Arbitraries.of(BbanStructure.supportedCountries())
                .flatMap(country -> bbans(BbanStructure.forCountry(country))
                        .map(bban -> of(country.getAlpha2(), bban)));
    }

    private static Arbitrary<String> bbans(BbanStructure structure) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (BbanStructureEntry entry : structure.getEntries()) {
            int length = entry.getLength();
            parts.add(switch (entry.getCharacterType()) {
                case n -> Arbitraries.strings().numeric().ofLength(length);
                case a -> Arbitraries.strings().withCharRange('A', 'Z').ofLength(length);
                case c -> Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(length);
            });
        }
        return Combinators.combine(parts).as(strings -> String.join("", strings));
    }

    /** The IBAN of an account, check digits computed here (ISO 7064 mod 97-10), independently of iban4j. */
    private static String of(String country, String bban) {
        StringBuilder digits = new StringBuilder();
        for (char character : (bban + country + "00").toCharArray()) {
            digits.append(Character.getNumericValue(character));
        }
        int checkDigits = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + (checkDigits < 10 ? "0" : "") + checkDigits + bban;
    }
}
