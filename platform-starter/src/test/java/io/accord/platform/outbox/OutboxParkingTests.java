package io.accord.platform.outbox;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.infra.KafkaBroker;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A row that cannot be published is parked after max-attempts failures; other aggregates flow on, later rows of
 * its aggregate wait; ops see it (endpoint, gauge, health) and retry or discard it, audited.
 */
@OutboxTestApplication.Test
class OutboxParkingTests {

    private static final String PARKED = OutboxTestApplication.API + "/admin/outbox/parked";
    /** As configured in {@link OutboxTestApplication}. */
    private static final int MAX_ATTEMPTS = 3;

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final TestHttp ops;
    private final TestHttp admin;
    private final TestHttp manager;
    private final HealthEndpoint health;

    OutboxParkingTests(Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                       MeterRegistry meters, HealthEndpoint health, @LocalServerPort int port) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.meters = meters;
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga-ops", Roles.OPS));
        this.admin = TestHttp.localPort(port).as(TestJwt.staff("pat-admin", Roles.PLATFORM_ADMIN));
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("max-manager", Roles.PARTNER_MANAGER));
        this.health = health;
    }

    @Test
    void aLimitOutOfRangeNamesTheRangeAsOtherListsDo() {
        // the generic "The request has invalid parameters: limit." left the caller to guess the bounds
        for (String limit : new String[] {"0", "1001"}) {
            TestHttp.Response response = ops.get(PARKED + "?limit=" + limit);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).isEqualTo("limit must be between 1 and 1000");
            assertThat(response.json().get("violations").get(0).get("message").asString())
                    .isEqualTo("limit must be between 1 and 1000");
        }
    }

    @Test
    void aPoisonRowIsParkedWhileOtherKeysFlowOnAndLaterRowsOfItsKeyWait() {
        String stuck = "stuck-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        UUID poison = publish(TestEvent.tooLarge(stuck, 1));
        UUID behind = publish(TestEvent.of(stuck, 2));
        publish(TestEvent.of(other, 1));

        awaitParked(poison);
        UUID after = publish(TestEvent.of(other, 2));
        awaitSent(after);

        assertThat(TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> other.equals(record.key()), 2,
                Duration.ofSeconds(30))).extracting(record -> TestKafka.header(record, CloudEventHeaders.SEQUENCE))
                .containsExactly("1", "2");
        assertThat(sentAt(behind)).isNull();
        assertThat(jdbc.sql("select failures from outbox_event where id = :id").param("id", poison)
                .query(Integer.class).single()).isEqualTo(MAX_ATTEMPTS);

        TestHttp.Response listed = ops.get(PARKED);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(event -> event.get("id").asString()))
                .contains(poison.toString());
        var row = listed.json().valueStream().filter(event -> poison.toString().equals(event.get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(row.get("key").asString()).isEqualTo(stuck);
        assertThat(row.get("sequence").asLong()).isEqualTo(1L);
        assertThat(row.get("lastError").asString()).contains("RecordTooLarge");
    }

    @Test
    void aBrokerOutageParksNothingHoweverOftenTheRelayTries() {
        KafkaBroker broker = TestInfrastructure.embeddedKafka();
        UUID waiting;
        broker.stop();
        try {
            waiting = publish(TestEvent.of("outage-" + UUID.randomUUID(), 1));
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                            "select attempts from outbox_event where id = :id")
                    .param("id", waiting).query(Integer.class).single() > MAX_ATTEMPTS);
            assertThat(jdbc.sql("select parked_at is null from outbox_event where id = :id").param("id", waiting)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> sentAt(waiting) != null);
    }

    @Test
    void opsSeeParkedRowsAsAMetricAndAHealthDetailWhileTheServiceStaysUp() {
        UUID poison = publish(TestEvent.tooLarge("gauge-" + UUID.randomUUID(), 1));
        awaitParked(poison);
        long parked = jdbc.sql("select count(*) from outbox_event where parked_at is not null and sent_at is null")
                .query(Long.class).single();

        assertThat(meters.get("accord.outbox.parked").gauge().value()).isEqualTo(parked).isPositive();
        TestHttp.Response health = ops.get("/actuator/health/outbox");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("details").get("parked").asLong()).isEqualTo(parked);
    }

    /**
     * The broker the outbox publishes to is the {@code kafka} health component, UP while it answers; neither probe's
     * group includes it (a broker outage must not restart or unready the pods: the outbox buffers), and with a
     * public key there is no JWK set to be a {@code jwks} component.
     */
    @Test
    void opsSeeTheBrokerAsTheKafkaHealthComponentWhichNeitherProbeIncludes() {
        TestHttp.Response kafka = ops.get("/actuator/health/kafka");

        assertThat(kafka.status()).as(kafka.body()).isEqualTo(200);
        assertThat(kafka.json().get("status").asString()).isEqualTo("UP");
        assertThat(kafka.json().get("details").get("clusterId").asString()).isNotBlank();
        assertThat(kafka.json().get("details").get("brokers").asInt()).isPositive();
        for (String probe : new String[] {"liveness", "readiness"}) {
            assertThat(ops.get("/actuator/health/" + probe).status()).isEqualTo(200);
            // the probes answer their status only; their members, as the endpoint sees them
            assertThat(((CompositeHealthDescriptor) health.healthForPath(probe)).getComponents()).as(probe)
                    .isNotEmpty().doesNotContainKeys("kafka", "jwks", "outbox", "db");
        }
        assertThat(ops.get("/actuator/health").json().get("components").propertyNames()).contains("kafka", "outbox")
                .doesNotContain("jwks");
    }

    /** A stuck event's age is what on-call alerts on (AccordOutboxAge); the health stays UP and shows it too. */
    @Test
    void opsSeeTheOldestUnpublishedEventsAgeAsAMetricAndAHealthDetail() {
        UUID poison = publish(TestEvent.tooLarge("age-" + UUID.randomUUID(), 1));
        awaitParked(poison);
        jdbc.sql("update outbox_event set created_at = clock_timestamp() - interval '2 hours' where id = :id")
                .param("id", poison).update();

        assertThat(meters.get("accord.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(7200);
        assertThat(meters.get("accord.outbox.oldest.age").gauge().getId().getBaseUnit()).isEqualTo("seconds");
        TestHttp.Response health = ops.get("/actuator/health/outbox");
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("details").get("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(7200);
        jdbc.sql("delete from outbox_event where id = :id").param("id", poison).update();
    }

    @Test
    void aRetriedRowIsPublishedBeforeTheLaterRowsOfItsKeyAndTheRetryIsAudited() {
        String key = "retry-" + UUID.randomUUID();
        UUID poison = publish(TestEvent.tooLarge(key, 1));
        UUID behind = publish(TestEvent.of(key, 2));
        awaitParked(poison);
        // what ops would fix outside (here: the broker's size limit); the row itself is then publishable
        jdbc.sql("update outbox_event set payload = '{\"fixed\":true}' where id = :id").param("id", poison).update();

        TestHttp.Response retried = ops.post(PARKED + "/" + poison + "/retry", "");

        assertThat(retried.status()).isEqualTo(200);
        awaitSent(behind);
        assertThat(sentAt(poison)).isNotNull();
        List<ConsumerRecord<String, byte[]>> records = TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> key.equals(record.key()), 2, Duration.ofSeconds(30));
        assertThat(records).extracting(record -> TestKafka.header(record, CloudEventHeaders.SEQUENCE))
                .containsExactly("1", "2");
        assertThat(audited(poison, "outbox-event-retried")).isEqualTo(1);
    }

    @Test
    void aDiscardedRowIsNeverPublishedItsKeyFlowsOnAndTheTrailKeepsTheReason() {
        String key = "discard-" + UUID.randomUUID();
        UUID poison = publish(TestEvent.tooLarge(key, 1));
        UUID behind = publish(TestEvent.of(key, 2));
        awaitParked(poison);

        TestHttp.Response noReason = admin.post(PARKED + "/" + poison + "/discard", "{\"reason\":\" \"}");
        TestHttp.Response discarded = admin.post(PARKED + "/" + poison + "/discard",
                "{\"reason\":\"payload too large, re-sent by hand\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(discarded.status()).isEqualTo(200);
        awaitSent(behind);
        assertThat(jdbc.sql("select count(*) from outbox_event where id = :id").param("id", poison)
                .query(Long.class).single()).isZero();
        assertThat(TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> key.equals(record.key()), 1,
                Duration.ofSeconds(30))).extracting(record -> TestKafka.header(record, CloudEventHeaders.SEQUENCE))
                .containsExactly("2");
        assertThat(jdbc.sql("""
                        select after_state ->> 'reason' from audit_event
                        where resource_id = :id and action = 'outbox-event-discarded'""")
                .param("id", poison.toString()).query(String.class).single())
                .isEqualTo("payload too large, re-sent by hand");
    }

    @Test
    void onlyOpsAndPlatformAdminsReachParkedRowsAndUnknownIdsAre404() {
        UUID unknown = UUID.randomUUID();

        assertThat(manager.get(PARKED).status()).isEqualTo(403);
        assertThat(manager.post(PARKED + "/" + unknown + "/retry", "").status()).isEqualTo(403);
        assertThat(admin.get(PARKED).status()).isEqualTo(200);
        TestHttp.Response missing = ops.post(PARKED + "/" + unknown + "/retry", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(ops.post(PARKED + "/not-a-uuid/retry", "").status()).isEqualTo(400);
    }

    private UUID publish(TestEvent event) {
        transactions.executeWithoutResult(status -> outbox.publish(Topics.PARTNER_EVENTS, event));
        return event.eventId();
    }

    private void awaitParked(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select parked_at is not null from outbox_event where id = :id")
                .param("id", id).query(Boolean.class).single());
    }

    private void awaitSent(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(id) != null);
    }

    private Object sentAt(UUID id) {
        return jdbc.sql("select sent_at from outbox_event where id = :id").param("id", id)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getTimestamp("sent_at"))).single().orElse(null);
    }

    private long audited(UUID id, String action) {
        return jdbc.sql("select count(*) from audit_event where resource_id = :id and action = :action")
                .param("id", id.toString()).param("action", action).query(Long.class).single();
    }
}
