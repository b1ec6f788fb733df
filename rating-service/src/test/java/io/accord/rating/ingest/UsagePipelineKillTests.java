package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageReported;
import io.accord.rating.RatingApplication;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.AccordTestInitializer;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A real rating process (a second JVM on the same PostgreSQL and Kafka) killed with SIGKILL while it rates: the
 * replica that takes over resumes from the database offsets, and the counts and sums equal the input exactly.
 */
@AccordServiceTest
class UsagePipelineKillTests {

    private static final int RECORDS = 12_000;
    private static final int SUBSCRIBERS = 12;

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final UsagePipelines pipelines;

    UsagePipelineKillTests(RatingModel model, JdbcClient jdbc, UsagePipelines pipelines) {
        this.model = model;
        this.jdbc = jdbc;
        this.pipelines = pipelines;
    }

    @Test
    void aRatingProcessKilledMidBatchLosesNothingAndCountsNothingTwice() throws Exception {
        String id = unique();
        String source = "kill-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        List<String> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            subscribers.add("+4918" + i + id);
            activate("prod-" + i + "-" + id, subscribers.get(i), "off-" + id, null);
        }
        awaitRatable(model, subscribers.toArray(String[]::new));
        List<UsageReported> usage = new ArrayList<>();
        BigDecimal billed = BigDecimal.ZERO;
        long unique = 0;
        for (int n = 0; n < RECORDS; n++) {
            boolean repeat = n % 20 == 19;
            int number = repeat ? n - 7 : n;
            int seconds = 1 + number % 200;
            usage.add(call(source, "k" + number, subscribers.get(number % SUBSCRIBERS), seconds));
            if (!repeat) {
                unique++;
                billed = billed.add(BigDecimal.valueOf(Math.max(60, seconds)));
            }
        }

        pipelines.stop(); // the other process gets every partition
        Process other = null;
        long receivedAtKill;
        try {
            sendAll(usage);
            other = startRatingProcess(id);
            Process started = other;
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !started.isAlive() || received(source) > 0);
            assertThat(other.isAlive()).as("the other rating process runs").isTrue();
            other.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop, whatever it was doing
            other.waitFor();
            receivedAtKill = received(source);
        } finally {
            if (other != null) {
                other.destroyForcibly();
            }
            pipelines.start();
        }
        assertThat(receivedAtKill).as("killed before it finished").isLessThan(RECORDS);

        await().atMost(Duration.ofSeconds(180)).until(() -> received(source) == RECORDS);
        assertThat(jdbc.sql("""
                        select sum(rated), sum(suspended), sum(duplicates) from usage_source_day
                        where source = :source""").param("source", source)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single())
                .containsExactly(unique, 0, RECORDS - unique);
        var rated = jdbc.sql("""
                        select count(*) as records, count(distinct usage_id) as ids, sum(billed_quantity) as billed,
                               sum(charge) as charge from usage_rated where source = :source""")
                .param("source", source).query().singleRow();
        assertThat(((Number) rated.get("records")).longValue()).isEqualTo(unique);
        assertThat(((Number) rated.get("ids")).longValue()).isEqualTo(unique);
        assertThat((BigDecimal) rated.get("billed")).isEqualByComparingTo(billed);
        assertThat((BigDecimal) rated.get("charge")).isEqualByComparingTo(billed.multiply(new BigDecimal("0.01")));
        assertThat(jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single()).isEqualByComparingTo(billed);
        assertThat(jdbc.sql("select sum(record_count) from usage_rollup_daily where offering_id = :offering")
                .param("offering", "off-" + id).query(Long.class).single()).isEqualTo(unique);
    }

    /** The rating service's main class in its own JVM, on this test's classpath, database and broker. */
    private static Process startRatingProcess(String id) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RatingApplication.class.getName()));
        for (String property : AccordTestInitializer.databaseProperties("test_rating")) {
            command.add("--" + property);
        }
        command.addAll(List.of(
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                "--accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile(),
                "--server.port=0",
                "--accord.rating.ingest.batch-size=500"));
        Path log = Files.createTempFile("rating-killed-" + id, ".log");
        log.toFile().deleteOnExit();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(".")).start();
    }

    private long received(String source) {
        return jdbc.sql("select coalesce(sum(received), 0) from usage_source_day where source = :source")
                .param("source", source).query(Long.class).single();
    }
}
