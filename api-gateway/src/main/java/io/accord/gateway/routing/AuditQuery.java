package io.accord.gateway.routing;

import io.accord.gateway.problem.InvalidParameterException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The parameters of {@code GET /api/audit}, checked by the gateway because it answers the query itself (a bad
 * value would otherwise come back from all six services as six failures).
 *
 * @param partnerId    only this partner's entries, or {@code null}
 * @param resourceType only this resource type, or {@code null}
 * @param resourceId   only this resource, or {@code null}
 */
record AuditQuery(UUID partnerId, String resourceType, String resourceId, int offset, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * The most entries a service's own audit endpoint answers at once. Every service is asked for its newest
     * {@code offset + limit} entries, so a page may not reach deeper than this; filters narrow a longer trail.
     */
    static final int SERVICE_MAX_LIMIT = 1000;

    /** Parses the raw query parameters; a blank one counts as absent. */
    static AuditQuery parse(String partnerId, String resourceType, String resourceId, String offset, String limit) {
        int pageSize = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int deepest = SERVICE_MAX_LIMIT - pageSize;
        int skip = integer("offset", offset, 0, 0, deepest);
        return new AuditQuery(uuid("partnerId", partnerId), blankToNull(resourceType), blankToNull(resourceId),
                skip, pageSize);
    }

    /** How many of its newest entries each service must answer for this page to be exact. */
    int perServiceLimit() {
        return offset + limit;
    }

    /** The filters that are set, by the parameter names the services' audit endpoints share with this one. */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (partnerId != null) {
            filters.put("partnerId", partnerId.toString());
        }
        if (resourceType != null) {
            filters.put("resourceType", resourceType);
        }
        if (resourceId != null) {
            filters.put("resourceId", resourceId);
        }
        return filters;
    }

    private static int integer(String name, String raw, int absent, int min, int max) {
        if (blankToNull(raw) == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException notAnInteger) {
            // answered below like an out-of-range value
        }
        throw new InvalidParameterException(name, "must be an integer from " + min + " to " + max
                + ("offset".equals(name) ? " (offset + limit may not exceed " + SERVICE_MAX_LIMIT + ")" : ""));
    }

    private static UUID uuid(String name, String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        }
        catch (IllegalArgumentException notAUuid) {
            throw new InvalidParameterException(name, "must be a UUID");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
