package io.accord.gateway.routing;

import io.accord.gateway.problem.InvalidParameterException;

import io.accord.contracts.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * @param actor        only entries of this actor (username or subject id), or {@code null}
 * @param action       only this action, or {@code null}
 * @param correlationId only entries written for this request ({@code X-Correlation-Id}), or {@code null}
 * @param from         only entries that occurred at or after this instant, or {@code null}
 * @param to           only entries that occurred before this instant, or {@code null}
 */
record AuditQuery(UUID partnerId, String resourceType, String resourceId, String actor, String action,
                  String correlationId, Instant from, Instant to, int offset, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * The most entries a service's own audit endpoint answers at once. Every service is asked for its newest
     * {@code offset + limit} entries, so a page may not reach deeper than this; filters narrow a longer trail.
     */
    static final int SERVICE_MAX_LIMIT = 1000;

    /** The raw filter parameters, as the caller sent them. */
    record Filters(String partnerId, String resourceType, String resourceId, String actor, String action,
                   String correlationId, String from, String to) {
    }

    /** Parses the raw query parameters; a blank one counts as absent. */
    static AuditQuery parse(Filters filters, String offset, String limit) {
        int pageSize = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int deepest = SERVICE_MAX_LIMIT - pageSize;
        int skip = integer("offset", offset, 0, 0, deepest);
        Instant from = time("from", filters.from());
        Instant to = time("to", filters.to());
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from (to is exclusive)");
        }
        return new AuditQuery(uuid("partnerId", filters.partnerId()), text("resourceType", filters.resourceType()),
                text("resourceId", filters.resourceId()), text("actor", filters.actor()),
                text("action", filters.action()), text("correlationId", filters.correlationId()), from, to, skip, pageSize);
    }

    /** The longest time one export covers (a quarter): from and to may be at most this many days apart. */
    static final int EXPORT_MAX_DAYS = 92;

    /**
     * Parses the parameters of {@code GET /api/audit/export}: the filters, with from and to required and at most
     * {@value #EXPORT_MAX_DAYS} days apart, so that an export is bounded; no paging.
     */
    static AuditQuery export(Filters filters) {
        Instant from = time("from", filters.from());
        Instant to = time("to", filters.to());
        if (from == null) {
            throw new InvalidParameterException("from", "is required: an export covers at most " + EXPORT_MAX_DAYS
                    + " days (from inclusive, to exclusive)");
        }
        if (to == null) {
            throw new InvalidParameterException("to", "is required: an export covers at most " + EXPORT_MAX_DAYS
                    + " days (from inclusive, to exclusive)");
        }
        if (!to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from (to is exclusive)");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(EXPORT_MAX_DAYS)) > 0) {
            throw new InvalidParameterException("to", "may be at most " + EXPORT_MAX_DAYS + " days after from;"
                    + " export a longer time in several files");
        }
        return new AuditQuery(uuid("partnerId", filters.partnerId()), text("resourceType", filters.resourceType()),
                text("resourceId", filters.resourceId()), text("actor", filters.actor()),
                text("action", filters.action()), text("correlationId", filters.correlationId()), from, to, 0, 0);
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
        if (actor != null) {
            filters.put("actor", actor);
        }
        if (action != null) {
            filters.put("action", action);
        }
        if (correlationId != null) {
            filters.put("correlationId", correlationId);
        }
        if (from != null) {
            filters.put("from", from.toString());
        }
        if (to != null) {
            filters.put("to", to.toString());
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

    /**
     * A text filter, {@code null} when blank. A control character (NUL, sent as {@code %00}) is refused here as every
     * service refuses it: the six 400s were counted as six services not answering, and the caller got a 503.
     */
    private static String text(String name, String raw) {
        String value = blankToNull(raw);
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException(name, "must not hold a control character such as NUL (%00)");
        }
        return value;
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

    /**
     * An ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or date ({@code 2026-11-01}, midnight UTC) in the range
     * Accord accepts, as the services read it.
     */
    private static Instant time(String name, String raw) {
        String text = blankToNull(raw);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = text.indexOf('T') < 0 && text.indexOf('t') < 0
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException notATime) {
            throw new InvalidParameterException(name, "must be an ISO-8601 date (2026-11-01) or instant"
                    + " (2026-11-01T00:00:00Z)");
        }
        if (!TimeRange.contains(instant)) {
            throw new InvalidParameterException(name, "must be " + TimeRange.DESCRIPTION);
        }
        return instant;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
