package io.accord.portal.kpi;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueAxisTests {

    private static ValueAxis axis(String max, boolean integers) {
        return ValueAxis.upTo(new BigDecimal(max), integers);
    }

    private static String ticks(ValueAxis axis) {
        return axis.ticks().stream().map(BigDecimal::toPlainString).toList().toString();
    }

    @Test
    void roundsTheTopUpToAFewStepsOfOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertThat(ticks(axis("1234", true))).isEqualTo("[0, 500, 1000, 1500]");
        assertThat(ticks(axis("1000", true))).isEqualTo("[0, 250, 500, 750, 1000]");
        assertThat(ticks(axis("7", true))).isEqualTo("[0, 2, 4, 6, 8]");
        assertThat(ticks(axis("18.27", false))).isEqualTo("[0, 5, 10, 15, 20]");
        assertThat(ticks(axis("95", false))).isEqualTo("[0, 25, 50, 75, 100]");
        assertThat(ticks(axis("2000000", true))).isEqualTo("[0, 500000, 1000000, 1500000, 2000000]");
    }

    @Test
    void fractionalStepsGetTheDecimalsTheyNeed() {
        ValueAxis small = axis("0.37", false);
        assertThat(ticks(small)).isEqualTo("[0, 0.1, 0.2, 0.3, 0.4]");
        assertThat(small.scale()).isEqualTo(1);
        ValueAxis quarter = axis("0.9", false);
        assertThat(ticks(quarter)).isEqualTo("[0, 0.25, 0.5, 0.75, 1]");
        assertThat(quarter.scale()).isEqualTo(2);
        assertThat(axis("9", false).scale()).isEqualTo(1); // steps of 2.5
        assertThat(axis("1234", true).scale()).isZero();
    }

    @Test
    void countsNeverGetAFractionalStep() {
        assertThat(ticks(axis("1", true))).isEqualTo("[0, 1]");
        assertThat(ticks(axis("3", true))).isEqualTo("[0, 1, 2, 3]");
        assertThat(ticks(axis("9", true))).isEqualTo("[0, 5, 10]"); // 2.5 is no count
        assertThat(ticks(axis("90", true))).isEqualTo("[0, 25, 50, 75, 100]");
    }

    @Test
    void theTopIsAtOrAboveTheHighestValueInAtMostFiveSteps() {
        for (String max : new String[] {"0.01", "0.5", "1", "3.3", "42", "99.99", "101", "777", "65536", "123456.789"}) {
            for (boolean integers : new boolean[] {true, false}) {
                ValueAxis axis = axis(max, integers);
                assertThat(axis.top()).as(max).isGreaterThanOrEqualTo(new BigDecimal(max));
                assertThat(axis.ticks()).as(max).hasSizeBetween(2, 6);
                assertThat(axis.ticks().getFirst()).isEqualByComparingTo(BigDecimal.ZERO);
            }
        }
    }

    @Test
    void nothingAboveZeroIsOneStepOfOne() {
        assertThat(ticks(axis("0", true))).isEqualTo("[0, 1]");
        assertThat(ticks(ValueAxis.upTo(null, false))).isEqualTo("[0, 1]");
    }
}
