package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

class ProductSelectionTests {

    private final RatingEngine engine = engine(
            List.of(instance("pi-voice").offering("offer-voice").build(),
                    instance("pi-data").offering("offer-data").build(),
                    instance("pi-data-2").offering("offer-data").build(),
                    instance("pi-other").subscriber("491700000002").offering("offer-voice").build()),
            List.of(price("voice").offering("offer-voice").usageType("VOICE").build(),
                    price("data").offering("offer-data").usageType("DATA").unit(UnitOfMeasure.MB).build()),
            List.of());

    private RatingOutcome rate(RatingFixtures.UsageBuilder usage) {
        return engine.rate(usage.build(), new TierAccumulators());
    }

    @Test
    void picksTheOneInstanceWhoseOfferingPricesTheUsageType() {
        assertThat(rate(usage().type("VOICE"))).isInstanceOfSatisfying(RatedUsage.class,
                rated -> assertThat(rated.basis().productInstanceId()).isEqualTo("pi-voice"));
    }

    @Test
    void suspendsAsAmbiguousWhenSeveralInstancesPriceTheUsageType() {
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB))).isInstanceOfSatisfying(
                SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.AMBIGUOUS_PRODUCT));
    }

    @Test
    void aNamedInstanceWinsOverTheOthers() {
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB).naming("pi-data-2", null)))
                .isInstanceOfSatisfying(RatedUsage.class,
                        rated -> assertThat(rated.basis().productInstanceId()).isEqualTo("pi-data-2"));
    }

    @Test
    void aNamedOfferingPicksItsInstanceAndIsAmbiguousWhenItHasSeveral() {
        assertThat(rate(usage().type("VOICE").naming(null, "offer-voice"))).isInstanceOf(RatedUsage.class);
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB).naming(null, "offer-data")))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.AMBIGUOUS_PRODUCT));
    }

    @Test
    void anotherSubscribersInstanceOrAnUnknownOneIsNoProductInstance() {
        assertThat(rate(usage().naming("pi-other", null))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
        assertThat(rate(usage().naming("nope", null))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
        assertThat(rate(usage().naming(null, "offer-unknown"))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aSubscriberWithoutProductsIsNoProductInstance() {
        assertThat(rate(usage().subscriber("491799999999"))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aUsageTypeNoProductPricesIsNoPrice() {
        assertThat(rate(usage().type("SMS").quantity("1", UnitOfMeasure.MESSAGE)))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRICE);
                    assertThat(suspended.detail()).contains("SMS");
                });
        assertThat(rate(usage().type("SMS").quantity("1", UnitOfMeasure.MESSAGE).naming("pi-voice", null)))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.NO_PRICE));
    }
}
