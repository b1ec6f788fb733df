package io.accord.settlement.period;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Where usage lands: its own OPEN period, else the next open one as a prior-period adjustment. */
class LateUsageTests {

    private static final UUID PARTNER = UUID.randomUUID();
    private static final SettlementPeriods.Period JANUARY = period("2026-01-01", "2026-02-01", PeriodState.CLOSED);
    private static final SettlementPeriods.Period FEBRUARY = period("2026-02-01", "2026-03-01", PeriodState.CLOSING);
    private static final SettlementPeriods.Period MARCH = period("2026-03-01", "2026-04-01", PeriodState.OPEN);
    private static final SettlementPeriods.Period APRIL = period("2026-04-01", "2026-05-01", PeriodState.OPEN);
    private static final List<SettlementPeriods.Period> PERIODS = List.of(APRIL, JANUARY, MARCH, FEBRUARY);

    @Test
    void usageInAnOpenPeriodLandsThereAsNormalUsage() {
        SettlementPeriods.Placement placement = place("2026-03-31T23:59:59Z").orElseThrow();

        assertThat(placement.period()).isEqualTo(MARCH);
        assertThat(placement.priorPeriodAdjustment()).isFalse();
        assertThat(placement.usagePeriodId()).isNull();
        assertThat(place("2026-04-01T00:00:00Z").orElseThrow().period()).isEqualTo(APRIL);
    }

    @Test
    void usageInAClosedOrClosingPeriodLandsInTheNextOpenPeriodAsAPriorPeriodAdjustment() {
        SettlementPeriods.Placement closed = place("2026-01-15T10:00:00Z").orElseThrow();
        SettlementPeriods.Placement closing = place("2026-02-28T23:59:59Z").orElseThrow();

        assertThat(closed.period()).isEqualTo(MARCH);
        assertThat(closed.priorPeriodAdjustment()).isTrue();
        assertThat(closed.usagePeriodId()).isEqualTo(JANUARY.id());
        assertThat(closing.period()).isEqualTo(MARCH);
        assertThat(closing.usagePeriodId()).isEqualTo(FEBRUARY.id());
    }

    @Test
    void usageBeforeTheFirstPeriodIsAnAdjustmentOfTheFirstOpenOne() {
        SettlementPeriods.Placement early = place("2025-12-24T00:00:00Z").orElseThrow();

        assertThat(early.period()).isEqualTo(MARCH);
        assertThat(early.priorPeriodAdjustment()).isTrue();
        assertThat(early.usagePeriodId()).isNull();
    }

    @Test
    void nothingWhenNoPeriodCoversTheUsageAndNoneIsOpenAfterIt() {
        assertThat(place("2026-05-01T00:00:00Z")).isEmpty();
        assertThat(LateUsage.place(List.of(), Instant.parse("2026-03-01T00:00:00Z"))).isEmpty();
        assertThat(LateUsage.place(List.of(JANUARY), Instant.parse("2026-01-15T00:00:00Z"))).isEmpty();
    }

    private static Optional<SettlementPeriods.Placement> place(String usage) {
        return LateUsage.place(PERIODS, Instant.parse(usage));
    }

    private static SettlementPeriods.Period period(String start, String end, PeriodState state) {
        return new SettlementPeriods.Period(UUID.randomUUID(), PARTNER, "agr-1", "MONTHLY",
                Instant.parse(start + "T00:00:00Z"), Instant.parse(end + "T00:00:00Z"), state, null, null, null, null);
    }
}
