package io.accord.onboarding.partner;

import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.iban4j.bban.BbanStructure;
import org.iban4j.bban.BbanStructureEntry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IBANs (ISO 13616): normalising, validating with the reason, and printing in groups of four. Validation is iban4j's
 * (every country of the IBAN registry it knows, each country's length and account structure, mod 97); this class
 * only turns its findings into reasons a person can act on.
 */
public final class Ibans {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Z0-9]+");

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
        try {
            IbanUtil.validate(normalised);
            return Optional.empty();
        } catch (InvalidCheckDigitException checksum) {
            return Optional.of(label + "checksum (mod 97) does not verify");
        } catch (UnsupportedCountryException unsupported) {
            return Optional.of(label + normalised.substring(0, 2) + " does not issue IBANs");
        } catch (IbanFormatException format) {
            return Optional.of(label + reason(format, normalised));
        }
    }

    private static String reason(IbanFormatException format, String iban) {
        String country = iban.substring(0, Math.min(2, iban.length()));
        return switch (format.getFormatViolation()) {
            case COUNTRY_CODE_TWO_LETTERS, COUNTRY_CODE_UPPER_CASE_LETTERS, CHECK_DIGIT_TWO_DIGITS,
                 CHECK_DIGIT_ONLY_DIGITS -> "must start with a country code and two check digits";
            case COUNTRY_CODE_EXISTS -> country + " does not issue IBANs";
            case BBAN_LENGTH -> country + " IBANs have " + (Integer.parseInt(String.valueOf(format.getExpected())) + 4)
                    + " characters, this one has " + iban.length();
            case BBAN_ONLY_DIGITS, BBAN_ONLY_UPPER_CASE_LETTERS, BBAN_ONLY_DIGITS_OR_LETTERS ->
                    "the account part of " + country + " IBANs is " + describe(CountryCode.getByCode(country));
            default -> format.getMessage();
        };
    }

    /** The account part's structure in words, e.g. GB is "4 letters, 14 digits". */
    private static String describe(CountryCode country) {
        StringBuilder words = new StringBuilder();
        BbanStructureEntry.EntryCharacterType kind = null;
        int count = 0;
        for (BbanStructureEntry entry : BbanStructure.forCountry(country).getEntries()) {
            if (kind != null && entry.getCharacterType() != kind) {
                words.append(words.isEmpty() ? "" : ", ").append(count).append(' ').append(noun(kind));
                count = 0;
            }
            kind = entry.getCharacterType();
            count += entry.getLength();
        }
        return words.append(words.isEmpty() ? "" : ", ").append(count).append(' ').append(noun(kind)).toString();
    }

    private static String noun(BbanStructureEntry.EntryCharacterType kind) {
        return switch (kind) {
            case n -> "digits";
            case a -> "letters";
            case c -> "letters or digits";
        };
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

    /**
     * The IBAN as shown to someone who may know that a partner has an account but not which: country, check digits
     * and the last four characters, e.g. {@code "DE02 **** **** **** 2051"}. The middle is always three starred
     * groups, so the mask does not tell the length either; an IBAN of eight characters or fewer is all stars.
     */
    public static String mask(String iban) {
        String normalised = normalise(iban);
        if (normalised == null) {
            return null;
        }
        if (normalised.length() <= 8) {
            return "**** ****";
        }
        return normalised.substring(0, 4) + " **** **** **** " + normalised.substring(normalised.length() - 4);
    }

    /** Whether banks of this country (ISO 3166-1 alpha-2) issue IBANs: iban4j knows its account structure. */
    static boolean issuedIn(String country) {
        CountryCode code = country == null ? null : CountryCode.getByCode(country);
        return code != null && BbanStructure.forCountry(code) != null;
    }

    /** The country of an IBAN (its first two characters), or null when it has none. */
    static String country(String iban) {
        String normalised = normalise(iban);
        return normalised != null && normalised.length() >= 2 ? normalised.substring(0, 2) : null;
    }
}
