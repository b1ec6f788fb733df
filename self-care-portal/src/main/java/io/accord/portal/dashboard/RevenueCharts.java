package io.accord.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.accord.portal.kpi.BarChart;
import tools.jackson.databind.JsonNode;

/** The dashboard's revenue charts (the partner's share, one currency): the days of the month and today's hours. */
final class RevenueCharts {

    private RevenueCharts() {
    }

    /** The month's daily bars of the summary, labelled with the day of the month. */
    static BarChart month(UsageSummary summary) {
        Map<String, BigDecimal> days = new LinkedHashMap<>();
        summary.bars().forEach(bar -> days.put(String.valueOf(bar.day()), bar.amount()));
        return BarChart.of("chart-month", days, 2).withUnit("chart.unit.money", summary.barCurrency());
    }

    /** Today's revenue per UTC hour, from the month's hourly rollups. */
    static BarChart today(JsonNode rollups, LocalDate today, String currency) {
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.put("%02d:00".formatted(hour), BigDecimal.ZERO);
        }
        for (JsonNode row : rollups.path("rows")) {
            String bucket = row.path("bucket").asString("");
            if (bucket.length() <= 10 || !row.path("currency").asString("").equals(currency)) {
                continue; // a daily bucket has no hour
            }
            OffsetDateTime at = OffsetDateTime.parse(bucket).withOffsetSameInstant(ZoneOffset.UTC);
            if (at.toLocalDate().equals(today)) {
                String share = row.path("partnerShare").asString("");
                hours.merge("%02d:00".formatted(at.getHour()), share.isBlank() ? BigDecimal.ZERO
                        : new BigDecimal(share), BigDecimal::add);
            }
        }
        return BarChart.of("chart-today", hours, 2).withUnit("chart.unit.money", currency);
    }
}
