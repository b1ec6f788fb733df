package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTests {

    @Test
    void barsKeepTheirOrderAndAreScaledToTheAxisTopWithAVisibleMinimum() {
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("DRAFT", 200);
        values.put("LAUNCHED", new BigDecimal("1000"));
        values.put("RETIRED", 0);
        values.put("REJECTED", 1);

        BarChart chart = BarChart.of("c", values, 0);

        assertThat(chart.bars()).extracting(BarChart.Bar::label)
                .containsExactly("DRAFT", "LAUNCHED", "RETIRED", "REJECTED");
        assertThat(chart.bars()).extracting(BarChart.Bar::percent).containsExactly(20, 100, 0, 1);
        assertThat(chart.isEmpty()).isFalse();
        assertThat(chart.axis().top()).isEqualByComparingTo("1000");
        // the plot is 340 wide (52 left for the ticks, 8 right): four slots of 85, bars 68 wide after a gap of 8.5
        assertThat(chart.x(0)).isEqualTo("60.5");
        assertThat(chart.barWidth()).isEqualTo("68");
        assertThat(chart.height(chart.bars().get(1))).isEqualTo("120");
        assertThat(chart.y(chart.bars().get(1))).isEqualTo("20");
        assertThat(chart.height(chart.bars().get(0))).isEqualTo("24");
        assertThat(chart.height(chart.bars().get(2))).isEqualTo("0");
        assertThat(chart.height(chart.bars().get(3))).isEqualTo("1"); // 1 of 1000 is still seen
        assertThat(chart.tickY(new BigDecimal("500"))).isEqualTo("80");
        assertThat(chart.unitKey()).isEqualTo("chart.unit.count");
    }

    @Test
    void barsBelowTheRoundedTopDoNotFillThePlot() {
        BarChart chart = BarChart.of("c", Map.of("a", 1234), 0).withUnit("chart.unit.orders", null);

        assertThat(chart.axis().top()).isEqualByComparingTo("1500");
        assertThat(chart.bars().getFirst().percent()).isEqualTo(82);
        assertThat(chart.height(chart.bars().getFirst())).isEqualTo("98.7");
        assertThat(chart.unitKey()).isEqualTo("chart.unit.orders");
    }

    @Test
    void fewShortLabelsAreAllShownManyAreThinnedAndLongOnesShortened() {
        Map<String, Number> states = new LinkedHashMap<>();
        for (String state : new String[] {"DRAFT", "IN_REVIEW", "APPROVED", "REJECTED", "LAUNCHED", "RETIRED"}) {
            states.put(state, 1);
        }
        BarChart few = BarChart.of("c", states, 0);
        assertThat(few.labelEvery()).isEqualTo(1);
        assertThat(few.shortLabel(1)).isEqualTo("IN_REVIEW");

        Map<String, Number> days = new LinkedHashMap<>();
        for (int day = 1; day <= 31; day++) {
            days.put(String.valueOf(day), day);
        }
        BarChart month = BarChart.of("c", days, 2);
        assertThat(month.labelEvery()).isEqualTo(2);
        assertThat(month.showsLabel(0)).isTrue();
        assertThat(month.showsLabel(1)).isFalse();
        assertThat(month.showsLabel(30)).isTrue();

        Map<String, Number> hours = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.put("%02d:00".formatted(hour), hour);
        }
        assertThat(BarChart.of("c", hours, 2).labelEvery()).isEqualTo(3);

        Map<String, Number> partners = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            partners.put("Streamly Media Holdings GmbH " + i, i + 1);
        }
        BarChart names = BarChart.of("c", partners, 2);
        assertThat(names.shortLabel(0)).endsWith("…").startsWith("Str");
        assertThat(names.shortLabel(0).length() * BarChart.CHAR_WIDTH)
                .isLessThanOrEqualTo(names.slot() * names.labelEvery());
    }

    @Test
    void onlyZeroesIsEmpty() {
        assertThat(BarChart.of("c", Map.of("a", 0, "b", 0), 0).isEmpty()).isTrue();
        assertThat(BarChart.of("c", Map.of(), 0).isEmpty()).isTrue();
        assertThat(BarChart.of("c", Map.of("a", 0), 0).bars().getFirst().percent()).isZero();
    }

    @Test
    void aMonthOfDaysIsLabelledByMonthAndDayNotCutToTheYear() {
        Map<String, Number> days = new LinkedHashMap<>();
        java.time.LocalDate first = java.time.LocalDate.parse("2026-11-07");
        for (int day = 0; day < 30; day++) {
            days.put(first.plusDays(day).toString(), day);
        }

        BarChart chart = BarChart.of("orders-day", days, 0);

        assertThat(chart.shortLabel(0)).isEqualTo("11-07");
        assertThat(java.util.stream.IntStream.range(0, 30).filter(chart::showsLabel).mapToObj(chart::shortLabel))
                .isNotEmpty().noneMatch(label -> label.endsWith("…"));
        assertThat(chart.bars().getFirst().label()).as("the tooltip and table keep the date").isEqualTo("2026-11-07");
    }

    @Test
    void germanDaysAreLabelledByDayAndMonth() {
        Map<String, Number> days = new LinkedHashMap<>();
        java.time.LocalDate first = java.time.LocalDate.parse("2026-11-07");
        for (int day = 0; day < 30; day++) {
            days.put(io.accord.portal.layout.Dates.date(first.plusDays(day).toString(), java.util.Locale.GERMAN), day);
        }

        BarChart chart = BarChart.of("orders-day", days, 0);

        assertThat(chart.shortLabel(0)).isEqualTo("07.11.");
        assertThat(java.util.stream.IntStream.range(0, 30).filter(chart::showsLabel).mapToObj(chart::shortLabel))
                .isNotEmpty().noneMatch(label -> label.endsWith("…"));
        assertThat(chart.bars().getFirst().label()).isEqualTo("07.11.2026");
    }
}
