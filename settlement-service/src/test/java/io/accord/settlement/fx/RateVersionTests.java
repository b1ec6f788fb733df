package io.accord.settlement.fx;

import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guarded lifecycle of a rate version: four-eyes confirmation, supersession by a confirmed correction, rejection
 * (or withdrawal) of a proposed one.
 */
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

    @Test
    void aProposedVersionIsRejectedByAnotherUserOrWithdrawnByItsLoaderAndThenNeitherConfirmedNorCorrected() {
        RateVersion proposed = RateVersion.loaded(rate("10.85", "fiona"));

        assertThat(proposed.reject("fred", NOW, "wrong fixing")).as("rejected, not withdrawn").isFalse();

        assertThat(proposed.state()).isEqualTo(RateVersion.State.REJECTED);
        assertThat(proposed.rejectedBy()).isEqualTo("fred");
        assertThat(proposed.rejectedAt()).isEqualTo(NOW);
        assertThat(proposed.rejectionReason()).isEqualTo("wrong fixing");
        assertThatThrownBy(() -> proposed.confirm("frieda", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> proposed.reject("frieda", NOW, "again")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("not PROPOSED");
        assertThatThrownBy(() -> RateVersion.correcting(proposed, rate("1.085", "fiona"), "typo"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> proposed.supersede(RateVersion.loaded(rate("1.085", "fiona")), NOW))
                .isInstanceOf(ConflictException.class);

        RateVersion mine = RateVersion.loaded(rate("1.085", "fiona"));
        assertThat(mine.reject("fiona", NOW, "loaded the wrong day")).as("withdrawn by its loader").isTrue();
        assertThat(mine.state()).isEqualTo(RateVersion.State.REJECTED);

        RateVersion confirmed = RateVersion.loaded(rate("1.085", "fiona"));
        confirmed.confirm("fred", NOW);
        assertThatThrownBy(() -> confirmed.reject("frieda", NOW, "late")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("CONFIRMED").hasMessageContaining("corrected instead");
        assertThat(confirmed.state()).isEqualTo(RateVersion.State.CONFIRMED);
    }

    private static FxRates.FxRate rate(String value, String by) {
        return new FxRates.FxRate(UUID.randomUUID(), "CHF", "EUR", new BigDecimal(value), FROM, by, NOW);
    }
}
