package io.accord.dispute.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays of any year, from rules rather than a list of dates: the same day every year ({@code fixed}), days a
 * number of days from Easter Sunday ({@code easterOffsets}: -2 Good Friday, 1 Easter Monday, 39 Ascension, 50 Whit
 * Monday), and single extra dates. A fixed list of dates ran out: from 2027-01-02 no holiday counted. Plain Java.
 */
final class HolidayRules {

    private final Set<MonthDay> fixed;
    private final Set<Integer> easterOffsets;
    private final Set<LocalDate> dates;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    HolidayRules(Set<MonthDay> fixed, Set<Integer> easterOffsets, Set<LocalDate> dates) {
        this.fixed = Set.copyOf(fixed);
        this.easterOffsets = Set.copyOf(easterOffsets);
        this.dates = Set.copyOf(dates);
    }

    /** Only the given dates (no rule). */
    static HolidayRules ofDates(Set<LocalDate> dates) {
        return new HolidayRules(Set.of(), Set.of(), dates);
    }

    boolean isHoliday(LocalDate date) {
        return dates.contains(date) || byYear.computeIfAbsent(date.getYear(), this::ruled).contains(date);
    }

    /** The holidays the rules give {@code year} (without the extra dates). */
    Set<LocalDate> ruled(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        fixed.stream().filter(day -> day.isValidYear(year)).forEach(day -> holidays.add(day.atYear(year)));
        LocalDate easter = easterSunday(year);
        easterOffsets.forEach(offset -> holidays.add(easter.plusDays(offset)));
        return Set.copyOf(holidays);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** {@code MM-dd} (or ISO {@code --MM-dd}) as a day of the year; 02-29 counts in leap years only. */
    static MonthDay monthDay(String text) {
        String trimmed = text.strip();
        return MonthDay.parse(trimmed.startsWith("--") ? trimmed : "--" + trimmed);
    }

    static Set<MonthDay> monthDays(List<String> texts) {
        Set<MonthDay> days = new HashSet<>();
        texts.forEach(text -> days.add(monthDay(text)));
        return days;
    }
}
