package io.accord.portal.usage;

import java.time.LocalDate;

import io.accord.portal.layout.Dates;

/**
 * The usage page's days, inclusive, as the user gave them ({@code from}, {@code to}: ISO or the German
 * {@code 07.12.2026}, {@link Dates#typedDay}), this month when none is given. A day that cannot be read is
 * {@link #unreadable()} (the page says so at that field and asks nothing: until 2026-12-07 it was ignored without a
 * word); a range backwards or over {@value #MAX_DAYS} days falls back to this month ({@link #errorKey()} says so).
 *
 * @param field the field whose day cannot be read ({@code from} or {@code to}), else {@code null}
 * @param typed that field's text as the user gave it
 */
record UsageRange(LocalDate from, LocalDate to, String errorKey, String field, String typed) {

    static final int MAX_DAYS = 400;
    /** Rating's bound on an export of rated records: 366 days from {@code from} to the exclusive end. */
    static final int EXPORT_MAX_DAYS = 366;

    static UsageRange of(String from, String to, LocalDate today) {
        LocalDate start;
        LocalDate end;
        try {
            start = Dates.typedDay(from).orElse(today.withDayOfMonth(1));
        } catch (Dates.Unreadable unreadable) {
            return new UsageRange(null, null, "usage.date.invalid", "from", unreadable.typed());
        }
        try {
            end = Dates.typedDay(to).orElse(today);
        } catch (Dates.Unreadable unreadable) {
            return new UsageRange(null, null, "usage.date.invalid", "to", unreadable.typed());
        }
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            return new UsageRange(today.withDayOfMonth(1), today, "usage.range.invalid", null, null);
        }
        return new UsageRange(start, end, null, null, null);
    }

    /** A day could not be read: nothing is asked. */
    boolean unreadable() {
        return field != null;
    }

    /** What keeps this range from an export (a message key), or {@code null}: readable, as asked, within rating's bound. */
    String exportProblem() {
        if (errorKey != null) {
            return unreadable() ? errorKey : "usage.export.range";
        }
        return from.plusDays(EXPORT_MAX_DAYS).isBefore(to.plusDays(1)) ? "usage.export.range" : null;
    }
}
