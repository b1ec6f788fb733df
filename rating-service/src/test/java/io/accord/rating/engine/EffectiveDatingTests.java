package io.accord.rating.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** validFrom is inclusive and validTo exclusive, at the exact instant, for instances, prices and agreements. */
class EffectiveDatingTests {

    private static final Instant CHANGE = Instant.parse("2026-11-10T00:00:00Z");
    private static final Instant JUST_BEFORE = CHANGE.minusNanos(1);

    private final RatingEngine engine = engine(
            List.of(instance("pi-old").valid(RatingFixtures.EPOCH, CHANGE).ownedBy("partner-a").build(),
                    instance("pi-new").valid(CHANGE, null).ownedBy("partner-a").build()),
            List.of(price("price-v1").rate("0.01").valid(RatingFixtures.EPOCH, CHANGE).build(),
                    price("price-v2").rate("0.02").valid(CHANGE, null).build()),
            List.of(agreement("partner-a").id("agr-v1", 1).share(null, null, "10")
                            .valid(RatingFixtures.EPOCH, CHANGE).build(),
                    agreement("partner-a").id("agr-v2", 2).share(null, null, "20").valid(CHANGE, null).build()));

    private RatedUsage rateAt(Instant at) {
        return (RatedUsage) engine.rate(usage().at(at).quantity("100", io.accord.contracts.catalog.UnitOfMeasure.S)
                .build(), new TierAccumulators());
    }

    @Test
    void theInstantOfTheChangeIsRatedWithTheNewVersions() {
        RatedUsage rated = rateAt(CHANGE);

        assertThat(rated.basis().productInstanceId()).isEqualTo("pi-new");
        assertThat(rated.basis().priceVersionId()).isEqualTo("price-v2");
        assertThat(rated.basis().agreements()).extracting(RatingBasis.AgreementRef::agreementId)
                .containsExactly("agr-v2");
        assertThat(rated.charge().amount()).isEqualByComparingTo("2");
        assertThat(rated.parties().getFirst().amount().amount()).isEqualByComparingTo("0.4");
    }

    @Test
    void theLastNanosecondBeforeIsRatedWithTheOldVersions() {
        RatedUsage rated = rateAt(JUST_BEFORE);

        assertThat(rated.basis().productInstanceId()).isEqualTo("pi-old");
        assertThat(rated.basis().priceVersionId()).isEqualTo("price-v1");
        assertThat(rated.basis().agreements()).extracting(RatingBasis.AgreementRef::agreementId)
                .containsExactly("agr-v1");
        assertThat(rated.charge().amount()).isEqualByComparingTo("1");
    }

    @Test
    void theUsageOffsetDoesNotChangeTheInstant() {
        RatedUsage rated = (RatedUsage) engine.rate(usage().at(CHANGE.atOffset(java.time.ZoneOffset.ofHours(-5)))
                .build(), new TierAccumulators());

        assertThat(rated.basis().priceVersionId()).isEqualTo("price-v2");
    }

    @Test
    void nothingInForceBeforeTheFirstValidFrom() {
        RatingEngine later = engine(List.of(instance("pi").valid(CHANGE, null).build()),
                List.of(price("p").build()), List.of());

        assertThat(later.rate(usage().at(JUST_BEFORE).build(), new TierAccumulators()))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }
}
