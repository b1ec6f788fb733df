package io.accord.onboarding.check;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tax id fits the applicant's country: its VAT scheme's format and check digits where we know the scheme
 * ({@link VatSchemes}), else a generic plausibility rule. A tax id of another country's scheme fails.
 */
final class TaxIdCheck {

    private static final Pattern GENERIC = Pattern.compile("[A-Z0-9]{5,20}");
    private static final String GENERIC_RULE = "5 to 20 letters and digits";

    CheckResult check(String taxId, String country) {
        String normalised = TaxIds.normalise(taxId);
        if (normalised == null || normalised.isEmpty()) {
            return failed(ReasonCodes.TAX_ID_MISSING, "no tax id given");
        }
        if (country == null || country.isBlank()) {
            return failed(ReasonCodes.TAX_ID_COUNTRY_MISSING, "tax id " + normalised
                    + " cannot be checked without the applicant's country");
        }
        Optional<Map.Entry<String, VatScheme>> prefixed = VatSchemes.prefixing(normalised);
        return VatSchemes.forCountry(country)
                .map(home -> againstScheme(normalised, country, home, prefixed))
                .orElseGet(() -> generic(normalised, country, prefixed));
    }

    private CheckResult againstScheme(String normalised, String country, VatScheme home,
                                      Optional<Map.Entry<String, VatScheme>> prefixed) {
        String expected = "expected " + home.prefix() + " and " + home.format();
        if (prefixed.isPresent() && prefixed.get().getValue() != home) {
            return failed(ReasonCodes.VAT_ID_COUNTRY_MISMATCH, "tax id " + normalised + " carries the prefix "
                    + prefixed.get().getKey() + ", but the applicant is in " + country + " (" + expected + ")");
        }
        if (prefixed.isEmpty() && normalised.startsWith(country)
                && home.matchesFormat(normalised.substring(country.length()))) {
            return failed(ReasonCodes.VAT_ID_PREFIX_INVALID, "tax id " + normalised + ": VAT numbers of " + country
                    + " carry the prefix " + home.prefix() + ", not " + country);
        }
        String number = prefixed.map(found -> normalised.substring(found.getKey().length())).orElse(normalised);
        String label = "VAT number " + home.prefix() + number;
        if (!home.matchesFormat(number)) {
            return failed(ReasonCodes.VAT_ID_FORMAT_INVALID, label + ": " + expected);
        }
        if (!home.checkDigitsVerify(number)) {
            return failed(ReasonCodes.VAT_ID_CHECK_DIGIT_INVALID, label + ": check digit (" + home.algorithm()
                    + ") does not verify");
        }
        return home.formatOnly()
                ? passed(ReasonCodes.VAT_ID_FORMAT_VALID, label + ": format valid (no check digit known for "
                        + home.prefix() + ")")
                : passed(ReasonCodes.VAT_ID_VALID, label + ": format and check digit (" + home.algorithm()
                        + ") valid");
    }

    private CheckResult generic(String normalised, String country, Optional<Map.Entry<String, VatScheme>> prefixed) {
        if (prefixed.isPresent()
                && prefixed.get().getValue().matchesFormat(normalised.substring(prefixed.get().getKey().length()))) {
            return failed(ReasonCodes.VAT_ID_COUNTRY_MISMATCH, "tax id " + normalised + " is a "
                    + prefixed.get().getKey() + " VAT number, but the applicant is in " + country);
        }
        if (!GENERIC.matcher(normalised).matches()) {
            return failed(ReasonCodes.TAX_ID_FORMAT_INVALID, "tax id " + normalised + ": expected " + GENERIC_RULE
                    + " (generic rule for " + country + ")");
        }
        return passed(ReasonCodes.TAX_ID_PLAUSIBLE, "tax id " + normalised + ": plausible (generic rule for "
                + country + ": " + GENERIC_RULE + "; no check digit known)");
    }

    private static CheckResult passed(String code, String reason) {
        return CheckResult.passed(CheckNames.TAX_ID, code, reason);
    }

    private static CheckResult failed(String code, String reason) {
        return CheckResult.failed(CheckNames.TAX_ID, code, reason);
    }
}
