package io.accord.dispute.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayRulesTests {

    private static final HolidayRules GERMANY = new HolidayRules(
            HolidayRules.monthDays(List.of("01-01", "05-01", "10-03", "12-25", "12-26")),
            Set.of(-2, 1, 39, 50), Set.of());

    @Test
    void computesEasterSundayOfAnyYear() {
        assertThat(HolidayRules.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(HolidayRules.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(HolidayRules.easterSunday(2028)).isEqualTo(LocalDate.of(2028, 4, 16));
        assertThat(HolidayRules.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(HolidayRules.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
        assertThat(HolidayRules.easterSunday(1961)).isEqualTo(LocalDate.of(1961, 4, 2));
        assertThat(HolidayRules.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    }

    @Test
    void givesGermanysNationalHolidaysOfEveryYear() {
        assertThat(GERMANY.ruled(2027)).containsExactlyInAnyOrder(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 10, 3),
                LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
        assertThat(GERMANY.isHoliday(LocalDate.of(2031, 4, 11))).as("Good Friday 2031").isTrue();
        assertThat(GERMANY.isHoliday(LocalDate.of(2031, 5, 22))).as("Ascension 2031").isTrue();
        assertThat(GERMANY.isHoliday(LocalDate.of(2031, 5, 23))).isFalse();
    }

    @Test
    void extraDatesCountInTheirYearOnlyAndTheTwentyNinthOfFebruaryInLeapYearsOnly() {
        HolidayRules rules = new HolidayRules(Set.of(HolidayRules.monthDay("02-29")), Set.of(),
                Set.of(LocalDate.of(2027, 6, 14)));
        assertThat(rules.isHoliday(LocalDate.of(2027, 6, 14))).isTrue();
        assertThat(rules.isHoliday(LocalDate.of(2028, 6, 14))).isFalse();
        assertThat(rules.isHoliday(LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(rules.ruled(2027)).isEmpty();
    }

    @Test
    void readsADayOfTheYearWithOrWithoutTheIsoDashes() {
        assertThat(HolidayRules.monthDay("12-24")).isEqualTo(MonthDay.of(12, 24));
        assertThat(HolidayRules.monthDay("--12-24")).isEqualTo(MonthDay.of(12, 24));
        assertThatThrownBy(() -> HolidayRules.monthDay("24.12.")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> HolidayRules.monthDay("02-30")).isInstanceOf(RuntimeException.class);
    }
}
