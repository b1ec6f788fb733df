package io.accord.portal.layout;

import java.time.Duration;

/** How staff pages show the gateway's values: instants to the minute (UTC), durations in words a glance reads. */
public final class Display {

    private Display() {
    }

    /** {@code 2026-12-01T09:00:12.5Z} as {@code 2026-12-01 09:00}; blank or odd values as they came. */
    public static String instant(String iso) {
        if (iso == null || iso.isBlank() || "null".equals(iso)) {
            return "";
        }
        return iso.length() >= 16 && iso.charAt(10) == 'T' ? iso.substring(0, 10) + " " + iso.substring(11, 16) : iso;
    }

    /**
     * An amount as the gateway sent it (a JSON number or string), with at least two decimals: {@code 4.2} as
     * {@code 4.20}, {@code 0.333333} as it is; absent or null as empty.
     */
    public static String amount(tools.jackson.databind.JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        try {
            java.math.BigDecimal amount = value.isNumber() ? value.decimalValue()
                    : new java.math.BigDecimal(value.asString().strip());
            return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
        } catch (NumberFormatException notANumber) {
            return value.asString();
        }
    }

    /** The first eight characters of an id, enough to tell rows apart; the full id goes in a title or link. */
    public static String shortId(String id) {
        return id == null ? "" : id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** {@code 90061000} ms as {@code 1d 1h}; under a minute {@code 42s}. */
    public static String duration(long millis) {
        Duration duration = Duration.ofMillis(Math.max(0, millis));
        if (duration.toDays() > 0) {
            return duration.toDays() + "d " + duration.toHoursPart() + "h";
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + "h " + duration.toMinutesPart() + "m";
        }
        if (duration.toMinutes() > 0) {
            return duration.toMinutes() + "m " + duration.toSecondsPart() + "s";
        }
        return duration.toSeconds() + "s";
    }
}
