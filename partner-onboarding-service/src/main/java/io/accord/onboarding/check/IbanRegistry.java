package io.accord.onboarding.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The countries that issue IBANs and their IBAN lengths (SWIFT IBAN registry, ISO 13616), with the structure of
 * the account part (BBAN) for the SEPA countries, in the registry's notation: {@code 8!n10!n} is 8 digits then 10
 * digits; {@code a} is an upper-case letter, {@code c} a letter or digit.
 */
final class IbanRegistry {

    private static final Map<String, Integer> LENGTHS = lengths();
    private static final Map<String, String> SEPA_STRUCTURES = Map.ofEntries(
            Map.entry("AD", "4!n4!n12!c"), Map.entry("AL", "8!n16!c"), Map.entry("AT", "5!n11!n"),
            Map.entry("BE", "3!n7!n2!n"), Map.entry("BG", "4!a4!n2!n8!c"), Map.entry("CH", "5!n12!c"),
            Map.entry("CY", "3!n5!n16!c"), Map.entry("CZ", "4!n6!n10!n"), Map.entry("DE", "8!n10!n"),
            Map.entry("DK", "4!n9!n1!n"), Map.entry("EE", "2!n2!n11!n1!n"), Map.entry("ES", "4!n4!n1!n1!n10!n"),
            Map.entry("FI", "6!n7!n1!n"), Map.entry("FR", "5!n5!n11!c2!n"), Map.entry("GB", "4!a6!n8!n"),
            Map.entry("GI", "4!a15!c"), Map.entry("GR", "3!n4!n16!c"), Map.entry("HR", "7!n10!n"),
            Map.entry("HU", "3!n4!n1!n15!n1!n"), Map.entry("IE", "4!a6!n8!n"), Map.entry("IS", "4!n2!n6!n10!n"),
            Map.entry("IT", "1!a5!n5!n12!c"), Map.entry("LI", "5!n12!c"), Map.entry("LT", "5!n11!n"),
            Map.entry("LU", "3!n13!c"), Map.entry("LV", "4!a13!c"), Map.entry("MC", "5!n5!n11!c2!n"),
            Map.entry("MD", "2!c18!c"), Map.entry("ME", "3!n13!n2!n"), Map.entry("MK", "3!n10!c2!n"),
            Map.entry("MT", "4!a5!n18!c"), Map.entry("NL", "4!a10!n"), Map.entry("NO", "4!n6!n1!n"),
            Map.entry("PL", "8!n16!n"), Map.entry("PT", "4!n4!n11!n2!n"), Map.entry("RO", "4!a16!c"),
            Map.entry("RS", "3!n13!n2!n"), Map.entry("SE", "3!n16!n1!n"), Map.entry("SI", "5!n8!n2!n"),
            Map.entry("SK", "4!n6!n10!n"), Map.entry("SM", "1!a5!n5!n12!c"), Map.entry("VA", "3!n15!n"));
    private static final Pattern SEGMENT = Pattern.compile("(\\d+)!([nac])");

    private IbanRegistry() {
    }

    /** The IBAN length of the country, empty when it issues none. */
    static Optional<Integer> length(String country) {
        return Optional.ofNullable(LENGTHS.get(country));
    }

    static Map<String, Integer> countries() {
        return LENGTHS;
    }

    /** The BBAN structure where we know it (SEPA countries). */
    static Optional<String> structure(String country) {
        return Optional.ofNullable(SEPA_STRUCTURES.get(country));
    }

    static boolean matchesStructure(String structure, String bban) {
        StringBuilder regex = new StringBuilder();
        Matcher segment = SEGMENT.matcher(structure);
        while (segment.find()) {
            String characters = switch (segment.group(2)) {
                case "n" -> "[0-9]";
                case "a" -> "[A-Z]";
                default -> "[A-Z0-9]";
            };
            regex.append(characters).append('{').append(segment.group(1)).append('}');
        }
        return bban.matches(regex.toString());
    }

    /** The structure in words, e.g. {@code 4!a6!n8!n} is "4 letters, 14 digits". */
    static String describe(String structure) {
        StringBuilder words = new StringBuilder();
        Matcher segment = SEGMENT.matcher(structure);
        String kind = null;
        int count = 0;
        while (segment.find()) {
            if (!segment.group(2).equals(kind) && kind != null) {
                words.append(words.isEmpty() ? "" : ", ").append(count).append(' ').append(noun(kind));
                count = 0;
            }
            kind = segment.group(2);
            count += Integer.parseInt(segment.group(1));
        }
        return words.append(words.isEmpty() ? "" : ", ").append(count).append(' ').append(noun(kind)).toString();
    }

    private static String noun(String kind) {
        return switch (kind) {
            case "n" -> "digits";
            case "a" -> "letters";
            default -> "letters or digits";
        };
    }

    private static Map<String, Integer> lengths() {
        String registry = """
                AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18
                DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23
                IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27
                MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19
                SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30""";
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String entry : registry.split("\\s+")) {
            map.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return Map.copyOf(map);
    }
}
