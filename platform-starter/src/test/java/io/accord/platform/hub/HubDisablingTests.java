package io.accord.platform.hub;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbound.OutboundTargets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.accord.platform.hub.HubTestApplication.CATALOG;
import static io.accord.platform.hub.HubTestApplication.DISABLE_AFTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead callback: each delivery is given up after max-attempts, the subscription is disabled after disable-after
 * consecutive failures (visibly, audited, counted) and gets nothing new until re-enabled. And relays running side
 * by side never deliver one delivery twice.
 */
@HubTestApplication.Test
class HubDisablingTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HubFixture hub;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final PlatformTransactionManager transactionManager;
    private final AuditTrail audit;
    private final HubProperties properties;
    private final OutboundTargets targets;
    private final Clock clock;

    HubDisablingTests(@LocalServerPort int port, ApplicationEventPublisher events,
                      PlatformTransactionManager transactionManager, JdbcClient jdbc, MeterRegistry meters,
                      AuditTrail audit, HubProperties properties, OutboundTargets targets, Clock clock) {
        this.hub = new HubFixture(port, events, transactionManager);
        this.jdbc = jdbc;
        this.meters = meters;
        this.transactionManager = transactionManager;
        this.audit = audit;
        this.properties = properties;
        this.targets = targets;
        this.clock = clock;
    }

    @Test
    void aDeadCallbackIsDisabledVisiblyAndReEnablingResumesWhatIsStillPending() {
        try (CallbackServer callback = CallbackServer.answering(request -> 503)) {
            JsonNode subscription = HubFixture.register(hub.adminA, CATALOG, callback.url(), null);
            String href = subscription.get("href").asString();
            UUID id = UUID.fromString(subscription.get("id").asString());
            double disabledBefore = meters.get("accord.hub.subscriptions.disabled").counter().count();

            String first = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);
            String second = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);

            await().atMost(WAIT).until(() -> "disabled".equals(hub.adminA.get(href).json().get("status").asString()));
            JsonNode disabled = hub.adminA.get(href).json();
            assertThat(disabled.get("consecutiveFailures").asInt()).isEqualTo(DISABLE_AFTER);
            assertThat(disabled.get("lastError").asString()).contains("HTTP 503");
            assertThat(disabled.get("disabledAt").isString()).isTrue();
            assertThat(disabled.get("statusReason").asString()).contains(DISABLE_AFTER + " consecutive failed");
            assertThat(callback.received()).hasSize(DISABLE_AFTER);
            // MAX_ATTEMPTS (3) for the first delivery, given up; the second failed on until DISABLE_AFTER (5)
            assertThat(HubFixture.offeringIds(callback)).containsExactly(first, first, first, second, second);
            assertThat(jdbc.sql("select count(*) from hub_delivery where subscription_id = :id and dead_at is not null")
                    .param("id", id).query(Long.class).single()).isEqualTo(1);
            assertThat(meters.get("accord.hub.subscriptions.disabled").counter().count()).isGreaterThan(disabledBefore);
            assertThat(jdbc.sql("""
                            select after_state ->> 'status' from audit_event
                            where resource_id = :id and action = 'hub-subscription-disabled'""")
                    .param("id", id.toString()).query(String.class).single()).isEqualTo("disabled");

            String whileDisabled = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);
            callback.answer(request -> 200);
            TestEnable enabled = enable(href);

            assertThat(enabled.status()).isEqualTo(200);
            assertThat(enabled.body().get("status").asString()).isEqualTo("active");
            assertThat(enabled.body().get("consecutiveFailures").asInt()).isZero();
            assertThat(enabled.body().get("statusReason").isNull()).isTrue();
            await().atMost(WAIT).until(() -> callback.received().size() == DISABLE_AFTER + 1);
            assertThat(HubFixture.offeringIds(callback).getLast()).isEqualTo(second).isNotEqualTo(whileDisabled);
            assertThat(hub.adminA.post(href + "/enable", "").status()).isEqualTo(409);
            assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and action = :action")
                    .param("id", id.toString()).param("action", "hub-subscription-enabled")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void relaysRunningSideBySideDeliverEachDeliveryExactlyOnceAndInOrder() {
        try (CallbackServer callback = CallbackServer.accepting()) {
            HubFixture.register(hub.ops, CATALOG, callback.url(), null);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                published.add(hub.publishOffering("ProductOfferingCreateEvent", Set.of(), true));
            }
            // two more relays (as on two more replicas) race the service's own scheduled one
            AtomicBoolean running = new AtomicBoolean(true);
            List<CompletableFuture<Void>> relays = List.of(relayUntilStopped(running), relayUntilStopped(running));
            try {
                await().atMost(WAIT).until(() -> callback.received().size() >= published.size());
            } finally {
                running.set(false);
                relays.forEach(CompletableFuture::join);
            }

            assertThat(HubFixture.offeringIds(callback)).containsExactlyElementsOf(published);
            assertThat(callback.received()).extracting(request -> request.header("X-Accord-Delivery-Id"))
                    .doesNotHaveDuplicates();
        }
    }

    private CompletableFuture<Void> relayUntilStopped(AtomicBoolean running) {
        HubRelay relay = new HubRelay(new Deliveries(jdbc), new CallbackClient(properties, targets, clock),
                new TransactionTemplate(transactionManager), audit, properties, clock, new SimpleMeterRegistry());
        // a thread of its own: busy relays must not starve the common pool the JDK's HTTP client also uses
        return CompletableFuture.runAsync(() -> {
            try {
                while (running.get()) {
                    relay.pass();
                }
            } finally {
                stop(relay);
            }
        }, task -> Thread.ofPlatform().daemon().start(task));
    }

    private static void stop(HubRelay relay) {
        try {
            relay.destroy();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record TestEnable(int status, JsonNode body) {
    }

    private TestEnable enable(String href) {
        var response = hub.adminA.post(href + "/enable", "");
        return new TestEnable(response.status(), response.json());
    }
}
