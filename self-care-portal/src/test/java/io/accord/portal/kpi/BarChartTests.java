package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTests {

    @Test
    void barsKeepTheirOrderAndAreScaledToTheHighestWithAVisibleMinimum() {
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
        assertThat(chart.width()).isEqualTo(100);
        assertThat(chart.x(0)).isEqualTo(31); // four bars of 10 centred in 100
    }

    @Test
    void onlyZeroesIsEmpty() {
        assertThat(BarChart.of("c", Map.of("a", 0, "b", 0), 0).isEmpty()).isTrue();
        assertThat(BarChart.of("c", Map.of(), 0).isEmpty()).isTrue();
        assertThat(BarChart.of("c", Map.of("a", 0), 0).bars().getFirst().percent()).isZero();
    }
}
