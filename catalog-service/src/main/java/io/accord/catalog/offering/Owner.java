package io.accord.catalog.offering;

import java.util.Objects;
import java.util.UUID;

/**
 * Who owns a catalog item: a partner, or the CSP itself (staff-created offerings such as the mobile services
 * resellers resell).
 *
 * @param partnerId the owning partner, {@code null} for the CSP
 */
public record Owner(UUID partnerId) {

    /** How the database keys an owner: the partner id, or this for the CSP. */
    static final String CSP_KEY = "CSP";

    public static Owner csp() {
        return new Owner(null);
    }

    public static Owner partner(UUID partnerId) {
        return new Owner(Objects.requireNonNull(partnerId, "partnerId"));
    }

    public boolean isCsp() {
        return partnerId == null;
    }

    String key() {
        return partnerId == null ? CSP_KEY : partnerId.toString();
    }

    static Owner ofKey(String key) {
        return CSP_KEY.equals(key) ? csp() : partner(UUID.fromString(key));
    }
}
