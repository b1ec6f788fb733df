package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart drawn as server-side SVG by the fragment {@code kpi-chart :: bars} (no JavaScript): one bar per label,
 * a value axis from zero to a rounded top with a few ticks and the unit ({@link ValueAxis}), the labels under the
 * bars (every second or third one when there are many), each bar with its figure as a tooltip, and the same figures
 * as a table for screen readers and for reading exact values. Pages other than the KPI dashboard use it too.
 *
 * <p>Geometry in the SVG's user units: a {@value #WIDTH} × {@value #HEIGHT} view box, the plot right of the tick
 * labels and above the category labels.
 *
 * @param id           unique on the page: the SVG's title and description are referenced by it
 * @param scale        decimals the figures are shown with
 * @param axis         the value axis
 * @param unitKey      message key of the value axis' unit (e.g. {@code chart.unit.orders}, or {@code chart.unit.money}
 *                     with the currency as its argument)
 * @param unitArgument the unit message's one argument, or {@code null}
 */
public record BarChart(String id, List<Bar> bars, int scale, ValueAxis axis, String unitKey, String unitArgument) {

    public static final int WIDTH = 400;
    public static final int HEIGHT = 170;
    static final int LEFT = 52;
    static final int RIGHT = 8;
    static final int TOP = 20;
    static final int PLOT_HEIGHT = 120;
    /** Estimated width of one character of a category label (font size 9). */
    static final double CHAR_WIDTH = 5.2;
    static final String COUNT_UNIT = "chart.unit.count";

    /** One bar: its label, its value and its height in percent of the axis' top (at least 1 when above zero). */
    public record Bar(String label, BigDecimal value, int percent) {
    }

    /** The bars of {@code values}, in their order, counted in a plain number (see {@link #withUnit}). */
    public static BarChart of(String id, Map<String, ? extends Number> values, int scale) {
        List<String> labels = new ArrayList<>(values.keySet());
        List<BigDecimal> amounts = new ArrayList<>();
        values.values().forEach(value -> amounts.add(value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())));
        BigDecimal max = amounts.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        ValueAxis axis = ValueAxis.upTo(max, scale == 0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            BigDecimal amount = amounts.get(i);
            int percent = amount.signum() <= 0 ? 0 : Math.max(1, amount
                    .multiply(BigDecimal.valueOf(100)).divide(axis.top(), 0, RoundingMode.HALF_UP).intValue());
            bars.add(new Bar(labels.get(i), amount, percent));
        }
        return new BarChart(id, List.copyOf(bars), scale, axis, COUNT_UNIT, null);
    }

    /** The same chart with its value axis in this unit (a message key and its one argument, or {@code null}). */
    public BarChart withUnit(String key, String argument) {
        return new BarChart(id, bars, scale, axis, key, argument);
    }

    public boolean isEmpty() {
        return bars.stream().allMatch(bar -> bar.value().signum() == 0);
    }

    /** The width one bar and its gap take in the plot. */
    public double slot() {
        return (WIDTH - LEFT - RIGHT) / (double) Math.max(1, bars.size());
    }

    /** Where bar {@code index} starts (a fifth of its slot is the gap). */
    public String x(int index) {
        return units(LEFT + index * slot() + slot() * 0.1);
    }

    public String barWidth() {
        return units(slot() * 0.8);
    }

    /** The top of a bar: bars grow from the zero line up to their value on the axis. */
    public String y(Bar bar) {
        return units(baseline() - height(bar.value()));
    }

    public String height(Bar bar) {
        return units(height(bar.value()));
    }

    /** The vertical position of a tick of the value axis. */
    public String tickY(BigDecimal tick) {
        return units(baseline() - height(tick));
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int baseline() {
        return TOP + PLOT_HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** The centre of bar {@code index}, where its label sits. */
    public String labelX(int index) {
        return units(LEFT + (index + 0.5) * slot());
    }

    /**
     * Every how many bars a category label is shown: every bar when the labels fit, else every second, third...
     * (e.g. every second hour of a day, every second or third day of a month).
     */
    public int labelEvery() {
        int longest = bars.stream().mapToInt(bar -> axisLabel(bar.label()).length()).max().orElse(0);
        double needed = Math.min(longest, 10) * CHAR_WIDTH + 4;
        return Math.max(1, (int) Math.ceil(needed / slot()));
    }

    public boolean showsLabel(int index) {
        return index % labelEvery() == 0;
    }

    /**
     * A category label as it fits under its bars: a day ({@code 2026-11-07}, German {@code 07.11.2026}) without its
     * year ({@code 11-07}, {@code 07.11.}: the section names the range), shortened with an ellipsis when still longer (the tooltip and table have it all).
     */
    public String shortLabel(int index) {
        String label = axisLabel(bars.get(index).label());
        int fits = Math.max(2, (int) Math.floor(slot() * labelEvery() / CHAR_WIDTH) - 1);
        return label.length() <= fits ? label : label.substring(0, fits - 1) + "…";
    }

    private static String axisLabel(String label) {
        if (label.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
            return label.substring(0, 6); // a German day, 07.11.2026 → 07.11.
        }
        return label.matches("\\d{4}-\\d{2}-\\d{2}") ? label.substring(5) : label;
    }

    private double height(BigDecimal value) {
        if (value.signum() <= 0) {
            return 0;
        }
        double share = value.divide(axis.top(), MathContext.DECIMAL64).doubleValue();
        return Math.max(1, Math.min(1, share) * PLOT_HEIGHT); // a value above zero stays visible
    }

    private static String units(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
