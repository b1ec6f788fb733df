package io.accord.dispute.dispute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dispute KPIs over the disputes a caller may see: open ones by age, category and partner; mean and p95 time to
 * resolution; disputed, credited, debited and net adjusted amount per currency; SLA breach rate. Plain Java.
 */
final class DisputeKpis {

    static final List<String> AGE_BUCKETS = List.of("0-7d", "8-30d", "31-90d", "90d+");

    private DisputeKpis() {
    }

    /**
     * Per currency, as exact decimal strings: disputed; of the accepted adjustments, {@code credited} (to the partner,
     * {@code CREDIT_PARTNER}) and {@code debited} (charged to it, {@code DEBIT_PARTNER}), each a sum of magnitudes; and
     * {@code net}, credited less debited (signed: positive in the partner's favour). {@code adjusted} is {@code net},
     * kept under its old name for the clients that read it (it used to add credits and debits alike: 40 credited and
     * 3.33 debited read 43.33).
     */
    record Amounts(String disputed, String credited, String debited, String net, String adjusted) {
    }

    record Kpis(int total, int open, Map<String, Integer> openByAge, Map<String, Integer> openByCategory,
                Map<String, Integer> openByPartner, int resolved, String meanTimeToResolution,
                String p95TimeToResolution, Map<String, Amounts> amounts, String slaBreachRate) {
    }

    static Kpis of(List<Dispute> disputes, Instant now) {
        Map<String, Integer> byAge = new TreeMap<>();
        AGE_BUCKETS.forEach(bucket -> byAge.put(bucket, 0));
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byPartner = new TreeMap<>();
        Map<String, BigDecimal[]> amounts = new TreeMap<>();
        List<Duration> resolutions = new ArrayList<>();
        int open = 0;
        int breached = 0;
        for (Dispute dispute : disputes) {
            BigDecimal[] sums = amounts.computeIfAbsent(dispute.currency,
                    currency -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(dispute.disputedAmount);
            if (dispute.adjustmentId != null && dispute.proposal != null) {
                int side = Dispute.DEBIT_PARTNER.equals(dispute.proposal.direction()) ? 2 : 1;
                sums[side] = sums[side].add(dispute.proposal.amount());
            }
            if (dispute.firstResponseBreached || dispute.resolutionBreached) {
                breached++;
            }
            if (dispute.resolvedAt != null) {
                resolutions.add(Duration.between(dispute.openedAt, dispute.resolvedAt));
            }
            if (dispute.state.isOpen()) {
                open++;
                byAge.merge(bucket(Duration.between(dispute.openedAt, now)), 1, Integer::sum);
                byCategory.merge(dispute.category.name(), 1, Integer::sum);
                byPartner.merge(dispute.partnerId.toString(), 1, Integer::sum);
            }
        }
        resolutions.sort(null);
        Map<String, Amounts> money = new TreeMap<>();
        amounts.forEach((currency, sums) -> {
            String net = DisputeViews.plain(sums[1].subtract(sums[2]), currency);
            money.put(currency, new Amounts(DisputeViews.plain(sums[0], currency),
                    DisputeViews.plain(sums[1], currency), DisputeViews.plain(sums[2], currency), net, net));
        });
        return new Kpis(disputes.size(), open, byAge, byCategory, byPartner, resolutions.size(),
                resolutions.isEmpty() ? null : mean(resolutions).toString(),
                resolutions.isEmpty() ? null : percentile(resolutions, 95).toString(), money,
                disputes.isEmpty() ? "0" : BigDecimal.valueOf(breached)
                        .divide(BigDecimal.valueOf(disputes.size()), 4, RoundingMode.HALF_EVEN).toPlainString());
    }

    static String bucket(Duration age) {
        long days = age.toDays();
        return days <= 7 ? "0-7d" : days <= 30 ? "8-30d" : days <= 90 ? "31-90d" : "90d+";
    }

    /**
     * To the microsecond, as the resolutions' own times and the p95 are (whole seconds, each resolution's fraction
     * dropped before the sum, understated it: 23.125 s read PT22S).
     */
    static Duration mean(List<Duration> durations) {
        java.math.BigInteger nanos = java.math.BigInteger.ZERO;
        for (Duration duration : durations) {
            nanos = nanos.add(java.math.BigInteger.valueOf(duration.getSeconds()).multiply(
                    java.math.BigInteger.valueOf(1_000_000_000L)).add(java.math.BigInteger.valueOf(duration.getNano())));
        }
        long micros = new java.math.BigDecimal(nanos).divide(java.math.BigDecimal.valueOf(durations.size() * 1_000L),
                0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Nearest-rank percentile of sorted durations. */
    static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
