package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.value.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** For any rate, quantity and minimum: the charge is the priced charge raised to the minimum, and still splits exactly. */
class MinimumChargePropertiesTests {

    private static RatedUsage rate(ProductInstance instance, UsagePriceVersion price, UsageRecord usage,
                                   AgreementVersion... agreements) {
        RatingOutcome outcome = engine(List.of(instance), List.of(price), List.of(agreements))
                .rate(usage, new TierAccumulators());
        assertThat(outcome).isInstanceOf(RatedUsage.class);
        return (RatedUsage) outcome;
    }

    @Property(tries = 300)
    void theChargeIsTheGreaterOfThePricedChargeAndTheMinimum(@ForAll("rates") BigDecimal rate,
                                                             @ForAll("quantities") BigDecimal quantity,
                                                             @ForAll("rates") BigDecimal minimum) {
        UsagePriceVersion price = price("p").rate(rate.toPlainString()).minimumCharge(minimum.toPlainString()).build();

        RatedUsage rated = rate(instance("pi").ownedBy("owner").build(), price,
                usage().quantity(quantity.toPlainString(), UnitOfMeasure.S).build(),
                agreement("owner").share(null, null, "33.3333").build());

        BigDecimal priced = quantity.multiply(rate);
        BigDecimal expected = quantity.signum() > 0 ? priced.max(minimum) : priced;
        assertThat(rated.charge().amount()).isEqualByComparingTo(
                expected.setScale(Money.SCALE, Money.ROUNDING));
        assertThat(rated.payableShares().plus(rated.margin())).isEqualTo(rated.charge());
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.TEN).ofScale(6);
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000).map(BigDecimal::valueOf),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(1_000)).ofScale(3));
    }
}
