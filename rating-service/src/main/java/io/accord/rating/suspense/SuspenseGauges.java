package io.accord.rating.suspense;

import io.accord.platform.metrics.CachedReading;
import io.accord.platform.metrics.GaugeReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The open suspense backlog as gauges, by reason (every reason, 0 when none): {@value #OPEN} records and the age
 * of the oldest in seconds ({@value #OLDEST_AGE}, 0 when none), which is what an alert wants. One grouped query
 * over the partial index {@code usage_suspense_open} per reading interval
 * ({@code accord.platform.metrics.reading-interval}), whatever the scrape rate; the ingestion does nothing for it.
 * The age is measured at each scrape from the oldest record's time, so it grows between readings. Every replica
 * reports the same numbers (they are the database's): alert on {@code max}, not {@code sum}.
 */
class SuspenseGauges {

    static final String OPEN = "accord.rating.suspense.open";
    static final String OLDEST_AGE = "accord.rating.suspense.oldest.age";

    private final JdbcClient jdbc;
    private final Clock clock;

    /** The open records of one reason: how many, and since when the oldest is suspended. */
    record Open(long count, Instant oldest) {
    }

    SuspenseGauges(JdbcClient jdbc, Clock clock, GaugeReadings readings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        CachedReading<Map<String, Open>> open = readings.of("the open suspense", this::open);
        for (String reason : SuspenseOps.REASONS) {
            Gauge.builder(OPEN, open, reading -> reading.gauge(byReason -> count(byReason, reason)))
                    .description("Usage records in suspense, open (neither recycled nor written off)")
                    .tag("reason", reason)
                    .strongReference(true) // the reading is referenced by the gauges alone
                    .register(meters);
            Gauge.builder(OLDEST_AGE, open, reading -> reading.gauge(byReason -> ageSeconds(byReason, reason)))
                    .description("How long the oldest open suspense record has been suspended, 0 when none is open")
                    .baseUnit("seconds")
                    .tag("reason", reason)
                    .strongReference(true) // the reading is referenced by the gauges alone
                    .register(meters);
        }
    }

    Map<String, Open> open() {
        Map<String, Open> byReason = new HashMap<>();
        jdbc.sql("""
                        select reason, count(*) as open, min(suspended_at) as oldest
                        from usage_suspense where status = 'OPEN' group by reason""")
                .query(rs -> {
                    byReason.put(rs.getString("reason"),
                            new Open(rs.getLong("open"), rs.getTimestamp("oldest").toInstant()));
                });
        return byReason;
    }

    private static double count(Map<String, Open> byReason, String reason) {
        Open open = byReason.get(reason);
        return open == null ? 0 : open.count();
    }

    private double ageSeconds(Map<String, Open> byReason, String reason) {
        Open open = byReason.get(reason);
        if (open == null) {
            return 0;
        }
        return Math.max(0, Duration.between(open.oldest(), clock.instant()).toMillis() / 1000.0);
    }
}
