package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.accord.rating.engine.RatingFixtures.dec;
import static io.accord.rating.engine.RatingFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTests {

    private static BigDecimal billed(String quantity, UnitOfMeasure unit, RatingFixtures.PriceBuilder price) {
        return Quantities.billed(dec(quantity), unit, new CompiledPrice(price.build()));
    }

    @ParameterizedTest(name = "{0} s at 60/1 bills {1} s")
    @CsvSource({"1, 60", "59, 60", "60, 60", "61, 61", "125, 125", "0, 0"})
    void billsTheFirstMinuteWholeThenEverySecond(String seconds, String expected) {
        assertThat(billed(seconds, UnitOfMeasure.S, price("p").increments("60", "1"))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} s at 30/30 bills {1} s")
    @CsvSource({"1, 30", "30, 30", "31, 60", "61, 90", "90, 90"})
    void billsEveryStartedHalfMinute(String seconds, String expected) {
        assertThat(billed(seconds, UnitOfMeasure.S, price("p").increments("30", "30"))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} per started MB bills {2} MB")
    @CsvSource({"1, B, 1", "1048576, B, 1", "1048577, B, 2", "1.5, MB, 2", "1, GB, 1024", "1536, KB, 2"})
    void billsEveryStartedMegabyte(String quantity, UnitOfMeasure unit, String expected) {
        RatingFixtures.PriceBuilder perStartedMb = price("p").unit(UnitOfMeasure.MB).increments("1", "1");
        assertThat(billed(quantity, unit, perStartedMb)).isEqualByComparingTo(expected);
    }

    @Test
    void convertsExactlyWithoutIncrements() {
        RatingFixtures.PriceBuilder perMb = price("p").unit(UnitOfMeasure.MB);
        assertThat(billed("524288", UnitOfMeasure.B, perMb)).isEqualByComparingTo("0.5");
        assertThat(billed("90", UnitOfMeasure.S, price("p").unit(UnitOfMeasure.MIN))).isEqualByComparingTo("1.5");
        assertThat(billed("2", UnitOfMeasure.MIN, price("p"))).isEqualByComparingTo("120");
    }

    @Test
    void keepsNineDecimalsWhenAConversionDoesNotTerminate() {
        assertThat(billed("1", UnitOfMeasure.S, price("p").unit(UnitOfMeasure.H))).isEqualTo(dec("0.000277778"));
    }

    @Test
    void raisesANonZeroQuantityToTheMinimumButBillsZeroAsZero() {
        RatingFixtures.PriceBuilder minimumTen = price("p").minimum("10");
        assertThat(billed("3", UnitOfMeasure.S, minimumTen)).isEqualByComparingTo("10");
        assertThat(billed("12", UnitOfMeasure.S, minimumTen)).isEqualByComparingTo("12");
        assertThat(billed("0", UnitOfMeasure.S, minimumTen)).isEqualByComparingTo("0");
    }

    @Test
    void roundsFractionalQuantitiesAndIncrementsExactly() {
        assertThat(billed("60.2", UnitOfMeasure.S, price("p").increments("60", "1"))).isEqualByComparingTo("61");
        assertThat(billed("0.7", UnitOfMeasure.S, price("p").increments("0.5", "0.25"))).isEqualByComparingTo("0.75");
        assertThat(billed("3.2", UnitOfMeasure.S, price("p").minimum("3.5"))).isEqualByComparingTo("3.5");
    }

    @Test
    void handlesQuantitiesBeyondLongArithmetic() {
        assertThat(billed("99999999999999999999", UnitOfMeasure.GB, price("p").unit(UnitOfMeasure.MB)
                .increments("1", "1"))).isEqualByComparingTo("102399999999999999998976");
    }
}
