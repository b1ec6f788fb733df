package io.accord.platform.hub;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.accord.platform.hub.HubTestApplication.CATALOG;
import static io.accord.platform.hub.HubTestApplication.ORDERING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub follows partner status from {@code partner.events.v1}: a suspended partner's deliveries are held and go
 * out once it is active again; a terminated partner's subscriptions are disabled for good, visibly. The service's
 * listener bean is fed records directly (no broker in the starter's tests; the Kafka side is the inbox's, tested in
 * the services), against the real PostgreSQL and real callbacks.
 */
@HubTestApplication.Test
class HubPartnerStatusTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HubFixture hub;
    private final HubPartnerEvents partnerEvents;
    private final JdbcClient jdbc;

    HubPartnerStatusTests(@LocalServerPort int port, ApplicationEventPublisher events,
                          PlatformTransactionManager transactionManager, HubPartnerEvents partnerEvents,
                          JdbcClient jdbc) {
        this.hub = new HubFixture(port, events, transactionManager);
        this.partnerEvents = partnerEvents;
        this.jdbc = jdbc;
    }

    @Test
    void aSuspendedPartnersDeliveriesAreHeldAndGoOutInOrderOnceItIsActiveAgain() {
        try (CallbackServer forA = CallbackServer.accepting(); CallbackServer forStaff = CallbackServer.accepting()) {
            String href = HubFixture.register(hub.adminA, CATALOG, forA.url(), null).get("href").asString();
            HubFixture.register(hub.ops, CATALOG, forStaff.url(), null);

            partnerEvents.on(List.of(statusChanged(hub.partnerA, "SUSPENDED", 5L, UUID.randomUUID())));
            String first = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);
            String second = hub.publishOffering("ProductOfferingStateChangeEvent", Set.of(hub.partnerA), false);
            String staffOnly = hub.publishOffering("ProductOfferingCreateEvent", Set.of(), false);

            // the staff subscription got all three, in order: the relay went round at least once meanwhile
            await().atMost(WAIT).until(() -> forStaff.received().size() == 3);
            assertThat(HubFixture.offeringIds(forStaff)).containsExactly(first, second, staffOnly);
            assertThat(forA.received()).as("held while suspended").isEmpty();
            JsonNode held = hub.adminA.get(href).json();
            assertThat(held.get("status").asString()).isEqualTo("active");
            assertThat(held.get("statusReason").asString()).contains("held").contains("SUSPENDED");
            TestHttp.Response register = hub.adminA.post(CATALOG + "/hub",
                    "{\"callback\":\"" + forA.url() + "/another\"}");
            assertThat(register.status()).as(register.body()).isEqualTo(409);
            assertThat(register.json().get("detail").asString()).contains("SUSPENDED");
            // a late, older event changes nothing
            partnerEvents.on(List.of(statusChanged(hub.partnerA, "ACTIVE", 4L, UUID.randomUUID())));
            assertThat(hub.adminA.get(href).json().get("statusReason").asString()).contains("held");

            partnerEvents.on(List.of(statusChanged(hub.partnerA, "ACTIVE", 6L, UUID.randomUUID())));

            await().atMost(WAIT).until(() -> forA.received().size() == 2);
            assertThat(HubFixture.offeringIds(forA)).containsExactly(first, second);
            assertThat(hub.adminA.get(href).json().get("statusReason").isNull()).isTrue();
        }
    }

    @Test
    void aTerminatedPartnersSubscriptionsAreDisabledWithTheReasonAndStaySo() {
        try (CallbackServer forA = CallbackServer.accepting(); CallbackServer forB = CallbackServer.accepting()) {
            JsonNode subscription = HubFixture.register(hub.adminA, CATALOG, forA.url(), null);
            String href = subscription.get("href").asString();
            UUID id = UUID.fromString(subscription.get("id").asString());
            String onOrdering = HubFixture.register(hub.adminA, ORDERING, forA.url(), null).get("href").asString();
            HubFixture.register(hub.adminB, CATALOG, forB.url(), null);
            // held while suspended, then terminated: the held delivery is given up, never sent
            partnerEvents.on(List.of(statusChanged(hub.partnerA, "SUSPENDED", 1L, UUID.randomUUID())));
            hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA, hub.partnerB), false);
            await().atMost(WAIT).until(() -> forB.received().size() == 1);
            UUID termination = UUID.randomUUID();

            partnerEvents.on(List.of(statusChanged(hub.partnerA, "TERMINATED", 2L, termination)));

            for (String disabled : List.of(href, onOrdering)) {
                JsonNode seen = hub.adminA.get(disabled).json();
                assertThat(seen.get("status").asString()).as(disabled).isEqualTo("disabled");
                assertThat(seen.get("statusReason").asString()).contains("terminated");
                assertThat(seen.get("disabledAt").isString()).isTrue();
                TestHttp.Response enable = hub.ops.post(disabled + "/enable", "");
                assertThat(enable.status()).as(enable.body()).isEqualTo(409);
                assertThat(enable.json().get("detail").asString()).contains("TERMINATED");
            }
            assertThat(jdbc.sql("""
                            select last_error from hub_delivery
                            where subscription_id = :id and dead_at is not null and delivered_at is null""")
                    .param("id", id).query(String.class).list()).containsExactly("the partner was terminated");
            assertThat(jdbc.sql("""
                            select after_state ->> 'statusReason' from audit_event
                            where resource_id = :id and action = 'hub-subscription-disabled'""")
                    .param("id", id.toString()).query(String.class).single()).contains("terminated");
            TestHttp.Response register = hub.adminA.post(CATALOG + "/hub", "{\"callback\":\"" + forA.url() + "/x\"}");
            assertThat(register.status()).as(register.body()).isEqualTo(409);

            // the same event again (a redelivery) changes nothing; nothing new reaches the terminated partner
            partnerEvents.on(List.of(statusChanged(hub.partnerA, "TERMINATED", 2L, termination)));
            String later = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA, hub.partnerB),
                    false);
            await().atMost(WAIT).until(() -> forB.received().size() == 2);
            assertThat(HubFixture.offeringIds(forB).getLast()).isEqualTo(later);
            assertThat(forA.received()).isEmpty();
            assertThat(jdbc.sql("select count(*) from hub_delivery where subscription_id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                            select count(*) from audit_event
                            where resource_id = :id and action = 'hub-subscription-disabled'""")
                    .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aPartnerTerminatedBeforeItEverSubscribedCannotStartNow() {
        partnerEvents.on(List.of(statusChanged(hub.partnerA, "TERMINATED", 3L, UUID.randomUUID())));

        TestHttp.Response register = hub.adminA.post(CATALOG + "/hub",
                "{\"callback\":\"https://partner.example.invalid/tmf/listener\"}");

        assertThat(register.status()).as(register.body()).isEqualTo(409);
        assertThat(register.contentType()).startsWith("application/problem+json");
        assertThat(register.json().get("detail").asString()).contains("TERMINATED");
        assertThat(jdbc.sql("select count(*) from hub_subscription where partner_id = :partner")
                .param("partner", hub.partnerA).query(Long.class).single()).isZero();
    }

    /** A partner status change as onboarding's outbox publishes it, as the listener receives it. */
    private static ConsumerRecord<String, byte[]> statusChanged(UUID partner, String status, long sequence,
                                                                UUID eventId) {
        ProducerRecord<String, byte[]> sent = TestKafka.cloudEvent(Topics.PARTNER_EVENTS, partner.toString(),
                "PartnerStatusChanged", eventId.toString(), partner.toString(), """
                        {"eventId":"%s","occurredAt":"%s","partnerId":"%s","previousStatus":"ACTIVE","status":"%s",
                         "reason":"test"}
                        """.formatted(eventId, Instant.parse("2026-12-01T10:00:00Z"), partner, status));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, sequence, sent.key(),
                sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        record.headers().add(CloudEventHeaders.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
