package io.accord.onboarding.partner;

import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.UnsupportedCountryException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BICs (ISO 9362), validated by iban4j: 4 letters (institution), the ISO country, 2 letters or digits (location),
 * optionally 3 for the branch. Ours is only the rule that the country must be the IBAN's, or one whose banks keep
 * accounts in that IBAN country's scheme (French overseas departments and Monaco with France, the Channel Islands
 * and the Isle of Man with the UK, Åland with Finland).
 */
final class Bics {

    private static final Map<String, Set<String>> RELATED = Map.of(
            "FR", Set.of("MC", "GP", "GF", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"),
            "MC", Set.of("FR"),
            "GB", Set.of("GG", "JE", "IM"),
            "FI", Set.of("AX"));

    private Bics() {
    }

    static String normalise(String bic) {
        return bic == null ? null : bic.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Why the BIC is not acceptable with an IBAN of this country; empty when it is. */
    static Optional<String> problem(String bic, String ibanCountry) {
        String normalised = normalise(bic);
        try {
            BicUtil.validate(normalised);
        } catch (UnsupportedCountryException unknown) {
            return Optional.of("BIC " + normalised + ": " + normalised.substring(4, 6) + " is not a country");
        } catch (BicFormatException format) {
            return Optional.of("BIC " + normalised + ": expected 8 or 11 characters (4 letters for the bank, the"
                    + " country, 2 letters or digits for the location, optionally 3 for the branch)");
        }
        String country = BicUtil.getCountryCode(normalised);
        if (ibanCountry != null && !country.equals(ibanCountry)
                && !RELATED.getOrDefault(ibanCountry, Set.of()).contains(country)) {
            return Optional.of("BIC " + normalised + ": country " + country + " does not match the IBAN's country "
                    + ibanCountry);
        }
        return Optional.empty();
    }
}
