package io.accord.portal.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UsageSummaryTests {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static UsageSummary of(String json) {
        return UsageSummary.of(JsonMapper.builder().build().readTree(json), DECEMBER);
    }

    @Test
    void addsAmountsExactlyPerCurrencyAndQuantitiesPerUnit() {
        UsageSummary summary = of("""
                {"rows":[
                 {"bucket":"2026-12-01T00:00:00Z","billedUnit":"S","currency":"EUR","quantity":"10",
                  "charge":"0.100000","partnerShare":"0.000001","wholesale":"0","records":1},
                 {"bucket":"2026-12-03T00:00:00Z","billedUnit":"MB","currency":"EUR","quantity":"2.5",
                  "charge":"0.200000","partnerShare":"0.000002","wholesale":"0","records":4},
                 {"bucket":"2026-12-03T00:00:00Z","billedUnit":"S","currency":"CHF","quantity":"5",
                  "charge":"9.000000","partnerShare":"3.000000","wholesale":"0","records":1}]}""");

        assertThat(summary.revenue()).containsExactly(
                new UsageSummary.Revenue("CHF", new BigDecimal("3.000000"), new BigDecimal("9.000000"), BigDecimal.ZERO),
                new UsageSummary.Revenue("EUR", new BigDecimal("0.000003"), new BigDecimal("0.300000"), BigDecimal.ZERO));
        assertThat(summary.usage()).containsExactly(new UsageSummary.Usage("MB", new BigDecimal("2.5")),
                new UsageSummary.Usage("S", new BigDecimal("15")));
        assertThat(summary.records()).isEqualTo(6);
        assertThat(summary.barCurrency()).isEqualTo("CHF");
    }

    @Test
    void barsCoverEveryDayOfTheMonthScaledToTheBestDay() {
        UsageSummary summary = of("""
                {"rows":[
                 {"bucket":"2026-12-02T00:00:00Z","billedUnit":"S","currency":"EUR","quantity":"1",
                  "charge":"1","partnerShare":"4.000000","wholesale":"0","records":1},
                 {"bucket":"2026-12-05T00:00:00Z","billedUnit":"S","currency":"EUR","quantity":"1",
                  "charge":"1","partnerShare":"1.000000","wholesale":"0","records":1}]}""");

        assertThat(summary.bars()).hasSize(31);
        assertThat(summary.bars().get(1).percent()).isEqualTo(100);
        assertThat(summary.bars().get(4).percent()).isEqualTo(25);
        assertThat(summary.bars().get(0).percent()).isZero();
        assertThat(summary.revenueOn(java.time.LocalDate.of(2026, 12, 2))).isEqualByComparingTo("4");
        assertThat(summary.revenueOn(java.time.LocalDate.of(2026, 12, 3))).isZero();
    }

    @Test
    void hourlyBucketsAddUpPerDayAndDailyBucketsAreDates() {
        UsageSummary summary = of("""
                {"rows":[
                 {"bucket":"2026-12-02T07:00:00Z","billedUnit":"S","currency":"EUR","quantity":"1",
                  "charge":"1","partnerShare":"1.500000","wholesale":"0","records":1},
                 {"bucket":"2026-12-02T23:00:00Z","billedUnit":"S","currency":"EUR","quantity":"1",
                  "charge":"1","partnerShare":"0.500000","wholesale":"0","records":1},
                 {"bucket":"2026-12-04","billedUnit":"S","currency":"EUR","quantity":"1",
                  "charge":"1","partnerShare":"3.000000","wholesale":"0","records":1}]}""");

        assertThat(summary.revenueOn(java.time.LocalDate.of(2026, 12, 2))).isEqualByComparingTo("2");
        assertThat(summary.revenueOn(java.time.LocalDate.of(2026, 12, 4))).isEqualByComparingTo("3");
    }

    @Test
    void noRowsIsAnEmptyMonth() {
        UsageSummary summary = of("{\"rows\":[]}");

        assertThat(summary.isEmpty()).isTrue();
        assertThat(summary.barCurrency()).isNull();
        assertThat(summary.bars()).allSatisfy(bar -> assertThat(bar.percent()).isZero());
    }
}
