package io.accord.dispute.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deadlines of the shipped configuration in any year: its holidays were a dated list ending 2027-01-01, so from
 * then on no holiday counted.
 */
class SlaPolicyTests {

    @Test
    void theShippedCalendarKeepsGermanHolidaysBeyondTheYearItWasWrittenIn() throws IOException {
        SlaPolicy policy = new SlaPolicy(shipped());
        // Thursday 2027-03-25 10:00 Berlin: Good Friday (26) and Easter Monday (29) are holidays
        // → 2 business days = Wednesday 2027-03-31 10:00 CEST
        assertThat(policy.deadlines(UUID.randomUUID(), "RATE", Instant.parse("2027-03-25T09:00:00Z"))
                .firstResponseDue()).isEqualTo(Instant.parse("2027-03-31T08:00:00Z"));
        // Tuesday 2031-12-23 10:00 Berlin: 24, 25, 26 Dec, then the weekend → 2 business days = Tuesday 30 Dec
        assertThat(policy.deadlines(UUID.randomUUID(), "RATE", Instant.parse("2031-12-23T09:00:00Z"))
                .firstResponseDue()).isEqualTo(Instant.parse("2031-12-30T09:00:00Z"));
        // Friday 2029-12-28 + 2: Monday 31 Dec is a business day, 1 Jan is not → Wednesday 2 Jan 2030
        assertThat(policy.deadlines(UUID.randomUUID(), "RATE", Instant.parse("2029-12-28T09:00:00Z"))
                .firstResponseDue()).isEqualTo(Instant.parse("2030-01-02T09:00:00Z"));
    }

    @Test
    void theDefaultsAreGermanysNationalHolidaysAndChristmasEve() {
        HolidayRules rules = bind(Map.of()).holidays().rules();
        assertThat(rules.ruled(2027)).contains(LocalDate.of(2027, 12, 24), LocalDate.of(2027, 5, 17),
                LocalDate.of(2027, 10, 3)).hasSize(10);
        assertThat(rules.isHoliday(LocalDate.of(2027, 12, 31))).isFalse();
    }

    @Test
    void configuredRulesReplaceTheDefaults() {
        SlaProperties properties = bind(Map.of(
                "accord.dispute.sla.holidays.fixed", "01-01, 12-31",
                "accord.dispute.sla.holidays.easter-offsets", "60",
                "accord.dispute.sla.holidays.dates[0]", "2027-06-14"));
        HolidayRules rules = properties.holidays().rules();
        assertThat(rules.ruled(2027)).containsExactlyInAnyOrder(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31), LocalDate.of(2027, 5, 27));
        assertThat(rules.isHoliday(LocalDate.of(2027, 6, 14))).isTrue();
        assertThat(bind(Map.of("accord.dispute.sla.holidays.fixed", "", "accord.dispute.sla.holidays.easter-offsets",
                "")).holidays().rules().ruled(2027)).isEmpty();
    }

    /** A deadline paused while the partner was asked moves on by the whole business days it was paused. */
    @Test
    void aResumedDeadlineMovesOnByTheBusinessDaysItWasPaused() throws IOException {
        SlaPolicy policy = new SlaPolicy(shipped());
        Instant due = Instant.parse("2027-04-07T08:00:00Z"); // Wednesday 10:00 Berlin
        // asked Wednesday 2027-03-24, answered Tuesday 30 March: Thursday and Tuesday; Good Friday and Easter Monday
        // do not count → 2 days
        assertThat(policy.resumed(due, Instant.parse("2027-03-24T09:00:00Z"), Instant.parse("2027-03-30T15:00:00Z")))
                .isEqualTo(Instant.parse("2027-04-09T08:00:00Z"));
        // asked and answered the same day: not a whole day paused
        assertThat(policy.resumed(due, Instant.parse("2027-03-30T07:00:00Z"), Instant.parse("2027-03-30T15:00:00Z")))
                .isEqualTo(due);
        // asked Friday, answered Monday: one business day
        assertThat(policy.resumed(due, Instant.parse("2027-04-02T09:00:00Z"), Instant.parse("2027-04-05T09:00:00Z")))
                .isEqualTo(Instant.parse("2027-04-08T08:00:00Z"));
    }

    @Test
    void aMalformedDayOfTheYearFailsTheBinding() {
        assertThatThrownBy(() -> bind(Map.of("accord.dispute.sla.holidays.fixed", "24.12.")))
                .hasStackTraceContaining("24.12.");
    }

    private static SlaProperties shipped() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(yaml)).bindOrCreate("accord.dispute.sla",
                SlaProperties.class);
    }

    private static SlaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("accord.dispute.sla",
                SlaProperties.class);
    }
}
