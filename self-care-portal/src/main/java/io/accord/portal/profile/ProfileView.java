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
}
