package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageReported;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.call;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sendAll;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real PostgreSQL server stopped and started again (the test JVM's embedded one, same port and data) while usage
 * is being rated: the pipeline fails its batches while the server is down, resumes from the offsets kept in the
 * database once it is back, and the count and sums of rated + suspended records equal the input exactly, with no
 * record rated twice.
 */
@AccordServiceTest
class UsagePipelinePostgresRestartTests {

    private static final int RECORDS = 20_000;
    private static final int SUBSCRIBERS = 6;

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    UsagePipelinePostgresRestartTests(RatingModel model, JdbcClient jdbc, MeterRegistry meters) {
        this.model = model;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Test
    void aPostgresRestartMidStreamLosesNothingAndCountsNothingTwice() {
        String id = unique();
        String source = "pgrestart-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        List<String> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            subscribers.add("+4917" + i + id);
            activate("prod-" + i + "-" + id, subscribers.get(i), "off-" + id, null);
        }
        awaitRatable(model, subscribers.toArray(String[]::new));
        List<UsageReported> usage = new ArrayList<>();
        long rated = 0;
        long suspended = 0;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal suspendedSeconds = BigDecimal.ZERO;
        for (int n = 0; n < RECORDS; n++) {
            boolean repeat = n % 25 == 24;
            int number = repeat ? n - 3 : n;
            int seconds = 1 + number % 120;
            // every 10th usage id is of a subscriber with no product: it goes to suspense
            boolean unknown = number % 10 == 7;
            String subscriber = unknown ? "+4900" + id : subscribers.get(number % SUBSCRIBERS);
            usage.add(call(source, "p" + number, subscriber, seconds));
            if (!repeat) {
                if (unknown) {
                    suspended++;
                    suspendedSeconds = suspendedSeconds.add(BigDecimal.valueOf(seconds));
                } else {
                    rated++;
                    billed = billed.add(BigDecimal.valueOf(Math.max(60, seconds)));
                }
            }
        }
        double failuresBefore = failedBatches();

        sendAll(usage);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> received(source) > 0);
        long receivedAtStop = received(source);
        boolean restarted = TestInfrastructure.restartEmbeddedPostgres(() ->
                // down until the pipeline has tried a batch and failed: the outage was felt mid-stream
                await().atMost(Duration.ofSeconds(60)).until(() -> failedBatches() > failuresBefore));
        Assumptions.assumeTrue(restarted, "an external test PostgreSQL is not this JVM's to restart");
        assertThat(receivedAtStop).as("stopped before every record was rated").isLessThan(RECORDS);

        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> received(source) == RECORDS);
        long unique = rated + suspended;
        assertThat(jdbc.sql("""
                        select sum(received), sum(rated), sum(suspended), sum(duplicates) from usage_source_day
                        where source = :source""").param("source", source)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single()).containsExactly(RECORDS, rated, suspended, RECORDS - unique);
        var ratedRows = jdbc.sql("""
                        select count(*) as records, count(distinct usage_id) as ids, sum(billed_quantity) as billed,
                               sum(charge) as charge from usage_rated where source = :source""")
                .param("source", source).query().singleRow();
        assertThat(((Number) ratedRows.get("records")).longValue()).isEqualTo(rated);
        assertThat(((Number) ratedRows.get("ids")).longValue()).isEqualTo(rated);
        assertThat((BigDecimal) ratedRows.get("billed")).isEqualByComparingTo(billed);
        assertThat((BigDecimal) ratedRows.get("charge")).isEqualByComparingTo(billed.multiply(new BigDecimal("0.01")));
        var suspenseRows = jdbc.sql("""
                        select count(*) as records, count(distinct usage_id) as ids,
                               sum(cast(convert_from(payload, 'UTF8')::jsonb ->> 'quantity' as numeric)) as seconds
                        from usage_suspense where source = :source""")
                .param("source", source).query().singleRow();
        assertThat(((Number) suspenseRows.get("records")).longValue()).isEqualTo(suspended);
        assertThat(((Number) suspenseRows.get("ids")).longValue()).isEqualTo(suspended);
        assertThat((BigDecimal) suspenseRows.get("seconds")).isEqualByComparingTo(suspendedSeconds);
        assertThat(jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single()).isEqualByComparingTo(billed);
        assertThat(jdbc.sql("select sum(record_count) from usage_rollup_daily where offering_id = :offering")
                .param("offering", "off-" + id).query(Long.class).single()).isEqualTo(rated);
    }

    private double failedBatches() {
        return meters.get("accord.rating.ingest.retries").tag("cause", "failure").counter().count();
    }

    private long received(String source) {
        return jdbc.sql("select coalesce(sum(received), 0) from usage_source_day where source = :source")
                .param("source", source).query(Long.class).single();
    }
}
