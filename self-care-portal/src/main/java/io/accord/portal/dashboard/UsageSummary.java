package io.accord.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * A partner's usage and revenue of one month, from the daily rollups of rating ({@code GET /api/rating/rollups},
 * docs/rating-rollups.md): revenue (the partner's share) and charges per currency, usage per billed unit, and the
 * daily revenue of the main currency as bars for the chart. Amounts are added exactly, as the API's decimals.
 */
record UsageSummary(List<Revenue> revenue, List<Usage> usage, long records, List<Bar> bars, String barCurrency) {

    /**
     * One currency's money: the partner's share (what it earns on usage of its offerings), what was charged for
     * them, and the wholesale it owes for usage of offerings it resells ({@code RESELL}: that usage's charge is the
     * wholesale, so it is not a charge to its customers).
     */
    record Revenue(String currency, BigDecimal partnerShare, BigDecimal charge, BigDecimal wholesale) {

        /** What its customers were charged for usage of its own (and co-created) offerings. */
        public BigDecimal customerCharge() {
            return charge.subtract(wholesale);
        }

        /** Whether there is revenue to show: a share, a charge of its offerings, or no resold usage at all. */
        public boolean earns() {
            return partnerShare.signum() != 0 || customerCharge().signum() != 0 || wholesale.signum() == 0;
        }

        /** Whether it owes wholesale for resold usage. */
        public boolean owes() {
            return wholesale.signum() != 0;
        }
    }

    record Usage(String billedUnit, BigDecimal quantity) {
    }

    /** One day's bar: its height in percent of the month's highest day. */
    record Bar(int day, BigDecimal amount, int percent) {
    }

    public boolean isEmpty() {
        return records == 0;
    }

    /** The revenue of one day of this summary's month in the chart's currency (zero when none). */
    public BigDecimal revenueOn(LocalDate day) {
        return bars.size() < day.getDayOfMonth() ? BigDecimal.ZERO
                : bars.get(day.getDayOfMonth() - 1).amount();
    }

    static UsageSummary of(JsonNode rollups, YearMonth month) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        Map<String, BigDecimal> byUnit = new TreeMap<>();
        Map<String, Map<Integer, BigDecimal>> dailyShare = new TreeMap<>();
        long records = 0;
        for (JsonNode row : rollups.path("rows")) {
            String currency = row.path("currency").asString("");
            BigDecimal[] sums = byCurrency.computeIfAbsent(currency,
                    key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal share = decimal(row, "partnerShare");
            sums[0] = sums[0].add(share);
            sums[1] = sums[1].add(decimal(row, "charge"));
            sums[2] = sums[2].add(decimal(row, "wholesale"));
            byUnit.merge(row.path("billedUnit").asString(""), decimal(row, "quantity"), BigDecimal::add);
            records += row.path("records").asLong(0);
            String bucket = row.path("bucket").asString();
            LocalDate day = bucket.length() == 10 ? LocalDate.parse(bucket) // a daily bucket is a date
                    : java.time.OffsetDateTime.parse(bucket).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            if (YearMonth.from(day).equals(month)) {
                dailyShare.computeIfAbsent(currency, key -> new TreeMap<>())
                        .merge(day.getDayOfMonth(), share, BigDecimal::add);
            }
        }
        List<Revenue> revenue = byCurrency.entrySet().stream()
                .map(e -> new Revenue(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<Usage> usage = byUnit.entrySet().stream().map(e -> new Usage(e.getKey(), e.getValue())).toList();
        // the chart shows the currency with the most revenue
        String barCurrency = revenue.stream().max(java.util.Comparator.comparing(Revenue::partnerShare))
                .map(Revenue::currency).orElse(null);
        return new UsageSummary(revenue, usage, records,
                bars(barCurrency == null ? Map.of() : dailyShare.getOrDefault(barCurrency, Map.of()), month), barCurrency);
    }

    private static List<Bar> bars(Map<Integer, BigDecimal> daily, YearMonth month) {
        BigDecimal max = daily.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            BigDecimal amount = daily.getOrDefault(day, BigDecimal.ZERO);
            int percent = max.signum() <= 0 || amount.signum() <= 0 ? 0
                    : Math.max(1, amount.multiply(BigDecimal.valueOf(100))
                    .divide(max, 0, java.math.RoundingMode.HALF_UP).intValue());
            bars.add(new Bar(day, amount, percent));
        }
        return bars;
    }

    private static BigDecimal decimal(JsonNode row, String field) {
        String value = row.path(field).asString("");
        return value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
