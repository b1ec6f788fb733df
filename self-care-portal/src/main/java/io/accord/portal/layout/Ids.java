package io.accord.portal.layout;

import java.util.UUID;

/** Checks of ids the pages take from the user before anything is asked of the gateway. */
public final class Ids {

    private Ids() {
    }

    /** Whether {@code value} (surrounding blanks ignored) is a UUID; {@code null} and blank are not. */
    public static boolean isUuid(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            UUID.fromString(value.strip());
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
