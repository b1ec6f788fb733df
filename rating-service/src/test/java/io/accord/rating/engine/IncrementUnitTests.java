package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A per-minute price rounded 60/1 in seconds, as the catalog gives it: first minute whole, then per second. */
class IncrementUnitTests {

    private final RatingEngine engine = engine(List.of(instance("pi").build()),
            List.of(price("voice-per-minute").unit(UnitOfMeasure.MIN).rate("0.60").incrementsIn(UnitOfMeasure.S)
                    .increments("60", "1").build()),
            List.of());

    private RatedUsage rate(String quantity, UnitOfMeasure unit) {
        return (RatedUsage) engine.rate(usage().type("VOICE").quantity(quantity, unit).build(),
                new TierAccumulators());
    }

    @Test
    void billsTheFirstMinuteWholeThenEverySecond() {
        assertThat(rate("1", UnitOfMeasure.S).billedQuantity()).isEqualByComparingTo("1");
        assertThat(rate("60", UnitOfMeasure.S).billedQuantity()).isEqualByComparingTo("1");
        RatedUsage ninety = rate("90", UnitOfMeasure.S);
        assertThat(ninety.billedQuantity()).isEqualByComparingTo("1.5");
        assertThat(ninety.billedUnit()).isEqualTo(UnitOfMeasure.MIN);
        assertThat(ninety.charge().amount()).isEqualByComparingTo("0.90");
        // 61 s is 1.0166... min: kept to 9 decimals, the charge rounded once to 6
        RatedUsage sixtyOne = rate("61", UnitOfMeasure.S);
        assertThat(sixtyOne.billedQuantity()).isEqualByComparingTo("1.016666667");
        assertThat(sixtyOne.charge().amount()).isEqualByComparingTo("0.610000");
    }

    @Test
    void decimalUsageTakesTheExactPathToTheSameResult() {
        assertThat(rate("61.0", UnitOfMeasure.S).billedQuantity()).isEqualByComparingTo("1.016666667");
        assertThat(rate("1.5", UnitOfMeasure.MIN).billedQuantity()).isEqualByComparingTo("1.5");
        assertThat(rate("0.25", UnitOfMeasure.MIN).billedQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void incrementsMustBeOfThePricesDimension() {
        assertThatThrownBy(() -> price("bad").unit(UnitOfMeasure.MIN).incrementsIn(UnitOfMeasure.MB)
                .increments("60", "1").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
