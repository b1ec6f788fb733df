package io.accord.settlement.fx;

import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guarded lifecycle of a rate version: four-eyes confirmation, supersession by a confirmed correction. */
class RateVersionTests {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void whoeverLoadedOrCorrectedARateCannotConfirmItAnotherUserCanOnce() {
        RateVersion loaded = RateVersion.loaded(rate("10.85", "fiona"));

        assertThatThrownBy(() -> loaded.confirm("fiona", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> loaded.confirm(null, NOW)).isInstanceOf(ConflictException.class);
        loaded.confirm("fred", NOW);
        assertThat(loaded.state()).isEqualTo(RateVersion.State.CONFIRMED);
        assertThat(loaded.confirmedBy()).isEqualTo("fred");
        assertThatThrownBy(() -> loaded.confirm("frieda", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("CONFIRMED");

        RateVersion correction = RateVersion.correcting(loaded, rate("1.085", "fred"), "typo");
        assertThat(correction.state()).isEqualTo(RateVersion.State.PROPOSED);
        assertThat(correction.corrects).isEqualTo(loaded.rate.id());
        assertThatThrownBy(() -> correction.confirm("fred", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("corrected by fred");
    }

    @Test
    void aSupersededVersionKeepsWhoCorrectedItWhenAndWhyAndIsNotCorrectedAgain() {
        RateVersion old = RateVersion.loaded(rate("10.85", "fiona"));
        old.confirm("fred", NOW);
        RateVersion correction = RateVersion.correcting(old, rate("1.085", "fiona"), "typo");
        correction.confirm("fred", NOW);

        old.supersede(correction, NOW);

        assertThat(old.state()).isEqualTo(RateVersion.State.SUPERSEDED);
        assertThat(old.supersededByRate()).isEqualTo(correction.rate.id());
        assertThat(old.supersededBy()).isEqualTo("fiona");
        assertThat(old.supersededAt()).isEqualTo(NOW);
        assertThat(old.supersessionReason()).isEqualTo("typo");
        assertThat(old.rate.rate()).isEqualByComparingTo("10.85");
        assertThatThrownBy(() -> RateVersion.correcting(old, rate("1.09", "fiona"), "again"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("SUPERSEDED");
        assertThatThrownBy(() -> old.supersede(correction, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> old.confirm("frieda", NOW)).isInstanceOf(ConflictException.class);
    }

    private static FxRates.FxRate rate(String value, String by) {
        return new FxRates.FxRate(UUID.randomUUID(), "CHF", "EUR", new BigDecimal(value), FROM, by, NOW);
    }
}
