package io.accord.portal.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** How the profile page shows parts of a partner. */
final class ProfileView {

    private ProfileView() {
    }

    /** The registered address on one line ({@code street1, street2, postCode city}), empty when none. */
    static String address(JsonNode address) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("street1", "street2")) {
            String value = address.path(field).asString("");
            if (!value.isBlank()) {
                parts.add(value);
            }
        }
        String city = (address.path("postCode").asString("") + " " + address.path("city").asString("")).strip();
        if (!city.isEmpty()) {
            parts.add(city);
        }
        return String.join(", ", parts);
    }

    /**
     * Onboarding checks IBAN and BIC together and names only {@code iban} when both are wrong ("IBAN DE00 …: …; BIC
     * XX: …"): the BIC's part goes to the BIC's field, so each field shows (and is marked with) its own problem.
     */
    static Map<String, String> bankErrors(Map<String, String> errors) {
        String iban = errors.get("iban");
        int bicPart = iban == null ? -1 : iban.indexOf("; BIC ");
        if (bicPart < 0 || errors.containsKey("bic")) {
            return errors;
        }
        Map<String, String> split = new LinkedHashMap<>(errors);
        split.put("iban", iban.substring(0, bicPart));
        split.put("bic", iban.substring(bicPart + 2));
        return split;
    }

    private static final java.util.regex.Pattern IBAN_LENGTH =
            java.util.regex.Pattern.compile(".*\\b([A-Z]{2}) IBANs have (\\d+) characters, this one has (\\d+).*");
    private static final java.util.regex.Pattern IBAN_COUNTRY =
            java.util.regex.Pattern.compile(".*\\b([A-Z]{2}) does not issue IBANs.*");

    /**
     * Onboarding's refusal of an IBAN ({@code Ibans.problem}: "IBAN DE00 …: checksum (mod 97) does not verify") as
     * the portal's message key and its arguments; {@code null} for another message. Until 2026-12-07 a German
     * partner read only "Dieser Wert wird nicht angenommen." for a mistyped IBAN.
     */
    static org.springframework.context.support.DefaultMessageSourceResolvable ibanProblem(String message) {
        if (message == null) {
            return null;
        }
        java.util.regex.Matcher length = IBAN_LENGTH.matcher(message);
        java.util.regex.Matcher country = IBAN_COUNTRY.matcher(message);
        if (message.contains("checksum (mod 97) does not verify")) {
            return resolvable("profile.bank.iban.checksum");
        } else if (length.matches()) {
            return resolvable("profile.bank.iban.length", length.group(1), length.group(2), length.group(3));
        } else if (country.matches()) {
            return resolvable("profile.bank.iban.country", country.group(1));
        } else if (message.contains("must start with a country code and two check digits")) {
            return resolvable("profile.bank.iban.start");
        } else if (message.contains("only letters and digits are allowed")) {
            return resolvable("profile.bank.iban.characters");
        }
        return null;
    }

    private static org.springframework.context.support.DefaultMessageSourceResolvable resolvable(String key,
                                                                                                  Object... arguments) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, arguments);
    }
}
