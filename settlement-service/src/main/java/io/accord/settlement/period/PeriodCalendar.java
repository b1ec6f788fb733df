package io.accord.settlement.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The calendar boundaries of settlement cycles, in UTC: MONTHLY periods start on the 1st of every month, QUARTERLY
 * on 1 January, April, July and October, SEMI_ANNUAL on 1 January and July, ANNUAL on 1 January.
 */
final class PeriodCalendar {

    private PeriodCalendar() {
    }

    static int months(String cycle) {
        return switch (cycle) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            case "SEMI_ANNUAL" -> 6;
            case "ANNUAL" -> 12;
            default -> throw new IllegalArgumentException("unknown settlement cycle " + cycle);
        };
    }

    /** The start of the calendar period of {@code cycle} that contains {@code at}. */
    static Instant startOf(String cycle, Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int months = months(cycle);
        int firstMonth = ((date.getMonthValue() - 1) / months) * months + 1;
        return LocalDate.of(date.getYear(), firstMonth, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end (exclusive) of the calendar period of {@code cycle} that contains {@code at}. */
    static Instant endOf(String cycle, Instant at) {
        LocalDate start = LocalDate.ofInstant(startOf(cycle, at), ZoneOffset.UTC);
        return start.plusMonths(months(cycle)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
