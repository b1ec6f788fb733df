package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;

import static io.accord.rating.engine.RatingFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;

/** Conversions round-trip exactly, and the long fast path bills exactly what the BigDecimal path bills. */
class QuantityPropertiesTests {

    @Property(tries = 1000)
    void dataConversionsRoundTripExactly(@ForAll("dataUnits") UnitOfMeasure from, @ForAll("dataUnits") UnitOfMeasure to,
                                         @ForAll("decimals") BigDecimal quantity) {
        BigDecimal there = Quantities.convert(quantity, from, to);

        assertThat(Quantities.convert(there, to, from)).isEqualByComparingTo(quantity);
        assertThat(there).isEqualByComparingTo(from.convert(quantity, to));
    }

    @Property(tries = 500)
    void timeConversionsRoundTripThroughFinerUnits(@ForAll("timeUnits") UnitOfMeasure from,
                                                   @ForAll("timeUnits") UnitOfMeasure to,
                                                   @ForAll("decimals") BigDecimal quantity) {
        Assume.that(Quantities.base(from) >= Quantities.base(to));

        assertThat(Quantities.convert(Quantities.convert(quantity, from, to), to, from))
                .isEqualByComparingTo(quantity);
    }

    @Property(tries = 1000)
    void wholeQuantitiesBillTheSameOnTheFastAndTheExactPath(
            @ForAll("dataUnits") UnitOfMeasure usageUnit, @ForAll("dataUnits") UnitOfMeasure priceUnit,
            @ForAll @LongRange(min = 0, max = 5_000_000_000L) long quantity,
            @ForAll @IntRange(min = 1, max = 120) int first, @ForAll @IntRange(min = 1, max = 60) int next,
            @ForAll @IntRange(min = 0, max = 200) int minimum) {
        CompiledPrice compiled = new CompiledPrice(price("p").unit(priceUnit)
                .increments(Integer.toString(first), Integer.toString(next)).minimum(Integer.toString(minimum))
                .build());

        BigDecimal fast = Quantities.billed(BigDecimal.valueOf(quantity), usageUnit, compiled);
        BigDecimal exact = Quantities.billed(BigDecimal.valueOf(quantity).setScale(1), usageUnit, compiled);

        assertThat(fast).isEqualByComparingTo(exact);
        assertThat(fast).isGreaterThanOrEqualTo(Quantities.convert(BigDecimal.valueOf(quantity), usageUnit, priceUnit));
    }

    @Property(tries = 1000)
    void timePricesRoundedInSecondsBillTheSameOnTheFastAndTheExactPath(
            @ForAll("timeUnits") UnitOfMeasure usageUnit, @ForAll("timeUnits") UnitOfMeasure priceUnit,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long quantity,
            @ForAll @IntRange(min = 1, max = 120) int first, @ForAll @IntRange(min = 1, max = 60) int next,
            @ForAll @IntRange(min = 0, max = 3) int minimum) {
        CompiledPrice compiled = new CompiledPrice(price("p").unit(priceUnit).incrementsIn(UnitOfMeasure.S)
                .increments(Integer.toString(first), Integer.toString(next)).minimum(Integer.toString(minimum))
                .build());

        BigDecimal fast = Quantities.billed(BigDecimal.valueOf(quantity), usageUnit, compiled);
        BigDecimal exact = Quantities.billed(BigDecimal.valueOf(quantity).setScale(1), usageUnit, compiled);

        assertThat(fast).isEqualByComparingTo(exact);
        // never less than the usage, to the 9 decimals a conversion into a larger unit keeps
        assertThat(fast).isGreaterThanOrEqualTo(Quantities.convert(BigDecimal.valueOf(quantity), usageUnit, priceUnit)
                .setScale(9, java.math.RoundingMode.FLOOR));
    }

    @Provide
    Arbitrary<UnitOfMeasure> dataUnits() {
        return Arbitraries.of(UnitOfMeasure.B, UnitOfMeasure.KB, UnitOfMeasure.MB, UnitOfMeasure.GB);
    }

    @Provide
    Arbitrary<UnitOfMeasure> timeUnits() {
        return Arbitraries.of(UnitOfMeasure.S, UnitOfMeasure.MIN, UnitOfMeasure.H);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(10_000_000)).ofScale(4);
    }
}
