package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An instance is found by any of its subscriber identifiers, and all its usage shares one tier accumulator. */
class SubscriberIdentifiersTests {

    private static final String MSISDN = "+491700000001";
    private static final String ICCID = "8949000000000000017";
    private static final String ACCOUNT = "acct-17";

    private final RatingEngine engine = engine(
            List.of(instance("pi-1").subscriber(MSISDN).alsoKnownAs(ICCID, ACCOUNT).offering("offer-data").build(),
                    instance("pi-2").subscriber("+491700000002").offering("offer-data").build()),
            List.of(price("data").offering("offer-data").usageType("DATA").unit(UnitOfMeasure.MB)
                    .mode(TierMode.GRADUATED).tier("0", "100", "0.10").tier("100", null, "0.01").build()),
            List.of());

    @Test
    void findsTheInstanceByEachOfItsIdentifiers() {
        for (String identifier : List.of(MSISDN, ICCID, ACCOUNT)) {
            assertThat(engine.rate(usage().type("DATA").subscriber(identifier).quantity("1", UnitOfMeasure.MB)
                    .build(), new TierAccumulators())).isInstanceOfSatisfying(RatedUsage.class,
                    rated -> assertThat(rated.basis().productInstanceId()).isEqualTo("pi-1"));
        }
    }

    @Test
    void usageUnderAnyIdentifierAdvancesTheOneAccumulatorOfTheCanonicalSubscriber() {
        TierAccumulators accumulators = new TierAccumulators();
        RatedUsage first = (RatedUsage) engine.rate(usage().id("u-1").type("DATA").subscriber(ICCID)
                .quantity("60", UnitOfMeasure.MB).build(), accumulators);
        RatedUsage second = (RatedUsage) engine.rate(usage().id("u-2").type("DATA").subscriber(MSISDN)
                .quantity("60", UnitOfMeasure.MB).build(), accumulators);

        assertThat(first.tiers().accumulator().subscriberId()).isEqualTo(MSISDN);
        assertThat(second.tiers().accumulator()).isEqualTo(first.tiers().accumulator());
        assertThat(second.tiers().accumulatorBefore()).isEqualByComparingTo("60");
        // 40 MB at 0.10 up to the tier boundary, 20 MB at 0.01 beyond it
        assertThat(second.charge().amount()).isEqualByComparingTo("4.200000");
    }

    @Test
    void aNamedInstanceMatchesAnyOfItsIdentifiersButNoOtherSubscribers() {
        assertThat(engine.rate(usage().type("DATA").subscriber(ACCOUNT).quantity("1", UnitOfMeasure.MB)
                .naming("pi-1", null).build(), new TierAccumulators())).isInstanceOf(RatedUsage.class);
        assertThat(engine.rate(usage().type("DATA").subscriber("+491700000002").quantity("1", UnitOfMeasure.MB)
                .naming("pi-1", null).build(), new TierAccumulators())).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void theCanonicalIdIsAlwaysTheFirstIdentifierAndDuplicatesCollapse() {
        ProductInstance instance = new ProductInstance("pi", "A", List.of("B", "A", "B"), "o", 1, null, null, null,
                List.of(), RatingFixtures.EPOCH, null);
        assertThat(instance.identifiers()).containsExactly("A", "B");
        assertThat(new ProductInstance("pi", "A", "o", 1, null, null, null, List.of(), RatingFixtures.EPOCH, null)
                .identifiers()).containsExactly("A");
    }

    @Test
    void onePriceVersionMayRateSeveralUsageTypesButNotOneTwice() {
        UsagePriceVersion sms = price("msg").offering("o").usageType("SMS").unit(UnitOfMeasure.MESSAGE).build();
        UsagePriceVersion mms = price("msg").offering("o").usageType("MMS").unit(UnitOfMeasure.MESSAGE).build();
        RatingEngine both = engine(List.of(instance("pi").subscriber(MSISDN).offering("o").build()),
                List.of(sms, mms), List.of());
        for (String type : List.of("SMS", "MMS")) {
            assertThat(both.rate(usage().type(type).subscriber(MSISDN).quantity("2", UnitOfMeasure.MESSAGE).build(),
                    new TierAccumulators())).isInstanceOfSatisfying(RatedUsage.class,
                    rated -> assertThat(rated.charge().amount()).isEqualByComparingTo(new BigDecimal("0.002")));
        }
        assertThatThrownBy(() -> new RatingSnapshot(List.of(), List.of(sms, sms), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msg for SMS");
    }
}
