package io.accord.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The times Accord accepts from a caller: from 1900-01-01 to 9999-12-31 (UTC, to the microsecond PostgreSQL keeps).
 * Java reads years up to a billion and PostgreSQL stores from 4713 BC to 294276 AD; a time outside this range is
 * refused where it comes in (the services' {@code SupportedTimes}, the portal's forms).
 *
 * <p>Why not from year 1 (until 2026-12-06): a time bound as {@code java.sql.Timestamp} (Hibernate's {@code Instant}
 * columns, {@code Timestamp.from} parameters) goes through the Julian calendar before 1582-10-15, while Java's and
 * PostgreSQL's own calendars are proleptic Gregorian: 0001-01-01 was stored as 0001-01-03 and 1000-06-15 as
 * 1000-06-09, what Java read back hiding it. From 1900 every way of binding stores the time exactly, and no offering,
 * agreement, usage or invoice of a telco is older (rating's usage times and documents' dates already started there).
 */
public final class TimeRange {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** The last microsecond of 9999: PostgreSQL keeps microseconds and would round a later nanosecond up. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** The range in words, for messages: "must be " + DESCRIPTION. */
    public static final String DESCRIPTION = "between 1900-01-01 and 9999-12-31 (UTC)";

    private TimeRange() {
    }

    /** Whether a time (an instant, offset or zoned date-time, a date or a local date-time, as UTC) is in the range. */
    public static boolean contains(Object time) {
        Instant instant = switch (time) {
            case null -> null;
            case Instant value -> value;
            case OffsetDateTime value -> value.toInstant();
            case ZonedDateTime value -> value.toInstant();
            case LocalDate value -> value.atStartOfDay(ZoneOffset.UTC).toInstant();
            case LocalDateTime value -> value.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("not a time: " + time.getClass().getName());
        };
        return instant == null || !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
