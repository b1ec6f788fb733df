package io.accord.dispute.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final BusinessCalendar PLAIN = new BusinessCalendar(BERLIN, WEEKEND, Set.of());

    @Test
    void countsOnlyWeekdays() {
        // Thursday 2026-11-05 10:00 Berlin (09:00Z) + 2 business days = Monday 2026-11-09 10:00 Berlin
        assertThat(PLAIN.plusBusinessDays(Instant.parse("2026-11-05T09:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-11-09T09:00:00Z"));
    }

    @Test
    void skipsHolidays() {
        BusinessCalendar christmas = new BusinessCalendar(BERLIN, WEEKEND,
                Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
        // Wednesday 23 Dec 10:00 + 1 business day: 24 and 25 are holidays, 26/27 the weekend → Monday 28 Dec
        assertThat(christmas.plusBusinessDays(Instant.parse("2026-12-23T09:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
    }

    @Test
    void aStartOnAWeekendCountsFromTheNextBusinessMorning() {
        // Saturday 2026-11-07 15:00 Berlin → counts from Monday 00:00; + 1 business day = Tuesday 00:00 Berlin
        assertThat(PLAIN.plusBusinessDays(Instant.parse("2026-11-07T14:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-11-09T23:00:00Z"));
        assertThat(PLAIN.plusBusinessDays(Instant.parse("2026-11-07T14:00:00Z"), 0))
                .isEqualTo(Instant.parse("2026-11-08T23:00:00Z"));
    }

    @Test
    void keepsTheLocalTimeAcrossTheSpringDstChange() {
        // Friday 2026-03-27 10:00 CET (09:00Z) + 1 business day = Monday 2026-03-30 10:00 CEST (08:00Z)
        assertThat(PLAIN.plusBusinessDays(Instant.parse("2026-03-27T09:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void keepsTheLocalTimeAcrossTheAutumnDstChange() {
        // Friday 2026-10-23 10:00 CEST (08:00Z) + 2 business days = Tuesday 2026-10-27 10:00 CET (09:00Z)
        assertThat(PLAIN.plusBusinessDays(Instant.parse("2026-10-23T08:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-10-27T09:00:00Z"));
    }

    @Test
    void theBusinessDayDependsOnTheCalendarsTimeZone() {
        // 2026-11-06T23:30Z is Friday night in UTC but already Saturday 08:30 in Tokyo
        Instant fridayNightUtc = Instant.parse("2026-11-06T23:30:00Z");
        BusinessCalendar utc = new BusinessCalendar(ZoneId.of("UTC"), WEEKEND, Set.of());
        BusinessCalendar tokyo = new BusinessCalendar(ZoneId.of("Asia/Tokyo"), WEEKEND, Set.of());
        assertThat(utc.plusBusinessDays(fridayNightUtc, 1)).isEqualTo(Instant.parse("2026-11-09T23:30:00Z"));
        // Tokyo: Saturday → from Monday 00:00 JST, + 1 = Tuesday 00:00 JST = Monday 15:00Z
        assertThat(tokyo.plusBusinessDays(fridayNightUtc, 1)).isEqualTo(Instant.parse("2026-11-09T15:00:00Z"));
    }

    @Test
    void aConfiguredWeekendReplacesSaturdayAndSunday() {
        BusinessCalendar gulf = new BusinessCalendar(ZoneId.of("Asia/Dubai"),
                Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), Set.of());
        assertThat(gulf.isBusinessDay(LocalDate.of(2026, 11, 8))).isTrue();
        assertThat(gulf.isBusinessDay(LocalDate.of(2026, 11, 6))).isFalse();
    }

    @Test
    void countsBusinessDaysBetweenTwoMoments() {
        assertThat(PLAIN.businessDaysBetween(Instant.parse("2026-11-06T09:00:00Z"),
                Instant.parse("2026-11-10T09:00:00Z"))).isEqualTo(2);
        assertThat(PLAIN.businessDaysBetween(Instant.parse("2026-11-10T09:00:00Z"),
                Instant.parse("2026-11-06T09:00:00Z"))).isZero();
    }

    @Test
    void refusesNegativeDaysAndAWeekWithoutBusinessDays() {
        assertThatThrownBy(() -> PLAIN.plusBusinessDays(Instant.EPOCH, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Set.of(DayOfWeek.values()), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
