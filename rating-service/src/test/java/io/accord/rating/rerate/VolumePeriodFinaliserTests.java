package io.accord.rating.rerate;

import io.accord.platform.scheduling.JobItems;
import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;
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
                Map.of("month", LocalDate.of(2026, 12, 1), "year", LocalDate.of(2026, 1, 1), "limit", 1000));

        assertThat(plan).contains("volume_period_pending_start").doesNotContain("Seq Scan");
    }

    @Test
    void aPeriodsRecordsAreFoundByTheirAccumulatorThroughTheirIndex() throws SQLException {
        Map<String, Object> period = Map.of("subscriber", "ACC-1", "offering", "off", "type", "VOICE",
                "period", "CALENDAR_MONTH", "start", LocalDate.of(2026, 11, 1));
        for (String read : List.of(VolumePeriodFinaliser.PERIOD_RATINGS, VolumePeriodFinaliser.PERIOD_LAST_SEQ)) {
            String plan = QueryPlans.withIndexesPreferred(dataSource, read, period);

            assertThat(plan).as(read).contains("usage_rated_volume_accumulator on usage_rated r")
                    .contains("COALESCE(accumulator_subscriber_id, subscriber_id) = 'ACC-1'::text")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void periodsThatFailedComeAfterThoseThatNeverDidAndOnlyWhenDue() {
        String subscriber = "order-" + UUID.randomUUID();
        // periods of 2099, which the scheduled runs leave alone until then; asked for as if it were 2100
        pending(subscriber, "2099-01-01");
        failed(subscriber, "2099-01-01", 3, Instant.now().minusSeconds(1));
        pending(subscriber, "2099-02-01");
        pending(subscriber, "2099-03-01");
        failed(subscriber, "2099-03-01", 1, Instant.now().minusSeconds(60));
        pending(subscriber, "2099-04-01");
        failed(subscriber, "2099-04-01", 1, Instant.now().plusSeconds(600));
        pending(subscriber, "2099-05-01");
        try {
            List<String> taken = jdbc.sql(VolumePeriodFinaliser.ENDED).param("month", LocalDate.of(2100, 1, 1))
                    .param("year", LocalDate.of(2100, 1, 1)).param("limit", 1000)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getObject(5, LocalDate.class)).list()
                    .stream().filter(row -> row.startsWith(subscriber)).map(row -> row.substring(row.indexOf(' ') + 1))
                    .toList();

            // never failed, oldest first; then the fewest failures; the one put off past now is not due
            assertThat(taken).containsExactly("2099-02-01", "2099-05-01", "2099-03-01", "2099-01-01");
        } finally {
            forget(subscriber);
        }
    }

    @Test
    void aPeriodThatCannotBeMadeFinalIsCountedWithItsReasonAndPutOff() {
        // a pending period of last month without the accumulator row that every rating of it writes
        String subscriber = "ghost-" + UUID.randomUUID();
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        pending(subscriber, lastMonth.toString());
        try {
            String item = VolumePeriodFinaliser.itemId(new AccumulatorKey(subscriber, "off", "VOICE",
                    TierPeriod.CALENDAR_MONTH, lastMonth));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from job_item_failure"
                    + " where job = :job and item_id = :item").param("job", VolumePeriodFinaliser.JOB)
                    .param("item", item).query(Long.class).single() == 1);
            Map<String, Object> failure = jdbc.sql("select attempts, next_attempt_at, last_failed_at, last_error"
                            + " from job_item_failure where job = :job and item_id = :item")
                    .param("job", VolumePeriodFinaliser.JOB).param("item", item).query().singleRow();
            assertThat((String) failure.get("last_error")).contains("no tier accumulator");
            // put off: the runs every second of the tests leave it alone until its next attempt
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                    "select attempts from job_item_failure where job = :job and item_id = :item")
                    .param("job", VolumePeriodFinaliser.JOB).param("item", item).query(Integer.class).single() == 1);
            assertThat(((Timestamp) failure.get("next_attempt_at")))
                    .isAfter((Timestamp) failure.get("last_failed_at"));
            assertThat(registry.get(JobItems.FAILING).tag("job", VolumePeriodFinaliser.JOB).gauge().value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("select count(*) from volume_period_pending where subscriber_id = :subscriber")
                    .param("subscriber", subscriber).query(Long.class).single()).isEqualTo(1);
        } finally {
            forget(subscriber);
        }
    }

    private void pending(String subscriber, String periodStart) {
        jdbc.sql("""
                        insert into volume_period_pending (subscriber_id, offering_id, usage_type, tier_period,
                                                           period_start)
                        values (:subscriber, 'off', 'VOICE', 'CALENDAR_MONTH', :start)""")
                .param("subscriber", subscriber).param("start", LocalDate.parse(periodStart)).update();
    }

    private void failed(String subscriber, String periodStart, int attempts, Instant nextAttempt) {
        String item = VolumePeriodFinaliser.itemId(new AccumulatorKey(subscriber, "off", "VOICE",
                TierPeriod.CALENDAR_MONTH, LocalDate.parse(periodStart)));
        jdbc.sql("""
                        insert into job_item_failure (job, item_id, attempts, first_failed_at, last_failed_at,
                                                      next_attempt_at, last_error)
                        values (:job, :item, :attempts, now(), now(), :next, 'test')""")
                .param("job", VolumePeriodFinaliser.JOB).param("item", item).param("attempts", attempts)
                .param("next", Timestamp.from(nextAttempt)).update();
    }

    private void forget(String subscriber) {
        jdbc.sql("delete from volume_period_pending where subscriber_id = :subscriber")
                .param("subscriber", subscriber).update();
        jdbc.sql("delete from job_item_failure where job = :job and item_id like :prefix")
                .param("job", VolumePeriodFinaliser.JOB).param("prefix", subscriber + "|%").update();
    }
}
