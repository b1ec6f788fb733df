package io.accord.platform.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.accord.platform.hub.HubTestApplication.CATALOG;
import static io.accord.platform.hub.HubTestApplication.ORDERING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Events published in a service's transaction reach real HTTP callbacks: signed TMF envelopes, only the events a
 * subscription asked for and may see, never those of a rolled-back change, retried after server errors.
 */
@HubTestApplication.Test
@ExtendWith(OutputCaptureExtension.class)
class HubDeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HubFixture hub;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    HubDeliveryTests(@LocalServerPort int port, ApplicationEventPublisher events,
                     PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.hub = new HubFixture(port, events, transactionManager);
        this.jdbc = jdbc;
        this.events = events;
    }

    @Test
    void deliversTheTmfEnvelopeSignedWithTheSecretShownAtRegistration() throws Exception {
        try (CallbackServer callback = CallbackServer.accepting()) {
            JsonNode subscription = HubFixture.register(hub.adminA, CATALOG, callback.url(),
                    "eventType=ProductOfferingCreateEvent");
            String secret = subscription.get("secret").asString();

            String offering = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);

            await().atMost(WAIT).until(() -> callback.received().size() == 1);
            CallbackServer.Received request = callback.received().getFirst();
            JsonNode body = JSON.readTree(request.text());
            assertThat(body.get("eventType").asString()).isEqualTo("ProductOfferingCreateEvent");
            assertThat(body.path("event").path("productOffering").path("id").asString()).isEqualTo(offering);
            assertThat(body.path("event").path("productOffering").path("name").asString()).isEqualTo("Offer " + offering);
            assertThat(body.get("eventId").asString()).isEqualTo(request.header("X-Accord-Event-Id"));
            assertThat(Instant.parse(body.get("eventTime").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("X-Accord-Delivery-Id")).isNotBlank();
            String timestamp = request.header("X-Accord-Timestamp");
            assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
            assertThat(request.header("X-Accord-Signature")).isEqualTo("sha256=" + hmac(secret, timestamp, request.body()));
            assertThat(request.header("X-Accord-Signature"))
                    .isNotEqualTo("sha256=" + hmac("another-secret", timestamp, request.body()));
        }
    }

    @Test
    void retriesAfterServerErrorsUntilTheCallbackAcceptsAndShowsTheLastError() {
        try (CallbackServer callback = CallbackServer.answering(request -> request <= 2 ? 500 : 204)) {
            JsonNode subscription = HubFixture.register(hub.adminA, CATALOG, callback.url(), null);

            hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);

            await().atMost(WAIT).until(() -> callback.received().size() == 3);
            assertThat(callback.received()).extracting(request -> request.header("X-Accord-Delivery-Id"))
                    .containsOnly(callback.received().getFirst().header("X-Accord-Delivery-Id"));
            assertThat(callback.received()).extracting(CallbackServer.Received::text)
                    .containsOnly(callback.received().getFirst().text());
            await().atMost(WAIT).until(() -> hub.adminA.get(href(subscription)).json()
                    .path("lastDeliveredAt").isString());
            JsonNode seen = hub.adminA.get(href(subscription)).json();
            assertThat(seen.get("status").asString()).isEqualTo("active");
            assertThat(seen.get("consecutiveFailures").asInt()).isZero();
            assertThat(seen.get("lastError").asString()).contains("HTTP 500");
            assertThat(seen.has("secret")).isFalse();
        }
    }

    @Test
    void aClosedPortReadsAsConnectionRefusedAndTheLogNamesTheSubscriptionAndItsPartner(CapturedOutput output)
            throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        JsonNode subscription = HubFixture.register(hub.adminA, CATALOG, "http://127.0.0.1:" + closed + "/listener",
                null);
        String id = subscription.get("id").asString();

        hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);

        await().atMost(WAIT).until(() -> hub.adminA.get(href(subscription)).json().path("lastError").isString());
        assertThat(hub.adminA.get(href(subscription)).json().get("lastError").asString())
                .isEqualTo("connection refused");
        String named = "subscription " + id + " (owner partner " + hub.partnerA + ", ";
        await().atMost(WAIT).until(() -> output.getAll().lines()
                .anyMatch(line -> line.contains(named) && line.contains("connection refused")));
    }

    @Test
    void aPartnersSubscriptionGetsOnlyWhatItsPartnerMaySeeAndStaffGetEverything() {
        try (CallbackServer forA = CallbackServer.accepting(); CallbackServer forB = CallbackServer.accepting();
             CallbackServer forStaff = CallbackServer.accepting()) {
            HubFixture.register(hub.adminA, CATALOG, forA.url(), null);
            HubFixture.register(hub.adminB, CATALOG, forB.url(), null);
            HubFixture.register(hub.ops, CATALOG, forStaff.url(), null);

            String ofB = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerB), false);
            String ofA = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);
            String forAll = hub.publishOffering("ProductOfferingStateChangeEvent", Set.of(), true);

            await().atMost(WAIT).until(() -> forStaff.received().size() == 3 && forB.received().size() == 2
                    && forA.received().size() == 2);
            assertThat(HubFixture.offeringIds(forA)).containsExactly(ofA, forAll);
            assertThat(HubFixture.offeringIds(forB)).containsExactly(ofB, forAll);
            assertThat(HubFixture.offeringIds(forStaff)).containsExactly(ofB, ofA, forAll);
        }
    }

    @Test
    void theQueryChoosesTheEventTypes() {
        try (CallbackServer callback = CallbackServer.accepting()) {
            HubFixture.register(hub.adminA, CATALOG, callback.url(), "eventType=ProductOfferingStateChangeEvent");

            hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);
            String changed = hub.publishOffering("ProductOfferingStateChangeEvent", Set.of(hub.partnerA), false);

            // deliveries keep their order: had the create event been due, it would have arrived first
            await().atMost(WAIT).until(() -> !callback.received().isEmpty());
            assertThat(HubFixture.offeringIds(callback)).containsExactly(changed);
            assertThat(JSON.readTree(callback.received().getFirst().text()).get("eventType").asString())
                    .isEqualTo("ProductOfferingStateChangeEvent");
        }
    }

    @Test
    void aRolledBackChangeNotifiesNobody() {
        try (CallbackServer callback = CallbackServer.accepting()) {
            JsonNode subscription = HubFixture.register(hub.adminA, CATALOG, callback.url(), null);
            String rolledBack = UUID.randomUUID().toString();

            hub.publishAndRollBack(new TmfEvent("ProductOfferingCreateEvent", "productOffering",
                    Map.of("id", rolledBack), Set.of(hub.partnerA), false));
            String committed = hub.publishOffering("ProductOfferingCreateEvent", Set.of(hub.partnerA), false);

            await().atMost(WAIT).until(() -> !callback.received().isEmpty());
            assertThat(HubFixture.offeringIds(callback)).containsExactly(committed);
            assertThat(jdbc.sql("select count(*) from hub_delivery where subscription_id = :id")
                    .param("id", UUID.fromString(subscription.get("id").asString())).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void eachHubCarriesOnlyItsOwnApisResources() {
        try (CallbackServer catalog = CallbackServer.accepting(); CallbackServer ordering = CallbackServer.accepting()) {
            HubFixture.register(hub.ops, CATALOG, catalog.url(), null);
            HubFixture.register(hub.ops, ORDERING, ordering.url(), null);
            String order = UUID.randomUUID().toString();

            hub.publish(new TmfEvent("ProductOrderCreateEvent", "productOrder", Map.of("id", order), Set.of(), true));
            String offering = hub.publishOffering("ProductOfferingCreateEvent", Set.of(), true);

            await().atMost(WAIT).until(() -> !catalog.received().isEmpty() && !ordering.received().isEmpty());
            assertThat(HubFixture.offeringIds(catalog)).containsExactly(offering);
            assertThat(ordering.received()).singleElement().satisfies(request -> assertThat(
                    JSON.readTree(request.text()).path("event").path("productOrder").path("id").asString())
                    .isEqualTo(order));
        }
    }

    @Test
    void theFirstSubscriptionAfterAQuietSpellGetsTheVeryNextEvent() {
        jdbc.sql("update hub_subscription set status = 'disabled' where api = :api").param("api", ORDERING).update();
        // nobody listens: the process now trusts that for a while (quiet-for)
        hub.publish(new TmfEvent("ProductOrderCreateEvent", "productOrder", Map.of("id", "unheard"), Set.of(), true));
        try (CallbackServer callback = CallbackServer.accepting()) {
            HubFixture.register(hub.ops, ORDERING, callback.url(), null);
            String order = UUID.randomUUID().toString();

            hub.publish(new TmfEvent("ProductOrderCreateEvent", "productOrder", Map.of("id", order), Set.of(), true));

            await().atMost(WAIT).until(() -> !callback.received().isEmpty());
            assertThat(callback.received()).singleElement().satisfies(request -> assertThat(
                    JSON.readTree(request.text()).path("event").path("productOrder").path("id").asString())
                    .isEqualTo(order));
        }
    }

    @Test
    void anEventPublishedOutsideATransactionIsRefusedRatherThanDeliveredForAChangeThatMayNotHappen() {
        try (CallbackServer callback = CallbackServer.accepting()) {
            HubFixture.register(hub.adminA, CATALOG, callback.url(), null);

            assertThatThrownBy(() -> events.publishEvent(new TmfEvent("ProductOfferingCreateEvent",
                    "productOffering", Map.of("id", "x"), Set.of(hub.partnerA), false)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
        }
    }

    private static String href(JsonNode subscription) {
        return subscription.get("href").asString();
    }

    /** The signature recomputed here from the documented rule, independently of the hub's code. */
    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
