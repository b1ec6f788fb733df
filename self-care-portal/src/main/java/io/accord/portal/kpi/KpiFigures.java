package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** How the KPI dashboard writes figures: numbers in the user's language, rates in percent, durations short. */
final class KpiFigures {

    static final String NONE = "–";

    private KpiFigures() {
    }

    static String number(JsonNode value, int decimals, Locale locale) {
        if (value == null || value.isNull() || value.isMissingNode() || value.asString("").isBlank()) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        BigDecimal decimal = decimal(value);
        return decimal == null ? NONE : format.format(decimal);
    }

    /** A service's figure as a decimal; one that is not a number shows as none rather than failing the page. */
    static BigDecimal decimal(JsonNode value) {
        try {
            return new BigDecimal(value.asString());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** A rate of 0..1 as a percentage with one decimal ({@code 0.25} → {@code 25.0 %}). */
    static String percent(JsonNode rate, Locale locale) {
        if (rate == null || rate.isNull() || rate.isMissingNode() || rate.asString("").isBlank()) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        BigDecimal decimal = decimal(rate);
        return decimal == null ? NONE : format.format(decimal.movePointRight(2)) + " %";
    }

    /** Seconds (a number) or an ISO-8601 duration (text) as {@code 2 d 3 h}, {@code 4 h 5 min}, {@code 12 min}, {@code 9 s}. */
    static String duration(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        Duration duration;
        if (value.isNumber()) {
            duration = Duration.ofMillis(Math.round(value.asDouble() * 1000));
        } else {
            try {
                duration = Duration.parse(value.asString());
            } catch (DateTimeParseException unreadable) {
                return NONE;
            }
        }
        long seconds = duration.toSeconds();
        if (seconds >= 86_400) {
            return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        if (seconds >= 60) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
