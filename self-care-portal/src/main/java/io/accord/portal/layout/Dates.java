package io.accord.portal.layout;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

import io.accord.contracts.TimeRange;

/**
 * The one way pages write the services' dates and instants, by the user's language: German {@code 07.12.2026} and
 * {@code 07.12.2026, 14:05}, English (and any other language) {@code 2026-12-07} and {@code 2026-12-07 14:05}, the
 * portal's style since its first pages. Instants are shown in UTC, the zone the platform keeps every time in
 * ({@link Display#instantUtc} names it). Machine-readable values (a {@code <time datetime>}, a form's {@code date}
 * input, a query parameter, a CSV) stay ISO-8601: {@link #machine}. Until 2026-12-07 German pages showed
 * {@code 2026-12-07} and some showed {@code 2026-12-07T14:05:13Z}.
 */
public final class Dates {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter GERMAN_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu, HH:mm");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    /** A day as German pages write it (and as German users type it): {@code 07.12.2026}, also {@code 7.12.2026}. */
    private static final DateTimeFormatter GERMAN_TYPED = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /**
     * An instant ({@code 2026-12-07T14:05:13.5Z}, any offset, converted to UTC; a date-time without one is read as
     * UTC) to the minute, or a date ({@code 2026-12-07}) as {@link #date} shows it; blank or {@code null} as empty;
     * text that is neither as it came (a value shown already).
     */
    public static String instant(String iso, Locale locale) {
        String text = clean(iso);
        LocalDateTime utc = utc(text);
        if (utc != null) {
            return utc.format(german(locale) ? GERMAN_DATE_TIME : ISO_DATE_TIME);
        }
        LocalDate day = day(text);
        return day != null ? day.format(german(locale) ? GERMAN_DATE : ISO_DATE) : text;
    }

    /**
     * A day: a date ({@code 2026-12-07}) or the date an instant is written with ({@code 2026-12-07T00:00:00Z}, as the
     * service wrote it, not moved to another zone: a period or a validity starts on the day it names); blank as empty,
     * text that is neither as it came.
     */
    public static String date(String iso, Locale locale) {
        String text = clean(iso);
        LocalDate day = day(text);
        if (day == null && text.length() > 10 && text.charAt(10) == 'T') {
            day = day(text.substring(0, 10));
        }
        return day != null ? day.format(german(locale) ? GERMAN_DATE : ISO_DATE) : text;
    }

    /**
     * The value for a {@code <time datetime>}: a date as it is ({@code 2026-12-07}), an instant in UTC to the second
     * ({@code 2026-12-07T14:05:13Z}, the HTML form of a global date and time); {@code null} (no attribute) when it is
     * neither.
     */
    public static String machine(String iso) {
        String text = clean(iso);
        LocalDateTime utc = utc(text);
        if (utc != null) {
            return utc.format(MACHINE);
        }
        LocalDate day = day(text);
        return day == null ? null : day.toString();
    }

    /**
     * A day a user gave a list's filter (a query parameter such as {@code from}): ISO {@code 2026-12-07} (what a
     * browser's date field sends) or the day as the pages write it in German, {@code 07.12.2026} ({@code 7.12.2026}
     * too), in any language (the dotted form reads one way only); a day Accord keeps (1900 to 9999, {@link TimeRange})
     * with its next day. Empty for blank text; {@link Unreadable} for anything else ({@code 31.02.2026},
     * {@code 12/07/2026}, {@code 2026-13-01}), which the page says at its filter (until 2026-12-07 the usage page
     * ignored {@code ?from=07.12.2026} without a word and showed this month).
     */
    public static Optional<LocalDate> typedDay(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = typed.contains(".") ? german(typed) : day(typed);
        if (day == null || !TimeRange.contains(day) || !TimeRange.contains(day.plusDays(1))) {
            throw new Unreadable(typed);
        }
        return Optional.of(day);
    }

    /** A filter's day that {@link #typedDay} cannot read: {@link #typed()} as the user gave it. */
    public static final class Unreadable extends IllegalArgumentException {

        private final String typed;

        Unreadable(String typed) {
            super("not a day: " + typed);
            this.typed = typed;
        }

        public String typed() {
            return typed;
        }
    }

    private static LocalDate german(String text) {
        try {
            return LocalDate.parse(text, GERMAN_TYPED);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static boolean german(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage());
    }

    private static String clean(String iso) {
        return iso == null || "null".equals(iso.strip()) ? "" : iso.strip();
    }

    private static LocalDateTime utc(String text) {
        if (text.length() < 16 || text.charAt(10) != 'T' && text.charAt(10) != ' ') {
            return null;
        }
        String iso = text.substring(0, 10) + 'T' + text.substring(11);
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso);
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static LocalDate day(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
