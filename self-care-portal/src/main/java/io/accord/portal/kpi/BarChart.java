package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart drawn as server-side SVG by the fragment {@code kpi-chart :: bars} (no JavaScript): one bar per label,
 * heights in percent of the highest value, each bar with its figure as a tooltip, and the same figures as a table
 * for screen readers and for reading exact values. Pages other than the KPI dashboard use it too.
 *
 * @param id    unique on the page: the SVG's title and description are referenced by it
 * @param scale decimals the figures are shown with
 */
public record BarChart(String id, List<Bar> bars, int scale) {

    /** One bar: its label, its value and its height in percent of the highest (at least 1 when above zero). */
    public record Bar(String label, BigDecimal value, int percent) {
    }

    /** The bars of {@code values}, in their order. */
    public static BarChart of(String id, Map<String, ? extends Number> values, int scale) {
        List<String> labels = new ArrayList<>(values.keySet());
        List<BigDecimal> amounts = new ArrayList<>();
        values.values().forEach(value -> amounts.add(value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())));
        BigDecimal max = amounts.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            BigDecimal amount = amounts.get(i);
            int percent = max.signum() <= 0 || amount.signum() <= 0 ? 0 : Math.max(1, amount
                    .multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue());
            bars.add(new Bar(labels.get(i), amount, percent));
        }
        return new BarChart(id, List.copyOf(bars), scale);
    }

    public boolean isEmpty() {
        return bars.stream().allMatch(bar -> bar.value().signum() == 0);
    }

    /** The SVG's width in user units: 10 a bar (8 of bar, 2 of gap), at least 100. */
    public int width() {
        return Math.max(100, bars.size() * 10);
    }

    /** Where bar {@code index} starts: bars are centred when there are fewer than ten. */
    public int x(int index) {
        return (width() - bars.size() * 10) / 2 + index * 10 + 1;
    }
}
