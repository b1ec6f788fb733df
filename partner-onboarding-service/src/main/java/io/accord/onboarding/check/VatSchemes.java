package io.accord.onboarding.check;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.accord.onboarding.check.VatScheme.of;

/**
 * The VAT number schemes we know: all 27 EU member states (each with its check digits; see the rule classes for
 * the few forms checked on format only) plus the UK, Switzerland and Norway. Other countries get the generic rule
 * of {@link TaxIdCheck}.
 */
final class VatSchemes {

    private static final List<VatScheme> SCHEMES = List.of(
            of("AT", "U\\d{8}", "U and 8 digits").checked("weighted digit sum", VatCheckDigits::austria),
            of("BE", "[01]\\d{9}", "10 digits starting 0 or 1").canonicalisedBy(VatSchemes::belgianLeadingZero)
                    .checked("mod 97", VatCheckDigits::belgium),
            of("BG", "\\d{9,10}", "9 digits (10 for persons)").checked("weighted mod 11", VatCheckDigits::bulgaria),
            of("CY", "\\d{8}[A-Z]", "8 digits and a check letter").checked("check letter", VatCheckLetters::cyprus),
            of("CZ", "\\d{8,10}", "8 digits (9 or 10 for persons)").checked("weighted mod 11", VatCheckDigits::czechia),
            of("DE", "[1-9]\\d{8}", "9 digits, the first not 0")
                    .checked("ISO 7064 mod 11,10", VatCheckDigits::germany),
            of("DK", "[1-9]\\d{7}", "8 digits, the first not 0").checked("weighted mod 11", VatCheckDigits::denmark),
            of("EE", "10\\d{7}", "9 digits starting 10").checked("weighted mod 10", VatCheckDigits::estonia),
            of("EL", "\\d{9}", "9 digits").forCountries("GR").canonicalisedBy(VatSchemes::greekLeadingZero)
                    .checked("powers of 2 mod 11", VatCheckDigits::greece),
            of("ES", "\\d{8}[A-Z]|[XYZKLM]\\d{7}[A-Z]|[ABCDEFGHJNPQRSUVW]\\d{7}[0-9A-J]",
                    "9 characters: a letter or digit, 7 digits, a check letter or digit")
                    .checked("NIF/CIF control character", VatCheckLetters::spain),
            of("FI", "\\d{8}", "8 digits").checked("weighted mod 11", VatCheckDigits::finland),
            of("FR", "[0-9A-HJ-NP-Z]{2}\\d{9}", "a 2-character key and the 9-digit SIREN").forCountries("FR", "MC")
                    .checked("key and SIREN Luhn", VatCheckLetters::france),
            of("HR", "\\d{11}", "11 digits (OIB)").checked("ISO 7064 mod 11,10", VatCheckDigits::croatia),
            of("HU", "\\d{8}", "8 digits").checked("weighted mod 10", VatCheckDigits::hungary),
            of("IE", "\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W]", "7 digits and 1 or 2 letters")
                    .checked("weighted mod 23 check letter", VatCheckLetters::ireland),
            of("IT", "\\d{11}", "11 digits").checked("Luhn and office code", VatCheckDigitsItToSk::italy),
            of("LT", "\\d{9}|\\d{12}", "9 or 12 digits").checked("weighted mod 11", VatCheckDigitsItToSk::lithuania),
            of("LU", "\\d{8}", "8 digits").checked("mod 89", VatCheckDigitsItToSk::luxembourg),
            of("LV", "\\d{11}", "11 digits").checked("weighted mod 11", VatCheckDigitsItToSk::latvia),
            of("MT", "[1-9]\\d{7}", "8 digits, the first not 0")
                    .checked("weighted mod 37", VatCheckDigitsItToSk::malta),
            of("NL", "\\d{9}B(0[1-9]|[1-9]\\d)", "9 digits, B and 2 digits (not 00)")
                    .canonicalisedBy(VatSchemes::dutchPadding)
                    .checked("11-test or mod 97", VatCheckDigitsItToSk::netherlands),
            of("PL", "\\d{10}", "10 digits").checked("weighted mod 11", VatCheckDigitsItToSk::poland),
            of("PT", "[1-9]\\d{8}", "9 digits, the first not 0")
                    .checked("weighted mod 11", VatCheckDigitsItToSk::portugal),
            of("RO", "[1-9]\\d{1,9}|[1-9]\\d{12}", "2 to 10 digits (13 for persons)")
                    .checked("weighted mod 11", VatCheckDigitsItToSk::romania),
            of("SE", "\\d{10}01", "12 digits ending 01").checked("Luhn", VatCheckDigitsItToSk::sweden),
            of("SI", "[1-9]\\d{7}", "8 digits, the first not 0")
                    .checked("weighted mod 11", VatCheckDigitsItToSk::slovenia),
            of("SK", "[1-9]\\d[2-47-9]\\d{7}", "10 digits, the third 2, 3, 4, 7, 8 or 9")
                    .checked("mod 11", VatCheckDigitsItToSk::slovakia),
            of("GB", "\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2}", "9 digits (12 with a branch)").alsoPrefixed("XI")
                    .forCountries("GB", "IM").checked("mod 97 or 9755", NonEuCheckDigits::unitedKingdom),
            of("CHE", "\\d{9}", "9 digits").forCountries("CH").canonicalisedBy(number -> withoutSuffix(number,
                    "MWST", "TVA", "IVA", "TPV")).checked("weighted mod 11", NonEuCheckDigits::switzerland),
            of("NO", "\\d{9}", "9 digits").canonicalisedBy(number -> withoutSuffix(number, "MVA"))
                    .checked("weighted mod 11", NonEuCheckDigits::norway));

