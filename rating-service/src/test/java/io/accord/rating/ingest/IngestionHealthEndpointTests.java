package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.platform.kafka.DatabaseOffsets;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.call;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sendUsage;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code ingestion} health component against the real broker and database (docs/rating-pipeline.md, "Health"):
 * records held on the raw topic show as lag and a rated record held from publishing as backlog, each over its
 * threshold (the tests' config/application.yml) DEGRADED with HTTP 200 while liveness and readiness stay UP; a broker
 * that does not answer is a detail within the timeout.
 */
@AccordServiceTest
class IngestionHealthEndpointTests {

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final UsagePipelines pipelines;
    private final DatabaseOffsets offsets;
    private final IngestProperties properties;
    private final Environment environment;

    @LocalServerPort
    int port;

    IngestionHealthEndpointTests(RatingModel model, JdbcClient jdbc, DataSource dataSource, UsagePipelines pipelines,
                                 DatabaseOffsets offsets, IngestProperties properties, Environment environment) {
        this.model = model;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.pipelines = pipelines;
        this.offsets = offsets;
        this.properties = properties;
        this.environment = environment;
    }

    private TestHttp ops() {
        return TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
    }

    private JsonNode ingestion() {
        TestHttp.Response answer = ops().get("/actuator/health/ingestion");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void recordsHeldOnTheTopicShowAsLagDegradedWithoutFailingTheProbesAndNoneOnceProcessed() {
        String id = unique();
        String subscriber = "+49157" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        long maxLag = environment.getRequiredProperty("accord.rating.health.max-lag", Long.class);
        int held = (int) maxLag + 3;
        Instant heldFrom = Instant.now();

        pipelines.stop();
        try {
            for (int i = 0; i < held; i++) {
                sendUsage(call("src-" + id, "r" + i, subscriber, 60));
            }
            JsonNode lagging = await().atMost(Duration.ofSeconds(30)).until(this::ingestion,
                    health -> health.path("details").path("lag").path("total").asLong() >= held);

            JsonNode lag = lagging.path("details").path("lag");
            assertThat(lag.path("topic").asString()).isEqualTo(Topics.USAGE_RAW);
            long perPartition = 0;
            for (JsonNode partition : lag.path("partitions")) {
                assertThat(partition.path("lag").asLong()).isEqualTo(partition.path("endOffset").asLong()
                        - partition.path("processedUpTo").asLong());
                perPartition += partition.path("lag").asLong();
            }
            assertThat(perPartition).isEqualTo(lag.path("total").asLong());
            assertThat(lagging.path("status").asString()).isEqualTo("DEGRADED");
            assertThat(lagging.path("details").path("reasons").get(0).asString()).contains("max-lag " + maxLag);

            TestHttp.Response overall = ops().get("/actuator/health");
            assertThat(overall.status()).isEqualTo(200);
            assertThat(overall.json().path("status").asString()).isEqualTo("DEGRADED");
            assertThat(overall.json().path("components").path("ingestion").path("status").asString())
                    .isEqualTo("DEGRADED");
            TestHttp anonymous = TestHttp.localPort(port);
            TestHttp.Response statusOnly = anonymous.get("/actuator/health");
            assertThat(statusOnly.status()).isEqualTo(200);
            assertThat(statusOnly.json().has("components")).isFalse();
            assertThat(anonymous.get("/actuator/health/ingestion").status()).as("no components for anonymous callers")
                    .isEqualTo(404);
            for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                TestHttp.Response answer = anonymous.get(probe);
                assertThat(answer.status()).as(probe).isEqualTo(200);
                assertThat(answer.json().path("status").asString()).as(probe).isEqualTo("UP");
            }
        } finally {
            pipelines.start();
        }

        JsonNode caughtUp = await().atMost(Duration.ofSeconds(60)).until(this::ingestion,
                health -> health.path("details").path("lag").path("total").asLong(-1) == 0
                        && "UP".equals(health.path("status").asString()));
        assertThat(Instant.parse(caughtUp.path("details").path("lastBatchCommittedAt").asString()))
                .isAfter(heldFrom);
        assertThat(caughtUp.path("details").has("reasons")).isFalse();
    }

    @Test
    void aRatedRecordHeldFromPublishingShowsAsBacklogWithTheAgeOfTheOldestAndDegradesPastMaxPublishAge()
            throws Exception {
        String id = unique();
        String subscriber = "+49158" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        jdbc.sql("insert into usage_publish_cursor (topic, last_seq) values (:topic, 0) on conflict do nothing")
                .param("topic", Topics.USAGE_RATED).update();

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            // the publisher takes the cursor row "for update skip locked": while this transaction holds it, it skips
            try (PreparedStatement lock = holder.prepareStatement(
                    "select last_seq from usage_publish_cursor where topic = ? for update")) {
                lock.setString(1, Topics.USAGE_RATED);
                try (ResultSet cursor = lock.executeQuery()) {
                    assertThat(cursor.next()).isTrue();
                }
            }
            sendUsage(call("src-" + id, "held", subscriber, 60));
            Instant ratedAt = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                            "select rated_at from usage_rated where source = :source")
                    .param("source", "src-" + id).query(java.sql.Timestamp.class).optional()
                    .map(java.sql.Timestamp::toInstant).orElse(null), java.util.Objects::nonNull);

            JsonNode held = await().atMost(Duration.ofSeconds(30)).until(this::ingestion,
                    health -> health.path("details").path("publishBacklog").path("records").asLong() >= 1);
            Instant oldest = Instant.parse(held.path("details").path("publishBacklog").path("oldestRatedAt")
                    .asString());
            assertThat(oldest).isBeforeOrEqualTo(ratedAt);

            Duration maxAge = environment.getRequiredProperty("accord.rating.health.max-publish-age", Duration.class);
            JsonNode tooOld = await().atMost(maxAge.plusSeconds(30)).until(this::ingestion,
                    health -> "DEGRADED".equals(health.path("status").asString()));
            assertThat(tooOld.path("details").path("publishBacklog").path("oldestAgeSeconds").asLong())
                    .isGreaterThanOrEqualTo(maxAge.toSeconds());
            assertThat(tooOld.path("details").path("reasons").toString()).contains("max-publish-age");
            assertThat(TestHttp.localPort(port).get("/actuator/health/readiness").status()).isEqualTo(200);
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(60)).until(this::ingestion,
                health -> health.path("details").path("publishBacklog").path("records").asLong(-1) == 0
                        && "UP".equals(health.path("status").asString()));
    }

    @Test
    void aBrokerThatDoesNotAnswerIsADetailWithinTheTimeoutAndTheDatabaseFiguresStillShow() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Admin nowhere = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:" + closedPort))) {
            RawTopicLag lag = new RawTopicLag(jdbc, nowhere, offsets, properties);
            Duration timeout = Duration.ofSeconds(1);

            long started = System.nanoTime();
            RawTopicLag.Lag answer = lag.measure(timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(timeout.plusSeconds(2));
            assertThat(answer.unavailable()).startsWith("the broker did not answer within 1000 ms");
            assertThat(answer.total()).isNull();
            Instant lastBatch = jdbc.sql("""
                            select max(updated_at) from usage_offset
                            where consumer_group = :group and topic = :topic and next_offset >= 0""")
                    .param("group", properties.consumerGroup()).param("topic", properties.topic())
                    .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
            assertThat(answer.lastBatchCommittedAt()).isEqualTo(lastBatch);
        }
    }
}
