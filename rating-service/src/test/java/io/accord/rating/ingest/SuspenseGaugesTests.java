package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The open suspense backlog as gauges (package io.accord.rating.suspense), by reason: how many records are open and
 * how long the oldest has been, following suspension and write-off, on {@code /actuator/prometheus} under the names
 * alerts use. Other tests' suspense shares the table, so counts are compared with what they were, not absolutely.
 */
@AccordServiceTest
class SuspenseGaugesTests {

    private static final String REASON = "NO_PRODUCT_INSTANCE";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final double THIRTY_DAYS = Duration.ofDays(30).toSeconds();

    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    @LocalServerPort
    int port;

    SuspenseGaugesTests(MeterRegistry meters, JdbcClient jdbc) {
        this.meters = meters;
        this.jdbc = jdbc;
    }

    @Test
    void openSuspenseAndTheAgeOfTheOldestAreGaugedByReason() {
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops-1", Roles.OPS));
        String id = unique();
        String source = "gauge-" + id;
        double before = await().atMost(PATIENCE).until(() -> open(), value -> !Double.isNaN(value));

        JsonNode answer = ops.post("/tmf-api/usageManagement/v4/usage/batch", "["
                + UsageApiTests.usage(source, "g1", "+0000" + id, "60") + ","
                + UsageApiTests.usage(source, "g2", "+0000" + id, "60") + "]").json();
        assertThat(answer.path("suspended").asInt()).as(answer.toString()).isEqualTo(2);
        jdbc.sql("update usage_suspense set suspended_at = suspended_at - interval '31 days'"
                + " where source = :source and usage_id = 'g2'").param("source", source).update();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(open()).isGreaterThanOrEqualTo(before + 2);
            assertThat(oldestAgeSeconds()).isGreaterThanOrEqualTo(THIRTY_DAYS);
        });
        String scraped = TestHttp.localPort(port).get("/actuator/prometheus").body();
        assertThat(scraped).contains("accord_rating_suspense_open{reason=\"" + REASON + "\"}",
                "accord_rating_suspense_oldest_age_seconds{reason=\"" + REASON + "\"}",
                "accord_rating_suspense_open{reason=\"TOO_OLD\"}");

        double peak = open();
        JsonNode writtenOff = ops.post("/api/rating/suspense/write-off", "{\"filter\": {\"source\": \"" + source
                + "\"}, \"reason\": \"test traffic\"}").json();
        assertThat(writtenOff.path("writtenOff").asInt()).as(writtenOff.toString()).isEqualTo(2);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(open()).isLessThanOrEqualTo(peak - 2);
            assertThat(oldestAgeSeconds()).as("no other test keeps suspense that old").isLessThan(THIRTY_DAYS);
        });
    }

    private double open() {
        return meters.get("accord.rating.suspense.open").tag("reason", REASON).gauge().value();
    }

    private double oldestAgeSeconds() {
        return meters.get("accord.rating.suspense.oldest.age").tag("reason", REASON).gauge().value();
    }
}
