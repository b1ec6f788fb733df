package io.accord.rating.engine;

import io.accord.rating.engine.TierUsage.TierPortion;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import org.junit.jupiter.api.Test;

import static io.accord.rating.engine.RatingFixtures.dec;
import static io.accord.rating.engine.RatingFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TierPricingTests {

    private static CompiledPrice tiered(TierMode mode) {
        return new CompiledPrice(price("p").mode(mode).tier("0", "100", "0.10").tier("100", "1000", "0.05")
                .tier("1000", null, "0.01").build());
    }

    @Test
    void graduatedSplitsARecordAcrossTheTiersItSpans() {
        TierPricing.Priced priced = TierPricing.price(tiered(TierMode.GRADUATED), dec("950"), dec("80"));

        assertThat(priced.portions()).containsExactly(new TierPortion(0, dec("20"), dec("0.10")),
                new TierPortion(1, dec("900"), dec("0.05")), new TierPortion(2, dec("30"), dec("0.01")));
        assertThat(priced.amount()).isEqualByComparingTo("47.30");
        assertThat(priced.provisional()).isFalse();
    }

    @Test
    void graduatedChargesAtTheBoundaryInTheLowerTier() {
        TierPricing.Priced priced = TierPricing.price(tiered(TierMode.GRADUATED), dec("20"), dec("80"));

        assertThat(priced.portions()).containsExactly(new TierPortion(0, dec("20"), dec("0.10")));
    }

    @Test
    void volumeChargesTheWholeRecordAtTheTierTheTotalReachesProvisionally() {
        TierPricing.Priced atBoundary = TierPricing.price(tiered(TierMode.VOLUME), dec("20"), dec("80"));
        TierPricing.Priced above = TierPricing.price(tiered(TierMode.VOLUME), dec("21"), dec("80"));

        assertThat(atBoundary.portions()).containsExactly(new TierPortion(0, dec("20"), dec("0.10")));
        assertThat(above.portions()).containsExactly(new TierPortion(1, dec("21"), dec("0.05")));
        assertThat(above.amount()).isEqualByComparingTo("1.05");
        assertThat(above.provisional()).isTrue();
    }

    @Test
    void rejectsTiersWithGapsOrAClosedLastTier() {
        assertThatIllegalArgumentException().isThrownBy(() -> price("p").mode(TierMode.VOLUME)
                .tier("0", "100", "1").tier("150", null, "1").build()).withMessageContaining("does not start");
        assertThatIllegalArgumentException().isThrownBy(() -> price("p").mode(TierMode.GRADUATED)
                .tier("0", "100", "1").build()).withMessageContaining("open-ended");
    }
}
