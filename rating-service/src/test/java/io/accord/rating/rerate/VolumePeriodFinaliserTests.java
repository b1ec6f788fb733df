package io.accord.rating.rerate;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.QueryPlans;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the volume-tier finaliser reads each run: only the ratings after its cursor, through the index kept for that,
 * never the ledger's history; and what becomes of a period that cannot be made final. The finalisation itself, late
 * usage included, is tested in {@code RerateTests}.
 */
@AccordServiceTest
class VolumePeriodFinaliserTests {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MeterRegistry registry;

    VolumePeriodFinaliserTests(DataSource dataSource, JdbcClient jdbc, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Test
    void theScanReadsOnlyProvisionalVolumeRatingsAfterTheCursorThroughTheirIndex() throws SQLException {
        String plan = QueryPlans.withIndexesPreferred(dataSource, VolumePeriodFinaliser.SCAN,
                Map.of("after", 42L, "limit", 10_000));

        assertThat(plan).contains("Index Scan using usage_rated_volume_provisional on usage_rated r")
                .contains("Index Cond: (seq > '42'::bigint)")
                .doesNotContain("Seq Scan");
    }

    @Test
    void endedPendingPeriodsAreFoundThroughTheirIndex() throws SQLException {
        String plan = QueryPlans.withIndexesPreferred(dataSource, VolumePeriodFinaliser.ENDED,
                Map.of("month", LocalDate.of(2026, 12, 1), "year", LocalDate.of(2026, 1, 1),
                        "now", Timestamp.from(Instant.parse("2026-12-05T10:00:00Z")), "limit", 1000));

        assertThat(plan).contains("volume_period_pending_due").doesNotContain("Seq Scan");
    }

    @Test
    void periodsThatFailedComeAfterThoseThatNeverDidAndOnlyWhenDue() {
        String subscriber = "order-" + UUID.randomUUID();
        Instant now = Instant.parse("2099-06-15T00:00:00Z");
        // periods of 2099, which the scheduled runs leave alone until then; asked for as if it were 2100
        pending(subscriber, "2099-01-01", 3, now.minusSeconds(1));
        pending(subscriber, "2099-02-01", 0, null);
        pending(subscriber, "2099-03-01", 1, now.minusSeconds(60));
        pending(subscriber, "2099-04-01", 1, now.plusSeconds(1));
        pending(subscriber, "2099-05-01", 0, null);
        try {
            List<String> taken = jdbc.sql(VolumePeriodFinaliser.ENDED).param("month", LocalDate.of(2100, 1, 1))
                    .param("year", LocalDate.of(2100, 1, 1)).param("now", Timestamp.from(now)).param("limit", 1000)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getObject(5, LocalDate.class)).list()
                    .stream().filter(row -> row.startsWith(subscriber)).map(row -> row.substring(row.indexOf(' ') + 1))
                    .toList();

            // never failed, oldest first; then the fewest failures; the one put off past now is not due
            assertThat(taken).containsExactly("2099-02-01", "2099-05-01", "2099-03-01", "2099-01-01");
        } finally {
            jdbc.sql("delete from volume_period_pending where subscriber_id = :subscriber")
                    .param("subscriber", subscriber).update();
        }
    }

    @Test
    void aPeriodThatCannotBeMadeFinalIsCountedWithItsReasonAndPutOff() {
        // a pending period of last month without the accumulator row that every rating of it writes
        String subscriber = "ghost-" + UUID.randomUUID();
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        pending(subscriber, lastMonth.toString(), 0, null);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(subscriber) >= 2);
            Map<String, Object> row = jdbc.sql("select attempts, next_attempt_at, last_error"
                            + " from volume_period_pending where subscriber_id = :subscriber")
                    .param("subscriber", subscriber).query().singleRow();
            assertThat((String) row.get("last_error")).contains("no tier accumulator");
            assertThat((Timestamp) row.get("next_attempt_at")).isNotNull();
            assertThat(registry.get(VolumePeriodFinaliser.FAILING).gauge().value()).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("delete from volume_period_pending where subscriber_id = :subscriber")
                    .param("subscriber", subscriber).update();
        }
    }

    private int attempts(String subscriber) {
        return jdbc.sql("select attempts from volume_period_pending where subscriber_id = :subscriber")
                .param("subscriber", subscriber).query(Integer.class).single();
    }

    private void pending(String subscriber, String periodStart, int attempts, Instant nextAttempt) {
        jdbc.sql("""
                        insert into volume_period_pending (subscriber_id, offering_id, usage_type, tier_period,
                                                           period_start, attempts, next_attempt_at)
                        values (:subscriber, 'off', 'VOICE', 'CALENDAR_MONTH', :start, :attempts, :next)""")
                .param("subscriber", subscriber).param("start", LocalDate.parse(periodStart))
                .param("attempts", attempts).param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .update();
    }
}
