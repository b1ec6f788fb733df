package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A half-open time window {@code [from, to)} given as query parameters, as the KPI endpoints take it: each an
 * ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or a date ({@code 2026-11-01}, midnight UTC). {@code to} defaults
 * to now, {@code from} to {@code to} minus the default length. Bad input, or a time outside
 * {@link SupportedTimes}' range, answers 400 naming the parameter.
 */
public record TimeWindow(Instant from, Instant to) {

    /** The default window: the last 30 days. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** The longest window a caller may ask for. */
    public static final Duration MAX_LENGTH = Duration.ofDays(400);

    /** Parses the caller's {@code from} and {@code to} (either may be null) against {@code now}. */
    public static TimeWindow of(String from, String to, Instant now) {
        Instant end = to == null || to.isBlank() ? now : SupportedTimes.instantOrDate("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH)
                : SupportedTimes.instantOrDate("from", from);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "to must be after from (to is exclusive)");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("from", "the window is at most " + MAX_LENGTH.toDays() + " days");
        }
        return new TimeWindow(start, end);
    }

    /** {@code from} as a JDBC parameter ({@code timestamptz}). */
    public OffsetDateTime fromParameter() {
        return from.atOffset(ZoneOffset.UTC);
    }

    /** {@code to} as a JDBC parameter ({@code timestamptz}). */
    public OffsetDateTime toParameter() {
        return to.atOffset(ZoneOffset.UTC);
    }
}
