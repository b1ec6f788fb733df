package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart's value axis: from zero to a rounded top at or above the highest value, in a few steps of 1, 2, 2.5 or 5
 * times a power of ten ({@code 0, 500, 1000, 1500} for a highest value of 1234). Counts ({@code integers}) never get
 * a fractional step.
 *
 * @param ticks the values the axis is labelled with, from zero up to the top, evenly spaced
 * @param scale decimals the tick labels need (0 for a step of 5, 1 for 2.5, 2 for 0.25)
 */
public record ValueAxis(List<BigDecimal> ticks, int scale) {

    /** About this many steps between zero and the top (3 to 5 depending on the rounding). */
    static final int STEPS = 4;
    private static final BigDecimal[] NICE = {BigDecimal.ONE, BigDecimal.TWO, new BigDecimal("2.5"),
            BigDecimal.valueOf(5), BigDecimal.TEN};

    public ValueAxis {
        ticks = List.copyOf(ticks);
    }

    /** The axis for values up to {@code max} (nothing above zero: a single step of one). */
    public static ValueAxis upTo(BigDecimal max, boolean integers) {
        BigDecimal step = max == null || max.signum() <= 0 ? BigDecimal.ONE : step(max, integers);
        BigDecimal top = max == null || max.signum() <= 0 ? step
                : max.divide(step, 0, RoundingMode.CEILING).multiply(step);
        List<BigDecimal> ticks = new ArrayList<>();
        for (BigDecimal tick = BigDecimal.ZERO; tick.compareTo(top) <= 0; tick = tick.add(step)) {
            ticks.add(tick.stripTrailingZeros().scale() < 0 ? tick.setScale(0, RoundingMode.UNNECESSARY)
                    : tick.stripTrailingZeros());
        }
        return new ValueAxis(ticks, Math.max(0, step.stripTrailingZeros().scale()));
    }

    private static BigDecimal step(BigDecimal max, boolean integers) {
        BigDecimal raw = max.divide(BigDecimal.valueOf(STEPS), java.math.MathContext.DECIMAL64);
        int exponent = raw.precision() - raw.scale() - 1; // raw = d.ddd × 10^exponent
        BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal normalized = raw.divide(magnitude, java.math.MathContext.DECIMAL64);
        for (BigDecimal nice : NICE) {
            BigDecimal step = nice.multiply(magnitude);
            if (nice.compareTo(normalized) >= 0 && (!integers || isWhole(step))) {
                return integers && step.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : step;
            }
        }
        return BigDecimal.TEN.multiply(magnitude).max(BigDecimal.ONE);
    }

    private static boolean isWhole(BigDecimal value) {
        return value.compareTo(BigDecimal.ONE) < 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** The highest tick: a bar of this value fills the plot. */
    public BigDecimal top() {
        return ticks.getLast();
    }
}
