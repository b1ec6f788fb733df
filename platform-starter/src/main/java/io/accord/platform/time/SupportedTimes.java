package io.accord.platform.time;

import io.accord.contracts.TimeRange;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The times a request may carry ({@link TimeRange}: from 1900-01-01 to 9999-12-31 UTC). Java reads years up to a
 * billion and PostgreSQL stores from 4713 BC to 294276 AD; a time outside both used to reach a query or an insert
 * and fail there as a 500, and arithmetic on it (a window's default start) overflowed. Query parameters are read
 * with {@link #instant}, {@link #instantOrDate} and {@link #date}; typed ones ({@code @RequestParam Instant}) and
 * request bodies are checked by the web configuration with {@link #module()}. Bad input answers 400 naming the field.
 * Each reads a time to the microsecond, as PostgreSQL keeps it ({@link #microseconds}).
 */
public final class SupportedTimes {

    public static final Instant EARLIEST = TimeRange.EARLIEST;
    public static final Instant LATEST = TimeRange.LATEST;
    public static final String RANGE = TimeRange.DESCRIPTION;

    private static final Set<Class<?>> CHECKED = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    private SupportedTimes() {
    }

    /** Whether a time (an instant, offset or zoned date-time, a date or a local date-time, as UTC) is supported. */
    public static boolean contains(Object time) {
        return TimeRange.contains(time);
    }

    /**
     * The value to the microsecond (what PostgreSQL keeps), or a 400 naming the field when it is outside the supported
     * range.
     */
    public static <T> T check(String field, T time) {
        T kept = microseconds(time);
        if (!contains(kept)) {
            throw new InvalidInputException(field, field + " must be " + RANGE + ", not " + time);
        }
        return kept;
    }

    /**
     * A time truncated to the microsecond, the precision PostgreSQL keeps (a date as it is): a request's time with
     * more digits would otherwise be answered as sent but stored rounded, and read back differently (an offering's
     * {@code validFor} answered {@code .000000700Z}, then read as {@code .000001Z}; its stored definition kept the
     * nanoseconds, its column not).
     */
    @SuppressWarnings("unchecked")
    public static <T> T microseconds(T time) {
        return (T) switch (time) {
            case Instant value -> value.truncatedTo(ChronoUnit.MICROS);
            case OffsetDateTime value -> value.truncatedTo(ChronoUnit.MICROS);
            case ZonedDateTime value -> value.truncatedTo(ChronoUnit.MICROS);
            case LocalDateTime value -> value.truncatedTo(ChronoUnit.MICROS);
            case null, default -> time;
        };
    }

    /** The value, or a 400 naming the field when there is none. */
    public static <T> T required(String field, T time) {
        if (time == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return time;
    }

    /** An ISO-8601 instant with its offset ({@code 2026-11-01T00:00:00Z}); null or blank is null. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return check(field, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is an ISO-8601 instant (2026-11-01T00:00:00Z), not '"
                    + shown(text) + "'");
        }
    }

    /** An ISO-8601 instant or a date ({@code 2026-11-01}, midnight UTC); null or blank is null. */
    public static Instant instantOrDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            Instant instant = text.indexOf('T') < 0 && text.indexOf('t') < 0
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            return check(field, instant);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is an ISO-8601 date (2026-11-01) or instant "
                    + "(2026-11-01T00:00:00Z), not '" + shown(text) + "'");
        }
    }

    /** An ISO-8601 date ({@code 2026-11-01}); null or blank is null. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return check(field, LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is an ISO-8601 date (2026-11-01), not '"
                    + shown(text) + "'");
        }
    }

    /**
     * A typed query or path parameter ({@code @RequestParam Instant at}), ISO-8601, as the web configuration's
     * converters read it; null for blank.
     *
     * @throws InvalidValueException a time outside the range (the parameter's 400 says so)
     */
    public static <T> T parameter(String text, java.util.function.Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return null;
        }
        T time = microseconds(parser.apply(text.strip()));
        if (!contains(time)) {
            throw new InvalidValueException("must be " + RANGE);
        }
        return time;
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /**
     * A Jackson module refusing a time outside the range wherever a request body holds one (an instant, an offset
     * or zoned date-time, a date, a local date-time): the field's problem, as any value of the wrong format.
     */
    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("accord-supported-times");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                return CHECKED.contains(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** What the body holds instead of a text, in JSON's words. */
    private static String shape(JsonParser parser) {
        tools.jackson.core.JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The mapper's own deserializer, then the range. */
    static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(tools.jackson.core.JsonToken.VALUE_STRING)) {
                // Jackson would read a number as seconds (or milliseconds) since 1970 and an array as its fields:
                // {"validFrom": 12345} stored an FX rate valid from 1970-01-01T03:25:45Z (found on 2026-12-06)
                throw DatabindException.from(context, "a time is an ISO-8601 text, not " + shape(parser),
                        new InvalidValueException("must be an ISO-8601 text (\"2026-12-31T00:00:00Z\","
                                + " \"2026-12-31\"), not " + shape(parser)));
            }
            String text = parser.getString();
            Object time = microseconds(super.deserialize(parser, context));
            if (!contains(time)) {
                throw DatabindException.from(context, "'" + text + "' is not " + RANGE,
                        new InvalidValueException("must be " + RANGE));
            }
            return time;
        }
    }
}
