package io.accord.dispute.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Business days in one time zone: every day but the weekend days and the holidays (of any year, by
 * {@link HolidayRules}). Plain Java, no Spring.
 *
 * <p>A deadline {@code n} business days after a moment is the same local wall-clock time on the n-th business day
 * after that moment's local date; a moment on a non-business day counts as the start of the next business day.
 * Wall-clock time is what a person in that zone expects across a DST change (the instant moves by an hour); a
 * local time that a DST gap skips resolves to the time after the gap.
 */
record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, HolidayRules holidays) {

    BusinessCalendar {
        weekend = Set.copyOf(weekend);
        if (weekend.size() == 7) {
            throw new IllegalArgumentException("a calendar needs at least one business day in the week");
        }
    }

    /** A calendar whose holidays are just {@code holidays}. */
    BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
        this(zone, weekend, HolidayRules.ofDates(holidays));
    }

    boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /** The moment {@code days} business days after {@code start} (0: {@code start}, moved to a business day). */
    Instant plusBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("business days must not be negative: " + days);
        }
        ZonedDateTime local = start.atZone(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!isBusinessDay(date)) {
            date = nextBusinessDay(date);
            time = LocalTime.MIDNIGHT;
        }
        for (int counted = 0; counted < days; counted++) {
            date = nextBusinessDay(date);
        }
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** Whole business days from {@code from} to {@code to} (by local date; 0 when {@code to} is not later). */
    int businessDaysBetween(Instant from, Instant to) {
        LocalDate date = from.atZone(zone).toLocalDate();
        LocalDate end = to.atZone(zone).toLocalDate();
        int count = 0;
        while (date.isBefore(end)) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate nextBusinessDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isBusinessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
