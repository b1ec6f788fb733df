package io.accord.onboarding.check;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** IBANs (ISO 13616): normalising, validating with the reason, and printing in groups of four. */
public final class Ibans {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Z0-9]+");
    private static final Pattern START = Pattern.compile("[A-Z]{2}[0-9]{2}.*");

    private Ibans() {
    }

    /** Upper case without spaces: {@code "de89 3704 …"} is {@code "DE893704…"}; {@code null} stays {@code null}. */
    public static String normalise(String iban) {
        return iban == null ? null : WHITESPACE.matcher(iban).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Whether the IBAN has a known country, that country's length and structure, and verifies modulo 97. */
    public static boolean isValid(String iban) {
        return problem(iban).isEmpty();
    }

    /**
     * Why the IBAN is not valid, naming it, e.g. {@code "IBAN DE89 3704 0044 0532 0130 01: checksum (mod 97) does
     * not verify"}; empty when it is valid.
     */
    public static Optional<String> problem(String iban) {
        String normalised = normalise(iban);
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of("no IBAN given");
        }
        String label = "IBAN " + format(normalised) + ": ";
        if (!ALPHANUMERIC.matcher(normalised).matches()) {
            return Optional.of(label + "only letters and digits are allowed");
        }
        if (!START.matcher(normalised).matches()) {
            return Optional.of(label + "must start with a country code and two check digits");
        }
        String country = normalised.substring(0, 2);
        Optional<Integer> length = IbanRegistry.length(country);
        if (length.isEmpty()) {
            return Optional.of(label + country + " does not issue IBANs");
        }
        if (normalised.length() != length.get()) {
            return Optional.of(label + country + " IBANs have " + length.get() + " characters, this one has "
                    + normalised.length());
        }
        Optional<String> structure = IbanRegistry.structure(country)
                .filter(expected -> !IbanRegistry.matchesStructure(expected, normalised.substring(4)));
        if (structure.isPresent()) {
            return Optional.of(label + "the account part of " + country + " IBANs is "
                    + IbanRegistry.describe(structure.get()));
        }
        int checkDigits = Integer.parseInt(normalised.substring(2, 4));
        // 00, 01 and 99 are never issued: 99 would verify wherever 02 does
        String rearranged = normalised.substring(4) + normalised.substring(0, 4);
        if (checkDigits < 2 || checkDigits > 98 || CheckDigits.mod97(rearranged) != 1) {
            return Optional.of(label + "checksum (mod 97) does not verify");
        }
        return Optional.empty();
    }

    /** The normalised IBAN in groups of four, as printed on statements. */
    public static String format(String iban) {
        String normalised = normalise(iban);
        if (normalised == null) {
            return null;
        }
        StringBuilder grouped = new StringBuilder(normalised.length() + normalised.length() / 4);
        for (int i = 0; i < normalised.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(normalised.charAt(i));
        }
        return grouped.toString();
    }

    /** The IBAN of an account: the country, the two check digits that make it verify, the account part. */
    static String of(String country, String bban) {
        int checkDigits = 98 - CheckDigits.mod97(bban + country + "00");
        return country + (checkDigits < 10 ? "0" : "") + checkDigits + bban;
    }
}
