package io.accord.portal.profile;

import java.util.ArrayList;
import java.util.List;

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
}
