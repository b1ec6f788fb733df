package io.accord.rating.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open suspense by reason and age (since suspended), the ages of the suspense summary: {@code <1h}, {@code 1h-1d},
 * {@code 1d-7d}, {@code >7d}. Read from the partial index {@code usage_suspense_open (reason, suspended_at)}.
 */
final class SuspenseAges {

    static final List<String> AGES = List.of("<1h", "1h-1d", "1d-7d", ">7d");
    static final List<String> REASONS = List.of("NO_PRODUCT_INSTANCE", "NO_PRICE", "NO_AGREEMENT",
            "AMBIGUOUS_PRODUCT", "INVALID", "TOO_OLD");

    private final JdbcClient jdbc;

    SuspenseAges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every reason and every age, 0 when none. */
    record OpenSuspense(long open, Map<String, Long> byAge, Map<String, Map<String, Long>> byReasonAndAge) {
    }

    OpenSuspense open(Instant now) {
        Map<String, Long> byAge = RatingKpis.zeroes(AGES);
        Map<String, Map<String, Long>> byReason = new LinkedHashMap<>();
        REASONS.forEach(reason -> byReason.put(reason, RatingKpis.zeroes(AGES)));
        long[] open = {0};
        jdbc.sql("""
                        select reason, case when suspended_at > cast(:now as timestamptz) - interval '1 hour' then '<1h'
                                            when suspended_at > cast(:now as timestamptz) - interval '1 day' then '1h-1d'
                                            when suspended_at > cast(:now as timestamptz) - interval '7 days' then '1d-7d'
                                            else '>7d' end as age, count(*) as n
                        from usage_suspense where status = 'OPEN' group by 1, 2""")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> {
                    long n = rs.getLong("n");
                    String age = rs.getString("age");
                    open[0] += n;
                    byAge.merge(age, n, Long::sum);
                    return byReason.computeIfAbsent(rs.getString("reason"), reason -> RatingKpis.zeroes(AGES))
                            .merge(age, n, Long::sum);
                }).list();
        return new OpenSuspense(open[0], byAge, byReason);
    }
}
