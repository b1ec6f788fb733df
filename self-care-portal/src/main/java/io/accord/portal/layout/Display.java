package io.accord.portal.layout;

import java.time.Duration;

/**
 * How pages show the gateway's values: money ({@link #money}, also in templates as {@code @display.money(…)}),
 * dates and instants to the minute (UTC, {@link #instantUtc} naming the zone) by {@link Dates}, durations in words a glance reads.
 */
public final class Display {

    private Display() {
    }

    /**
     * {@code 2026-12-01T09:00:12.5Z} to the minute in UTC, in the user's language ({@link Dates#instant}):
     * {@code 2026-12-01 09:00}, German {@code 01.12.2026, 09:00}; a date as {@link #date}; blank or odd values as they
     * came.
     */
    public static String instant(String iso) {
        return Dates.instant(iso, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** A day in the user's language ({@link Dates#date}): {@code 2026-12-07}, German {@code 07.12.2026}. */
    public static String date(String iso) {
        return Dates.date(iso, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /**
     * {@link #instant} with the zone the platform keeps every time in: {@code 2026-12-01 09:00 UTC}, German
     * {@code 01.12.2026, 09:00 UTC} (also for a value {@link #instant} already shortened); blank as empty. Pages that
     * show a time next to a period "(UTC)" or an hour of the day name the zone, so that nobody reads it as their local
     * time.
     */
    public static String instantUtc(String iso) {
        String shown = instant(iso);
        return shown.isEmpty() ? "" : shown + " UTC";
    }

    /**
     * An amount as the gateway sent it (a JSON number or string), as {@link #money} shows it without a currency: two
     * decimals unless more are significant; absent or null as empty.
     */
    public static String amount(tools.jackson.databind.JsonNode value) {
        return amount(value, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /**
     * Money as every page shows it: the amount in the user's language (grouping, decimal mark) with the currency's
     * minor digits (two for EUR, none for JPY; two when the currency is unknown or not given), more only when they are
     * significant ({@code 0.000001} per unit stays, {@code 100.500000} is {@code 100.50}), never rounded, then the
     * currency code. The amount is a JSON number or string, a {@link java.math.BigDecimal}, a number or its text;
     * absent, null or blank is empty, text that is no number is shown as it is.
     */
    public static String money(Object value, String currency) {
        String code = currency == null ? "" : currency.strip();
        String shown = amount(value, code, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return shown.isEmpty() || code.isEmpty() ? shown : shown + " " + code;
    }

    /** The amount of {@link #money} alone (a table with a currency column of its own). */
    public static String amount(Object value, String currency, java.util.Locale locale) {
        java.math.BigDecimal amount = decimal(value);
        if (amount == null) {
            return text(value);
        }
        int minor = minorDigits(currency == null ? "" : currency.strip());
        java.math.BigDecimal plain = amount.stripTrailingZeros();
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        format.setMinimumFractionDigits(minor);
        format.setMaximumFractionDigits(Math.max(minor, Math.max(0, plain.scale())));
        return format.format(plain);
    }

    /**
     * A total (a sum of money: a month's revenue, what a statement's lines add up to) at the currency's minor unit,
     * rounded half-even as settlement rounds its documents ({@code 81.59891} EUR → {@code 81.60 EUR}); per-record
     * amounts and rates keep their significant digits ({@link #money}).
     */
    public static String total(Object value, String currency, java.util.Locale locale) {
        java.math.BigDecimal amount = decimal(value);
        String code = currency == null ? "" : currency.strip();
        if (amount == null) {
            String shown = text(value);
            return shown.isEmpty() || code.isEmpty() ? shown : shown + " " + code;
        }
        String shown = amount(amount.setScale(minorDigits(code), java.math.RoundingMode.HALF_EVEN), code, locale);
        return code.isEmpty() ? shown : shown + " " + code;
    }

    /**
     * A plain number (a volume, a count, a quantity) in the user's language: grouped, its significant decimals only
     * ({@code 100000.0} → {@code 100,000} / {@code 100.000}, {@code 0.5} → {@code 0,5}); absent is empty, text that is
     * no number as it is.
     */
    public static String number(Object value, java.util.Locale locale) {
        java.math.BigDecimal number = decimal(value);
        if (number == null) {
            return text(value);
        }
        java.math.BigDecimal plain = number.stripTrailingZeros();
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        return format.format(plain);
    }

    /**
     * A quantity of usage in its unit as {@link #number} shows it, at most the decimals that unit's quantities
     * sensibly have (none for bytes, events, messages and API calls; two for seconds and minutes; three for hours and
     * KB/MB/GB and any other unit), rounded half-even, trailing zeros dropped: the sums of rated quantities carry
     * the services' binary-fraction residue ({@code 455.100000003} minutes → {@code 455.1}), shown as such until
     * 2026-12-07. Absent is empty, text that is no number as it is.
     */
    public static String quantity(Object value, String unit, java.util.Locale locale) {
        java.math.BigDecimal quantity = decimal(value);
        if (quantity == null) {
            return text(value);
        }
        int decimals = switch (unit == null ? "" : unit.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "B", "EVENT", "MESSAGE", "API_CALL" -> 0;
            case "S", "MIN" -> 2;
            default -> 3;
        };
        return number(quantity.setScale(Math.min(decimals, Math.max(quantity.scale(), 0)),
                java.math.RoundingMode.HALF_EVEN), locale);
    }

    /** A percentage as {@link #number} with the sign: {@code 19.0} → {@code 19 %}, {@code 0.5} → {@code 0,5 %}. */
    public static String percent(Object value, java.util.Locale locale) {
        String shown = number(value, locale);
        return shown.isEmpty() ? "" : shown + " %";
    }

    private static int minorDigits(String currency) {
        try {
            int digits = currency.isEmpty() ? 2 : java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    private static java.math.BigDecimal decimal(Object value) {
        try {
            if (value instanceof java.math.BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof tools.jackson.databind.JsonNode node && node.isNumber()) {
                return node.decimalValue();
            }
            if (value instanceof Number number) {
                return new java.math.BigDecimal(number.toString());
            }
            String text = text(value);
            return text.isEmpty() ? null : new java.math.BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof tools.jackson.databind.JsonNode node) {
            return node.isMissingNode() || node.isNull() ? "" : node.asString().strip();
        }
        return value.toString().strip();
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
