package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.contracts.usage.UsageReported;
import io.accord.infra.KafkaBroker;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.accord.rating.ingest.UsageFixtures.JSON;
import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.call;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sendAll;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker restarting and the database dropping its connections while usage is rated: every record ends rated
 * once (or a duplicate), and every rated record is published.
 */
@AccordServiceTest
class UsagePipelineOutageTests {

    private static final int RECORDS = 3_000;

    private final RatingModel model;
    private final JdbcClient jdbc;

    UsagePipelineOutageTests(RatingModel model, JdbcClient jdbc) {
        this.model = model;
        this.jdbc = jdbc;
    }

    @Test
    void aBrokerRestartMidStreamLosesNothingAndEveryRatedRecordIsPublished() {
        String id = unique();
        String source = "broker-" + id;
        Scenario scenario = scenario(id, source);
        KafkaBroker broker = TestInfrastructure.embeddedKafka();

        sendAll(scenario.usage);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> received(source) > 0);
        broker.restart();

        await().atMost(Duration.ofSeconds(180)).until(() -> received(source) == RECORDS);
        scenario.assertConserved();
        // at least once: a batch unacknowledged when the broker went away is sent again, so count distinct ids
        Set<String> ratedIds = new HashSet<>();
        TestKafka.awaitRecords(Topics.USAGE_RATED,
                record -> TestKafka.value(record).contains("\"source\":\"" + source + "\"")
                        && ratedIds.add(JSON.readTree(TestKafka.value(record)).path("ratedId").asString()),
                (int) scenario.unique, Duration.ofSeconds(120));
        assertThat(ratedIds).hasSize((int) scenario.unique);
    }

    @Test
    void connectionsKilledMidBatchLoseNothingAndCountNothingTwice() {
        String id = unique();
        String source = "pgkill-" + id;
        Scenario scenario = scenario(id, source);

        sendAll(scenario.usage);
        for (int round = 0; round < 5; round++) {
            // a pooled connection killed by the round before may be handed out once more before the pool notices
            long before = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> received(source), count -> true);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).ignoreExceptions()
                    .until(() -> received(source) > before || received(source) == RECORDS);
            // the connections at work (the pipeline's batch in flight among them); this test's idle ones survive
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> jdbc.sql("""
                    select count(pg_terminate_backend(pid)) from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid()
                      and state in ('active', 'idle in transaction')""").query(Long.class).single() >= 0);
        }

        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> received(source) == RECORDS);
        scenario.assertConserved();
    }

    private Scenario scenario(String id, String source) {
        launchVoiceOffering("off-" + id, null, "0.01");
        List<String> subscribers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            subscribers.add("+4919" + i + id);
            activate("prod-" + i + "-" + id, subscribers.get(i), "off-" + id, null);
        }
        awaitRatable(model, subscribers.toArray(String[]::new));
        Scenario scenario = new Scenario(id, source);
        for (int n = 0; n < RECORDS; n++) {
            boolean repeat = n % 25 == 24;
            int number = repeat ? n - 3 : n;
            int seconds = 1 + number % 120;
            scenario.usage.add(call(source, "o" + number, subscribers.get(number % subscribers.size()), seconds));
            if (!repeat) {
                scenario.unique++;
                scenario.billed = scenario.billed.add(BigDecimal.valueOf(Math.max(60, seconds)));
            }
        }
        return scenario;
    }

    private long received(String source) {
        return jdbc.sql("select coalesce(sum(received), 0) from usage_source_day where source = :source")
                .param("source", source).query(Long.class).single();
    }

    private final class Scenario {
        final String id;
        final String source;
        final List<UsageReported> usage = new ArrayList<>();
        long unique;
        BigDecimal billed = BigDecimal.ZERO;

        Scenario(String id, String source) {
            this.id = id;
            this.source = source;
        }

        void assertConserved() {
            // a connection killed while idle in the pool fails once when next used
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> jdbc.sql("select 1").query(Integer.class).single() == 1);
            assertThat(jdbc.sql("""
                            select sum(received), sum(rated), sum(suspended), sum(duplicates) from usage_source_day
                            where source = :source""").param("source", source)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .single()).containsExactly(RECORDS, unique, 0, RECORDS - unique);
            var rated = jdbc.sql("""
                            select count(*) as records, count(distinct usage_id) as ids, sum(charge) as charge
                            from usage_rated where source = :source""")
                    .param("source", source).query().singleRow();
            assertThat(((Number) rated.get("records")).longValue()).isEqualTo(unique);
            assertThat(((Number) rated.get("ids")).longValue()).isEqualTo(unique);
            assertThat((BigDecimal) rated.get("charge")).isEqualByComparingTo(billed.multiply(new BigDecimal("0.01")));
            assertThat(jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                    .param("offering", "off-" + id).query(BigDecimal.class).single()).isEqualByComparingTo(billed);
        }
    }
}
