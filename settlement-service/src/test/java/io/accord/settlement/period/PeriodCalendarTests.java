package io.accord.settlement.period;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calendar periods of every settlement cycle of the agreement contract, in UTC. */
class PeriodCalendarTests {

    private static final Instant MAY_17 = Instant.parse("2026-05-17T13:45:00Z");

    @Test
    void monthlyQuarterlySemiAnnualAndAnnualPeriodsContainTheInstant() {
        assertThat(PeriodCalendar.startOf("MONTHLY", MAY_17)).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(PeriodCalendar.endOf("MONTHLY", MAY_17)).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(PeriodCalendar.startOf("QUARTERLY", MAY_17)).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(PeriodCalendar.endOf("QUARTERLY", MAY_17)).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(PeriodCalendar.startOf("SEMI_ANNUAL", MAY_17)).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(PeriodCalendar.endOf("SEMI_ANNUAL", MAY_17)).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(PeriodCalendar.startOf("ANNUAL", MAY_17)).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(PeriodCalendar.endOf("ANNUAL", MAY_17)).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void aBoundaryInstantStartsTheNextPeriod() {
        Instant october = Instant.parse("2026-10-01T00:00:00Z");

        assertThat(PeriodCalendar.startOf("QUARTERLY", october)).isEqualTo(october);
        assertThat(PeriodCalendar.endOf("QUARTERLY", october.minusNanos(1))).isEqualTo(october);
        assertThat(PeriodCalendar.endOf("QUARTERLY", Instant.parse("2026-12-31T23:59:59Z")))
                .isEqualTo("2027-01-01T00:00:00Z");
        assertThatThrownBy(() -> PeriodCalendar.startOf("WEEKLY", october))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
