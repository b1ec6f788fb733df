package io.accord.settlement.period;

import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The period's guarded transitions. */
class SettlementPeriodTests {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void anEndedOpenPeriodGoesThroughClosingToClosed() {
        SettlementPeriod period = march();

        period.startClosing(APRIL);
        assertThat(period.state()).isEqualTo(PeriodState.CLOSING);
        period.close(APRIL.plusSeconds(60));

        assertThat(period.state()).isEqualTo(PeriodState.CLOSED);
        assertThat(period.closedAt()).isEqualTo(APRIL.plusSeconds(60));
        assertThatThrownBy(() -> period.close(APRIL)).isInstanceOf(ConflictException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> period.startClosing(APRIL)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aPeriodCannotBeClosedBeforeItEndsNorClosedWithoutClosing() {
        SettlementPeriod period = march();

        assertThatThrownBy(() -> period.startClosing(Instant.parse("2026-03-31T23:59:59Z")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("close it early");
        assertThatThrownBy(() -> period.close(APRIL)).isInstanceOf(ConflictException.class);
        assertThat(period.state()).isEqualTo(PeriodState.OPEN);
    }

    @Test
    void closingEarlyMakesNowTheEndAndReturnsTheFormerEnd() {
        SettlementPeriod period = march();
        Instant now = Instant.parse("2026-03-12T14:00:00Z");

        Instant formerEnd = period.closeEarly(now, "fiona");

        assertThat(formerEnd).isEqualTo(APRIL);
        assertThat(period.endAt()).isEqualTo(now);
        assertThat(period.closedEarlyBy()).isEqualTo("fiona");
        assertThat(period.contains(now)).isFalse();
        period.startClosing(now);
        assertThat(period.state()).isEqualTo(PeriodState.CLOSING);
    }

    @Test
    void onlyTheCurrentOpenPeriodClosesEarly() {
        assertThatThrownBy(() -> march().closeEarly(APRIL, "fiona")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("current");
        assertThatThrownBy(() -> march().closeEarly(MARCH, "fiona")).isInstanceOf(ConflictException.class);
        SettlementPeriod closing = march();
        closing.startClosing(APRIL);
        assertThatThrownBy(() -> closing.closeEarly(Instant.parse("2026-03-12T00:00:00Z"), "fiona"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CLOSING");
    }

    private static SettlementPeriod march() {
        return SettlementPeriod.open(UUID.randomUUID(), "agr-1", "MONTHLY", MARCH, APRIL, MARCH);
    }
}