    private static final Map<String, VatScheme> BY_COUNTRY = byCountry();
    /** Longest prefix first, so CHE is tried before a two-letter prefix could. */
    private static final List<Map.Entry<String, VatScheme>> BY_PREFIX = byPrefix();

    private VatSchemes() {
    }

    static List<VatScheme> all() {
        return SCHEMES;
    }

    static Optional<VatScheme> forCountry(String isoCountry) {
        return Optional.ofNullable(BY_COUNTRY.get(isoCountry));
    }

    /** The scheme whose prefix starts the normalised tax id, and the prefix found. */
    static Optional<Map.Entry<String, VatScheme>> prefixing(String normalisedTaxId) {
        return BY_PREFIX.stream().filter(entry -> normalisedTaxId.startsWith(entry.getKey())).findFirst();
    }

    private static Map<String, VatScheme> byCountry() {
        Map<String, VatScheme> map = new LinkedHashMap<>();
        SCHEMES.forEach(scheme -> scheme.countries().forEach(country -> map.put(country, scheme)));
        return Map.copyOf(map);
    }

    private static List<Map.Entry<String, VatScheme>> byPrefix() {
        return SCHEMES.stream()
                .flatMap(scheme -> scheme.prefixes().stream().map(prefix -> Map.entry(prefix, scheme)))
                .sorted(Comparator.comparing((Map.Entry<String, VatScheme> entry) -> entry.getKey().length())
                        .reversed())
                .toList();
    }

    /** Greek numbers of 8 digits are the 9-digit ones without their leading 0. */
    private static String greekLeadingZero(String number) {
        return number.length() == 8 ? "0" + number : number;
    }

    private static String belgianLeadingZero(String number) {
        return number.length() == 9 ? "0" + number : number;
    }

    /** Short Dutch numbers are written without their leading zeros (NL4495445B01 is NL004495445B01). */
    private static String dutchPadding(String number) {
        int b = number.indexOf('B');
        return b > 0 && b < 9 ? padded(number.substring(0, b), 9) + number.substring(b) : number;
    }

    private static String padded(String number, int length) {
        return number.length() < length && number.chars().allMatch(Character::isDigit)
                ? "0".repeat(length - number.length()) + number : number;
    }

    private static String withoutSuffix(String number, String... suffixes) {
        for (String suffix : suffixes) {
            if (number.endsWith(suffix)) {
                return number.substring(0, number.length() - suffix.length());
            }
        }
        return number;
    }
}
