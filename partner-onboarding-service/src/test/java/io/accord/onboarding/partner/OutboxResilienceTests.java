package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.infra.KafkaBroker;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox keeps events while the broker is down and delivers every one when it returns. */
@AccordServiceTest
class OutboxResilienceTests {

    @LocalServerPort
    int port;

    @Test
    void stateChangesCommitWhileTheBrokerIsDownAndTheirEventsArriveWhenItReturns(@Autowired JdbcClient jdbc) {
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        KafkaBroker broker = TestInfrastructure.embeddedKafka();
        Set<String> ids = new HashSet<>();
        broker.stop();
        try {
            IntStream.range(0, 3).forEach(i -> {
                TestHttp.Response created = manager.post("/api/onboarding/partners",
                        PartnerApiTests.newPartner("Offline Partner " + i));
                assertThat(created.status()).isEqualTo(201);
                ids.add(created.json().get("id").asString());
            });
            // the relay tried, failed and keeps every event for later
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                            "select count(*) from outbox_event where sent_at is null and attempts > 0")
                    .query(Long.class).single()).isPositive());
            assertThat(jdbc.sql("select count(*) from outbox_event where sent_at is null and message_key in (:ids)")
                    .param("ids", List.copyOf(ids)).query(Long.class).single()).isEqualTo(3L);
            ids.forEach(id -> assertThat(manager.get("/api/onboarding/partners/" + id).status()).isEqualTo(200));
        } finally {
            broker.restart();
        }

        var delivered = TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> ids.contains(record.key()), 3,
                Duration.ofSeconds(60));

        assertThat(delivered).extracting(record -> record.key()).containsExactlyInAnyOrderElementsOf(ids);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select count(*) from outbox_event where sent_at is null and message_key in (:ids)")
                .param("ids", List.copyOf(ids)).query(Long.class).single()).isZero());
    }
}
