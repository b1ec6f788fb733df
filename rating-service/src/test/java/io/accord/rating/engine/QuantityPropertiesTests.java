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

    /**
     * The {@code long} division of a whole quantity in base units equals BigDecimal's exact division, scale included
     * (a stored and published billed quantity keeps its scale), and declines only what does not terminate or does not
     * fit a {@code long} at a scale of at most 18.
     */
    @Property(tries = 3000)
    void terminatingQuotientsAreBigDecimalsExactDivision(@ForAll("dividends") long dividend,
                                                         @ForAll("divisors") long divisor) {
        BigDecimal exact;
        try {
            exact = BigDecimal.valueOf(dividend).divide(BigDecimal.valueOf(divisor));
        } catch (ArithmeticException nonTerminating) {
            exact = null;
        }

        BigDecimal quotient = Quantities.terminatingQuotient(dividend, divisor);

        if (quotient != null) {
            assertThat(quotient).isEqualTo(exact);
        } else if (exact != null) {
            assertThat(exact.scale() > 18 || exact.unscaledValue().bitLength() > 63)
                    .as("declined %s although it fits a long", exact).isTrue();
        }
    }

    @Provide
    Arbitrary<Long> dividends() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 100_000_000L),
                Arbitraries.longs().between(1, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<Long> divisors() {
        // the units' bases, other terminating ones (2^a 5^b times a common factor) and non-terminating ones
        Arbitrary<Long> units = Arbitraries.of(UnitOfMeasure.values()).map(Quantities::base);
        Arbitrary<Long> terminating = Arbitraries.integers().between(0, 30).flatMap(twos ->
                Arbitraries.integers().between(0, 12).flatMap(fives -> Arbitraries.longs()
                        .between(1, Math.min(1000, Long.MAX_VALUE / (1L << twos) / pow5(fives)))
                        .map(common -> (1L << twos) * pow5(fives) * common)));
        return Arbitraries.oneOf(units, terminating, Arbitraries.longs().between(1, 1_000_000_000L));
    }

    private static long pow5(int exponent) {
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 5;
        }
        return power;
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
