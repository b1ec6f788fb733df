package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.saga.SagaState;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A product staff terminate with a PATCH is deactivated at the partners' systems that activated it (the offering's
 * owner and its co-creating participants), as a delete order would have them told: signed, retried while a system
 * is down, recorded in the product's audit trail; a partner without a system (AUTO) is told nothing, and the
 * PATCH never waits for any of them. A real local HTTP server plays the partners.
 */
@AccordServiceTest
class ProductTerminationAtPartnerTests {

    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product/";
    private static PartnerWebhooks partners;

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final Sagas sagas;
    private final JdbcClient jdbc;
    /** The webhook secrets of the partners that registered one, by partner id. */
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private TestOrders orders;

    ProductTerminationAtPartnerTests(SellableOfferings offerings, Sagas sagas, JdbcClient jdbc) {
        this.offerings = offerings;
        this.sagas = sagas;
        this.jdbc = jdbc;
    }

    @BeforeAll
    static void startPartnerSystems() throws IOException {
        partners = new PartnerWebhooks();
    }

    @AfterAll
    static void stopPartnerSystems() {
        partners.close();
    }

    @BeforeEach
    void helpers() {
        orders = new TestOrders(port, offerings, jdbc);
    }

    /** An active product of an offering needing partner activation, co-created by the reseller who bought it. */
    private record Active(String owner, String reseller, String block, String productId) {
    }

    /** Ordered by the reseller and activated at once by the partners' systems of those that registered a webhook. */
    private Active active(boolean ownerHasWebhook, boolean resellerHasWebhook) {
        String owner = orders.activePartner();
        String reseller = orders.activePartner();
        if (ownerHasWebhook) {
            secrets.put(owner, orders.registerWebhook(owner, partners.urlOf(owner)));
        }
        if (resellerHasWebhook) {
            secrets.put(reseller, orders.registerWebhook(reseller, partners.urlOf(reseller)));
        }
        String block = orders.msisdnPool(owner, 2);
        String offering = orders.offering(owner, List.of("MSISDN"), true, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);
        TestHttp.Response created = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-t", null, offering));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode order = orders.awaitState(buyer, created.json().get("id").asString(), "completed");
        return new Active(owner, reseller, block, order.at("/productOrderItem/0/product/id").asString());
    }

    @Test
    void aTerminationIsDeactivatedAtTheOwnersAndTheParticipantsSystemsButASuspensionIsNot() {
        Active product = active(true, true);
        assertThat(partners.received(product.owner())).hasSize(1);
        assertThat(partners.received(product.reseller())).hasSize(1);

        assertThat(patch(product.productId(), "{\"status\": \"suspended\"}").status()).isEqualTo(200);
        TestHttp.Response terminated = patch(product.productId(),
                "{\"status\": \"terminated\", \"statusReason\": \"S63 fraud\"}");

        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(terminated.json().get("status").asString()).isEqualTo("terminated");
        for (String partner : List.of(product.owner(), product.reseller())) {
            await().atMost(TestOrders.PATIENCE).until(() -> partners.received(partner).size() >= 2);
            assertThat(partners.received(partner)).as("the activation, then (the suspension sent nothing) the "
                    + "deactivation").hasSize(2);
            PartnerWebhooks.Signed request = partners.signed(partner).getLast();
            assertSigned(request, secrets.get(partner));
            JsonNode deactivation = partners.received(partner).getLast();
            assertThat(deactivation.get("action").asString()).isEqualTo("DEACTIVATE");
            assertThat(deactivation.get("partnerId").asString()).isEqualTo(partner);
            assertThat(deactivation.get("stepId").asString()).isEqualTo(request.stepId());
            assertThat(deactivation.has("callbackUrl")).as("no acknowledgement expected").isFalse();
            assertThat(deactivation.get("reference").asString())
                    .isEqualTo("productTermination/" + product.productId() + "/" + partner);
            JsonNode what = deactivation.get("activation");
            assertThat(what.get("operation").asString()).isEqualTo("terminate");
            assertThat(what.get("productId").asString()).isEqualTo(product.productId());
            assertThat(what.get("reason").asString()).isEqualTo("S63 fraud");
            assertThat(what.at("/resources/0/resourceType").asString()).isEqualTo("MSISDN");
            assertThat(what.at("/resources/0/value").asString()).startsWith(product.block());
        }
        List<JsonNode> requested = audit(product.productId(), "partnerDeactivationRequested");
        assertThat(requested).hasSize(1);
        assertThat(requested.getFirst().get("after").findValuesAsString("partnerId"))
                .containsExactlyInAnyOrder(product.owner(), product.reseller());
        await().atMost(TestOrders.PATIENCE).until(() -> audit(product.productId(), "partnerDeactivated").size() == 2);
        assertThat(audit(product.productId(), "partnerDeactivated").stream()
                .map(entry -> entry.at("/after/stepState").asString())).containsOnly("DONE");
    }

    @Test
    void aSystemThatIsDownGetsTheDeactivationOnceItIsBackWhileThePatchAnswersAtOnce() {
        Active product = active(true, false);
        partners.answers(product.owner(), new PartnerWebhooks.Answer(200, "{\"status\":\"ACTIVATED\"}"),
                new PartnerWebhooks.Answer(503, "down"), new PartnerWebhooks.Answer(503, "down"),
                new PartnerWebhooks.Answer(200, ""));

        TestHttp.Response terminated = patch(product.productId(), "{\"status\": \"terminated\"}");

        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        await().atMost(TestOrders.PATIENCE).until(() -> partners.received(product.owner()).size() >= 4);
        List<JsonNode> received = partners.received(product.owner()).subList(1, 4);
        assertThat(received).extracting(request -> request.get("action").asString()).containsOnly("DEACTIVATE");
        assertThat(received).extracting(request -> request.get("attempt").asInt()).containsExactly(1, 2, 3);
        assertThat(received).extracting(request -> request.get("stepId").asString()).as("one request, retried")
                .containsOnly(received.getFirst().get("stepId").asString());
        await().atMost(TestOrders.PATIENCE).until(() -> saga(product.productId(), product.owner()).state()
                == SagaState.COMPLETED);
        await().atMost(TestOrders.PATIENCE).until(() -> audit(product.productId(), "partnerDeactivated").size() == 2);
        assertThat(audit(product.productId(), "partnerDeactivated")).as("the owner's after 3 attempts, the AUTO "
                + "participant's at once").extracting(entry -> entry.at("/after/partnerId").asString() + " "
                + entry.at("/after/attempts").asInt())
                .containsExactlyInAnyOrder(product.owner() + " 3", product.reseller() + " 1");
    }

    @Test
    void aPartnerWithoutASystemIsToldNothingAndThePatchSucceeds() {
        Active product = active(false, false);

        TestHttp.Response terminated = patch(product.productId(), "{\"status\": \"terminated\"}");

        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(terminated.json().get("status").asString()).isEqualTo("terminated");
        await().atMost(TestOrders.PATIENCE).until(() -> saga(product.productId(), product.owner()).state()
                == SagaState.COMPLETED);
        assertThat(saga(product.productId(), product.reseller()).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(partners.received(product.owner())).isEmpty();
        assertThat(partners.received(product.reseller())).isEmpty();
    }

    private TestHttp.Response patch(String productId, String body) {
        return orders.staff(Roles.OPS).send("PATCH", PRODUCTS + productId, body, TestOrders.PATCH);
    }

    private SagaView saga(String productId, String partner) {
        List<SagaView> found = sagas.findByReference("productTermination/" + productId + "/" + partner);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** The product's audit entries of an action, as an auditor reads them. */
    private List<JsonNode> audit(String productId, String action) {
        TestHttp.Response entries = orders.staff(Roles.AUDITOR).get("/api/orchestration/audit"
                + "?resourceType=product&resourceId=" + productId + "&action=" + action);
        assertThat(entries.status()).as(entries.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        entries.json().forEach(list::add);
        return list;
    }

    private static void assertSigned(PartnerWebhooks.Signed request, String secret) {
        assertThat(Long.parseLong(request.timestamp()))
                .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(request.signature()).isEqualTo("sha256=" + hmac(secret, request.timestamp(), request.body()));
    }

    /** The partner's side of the signature, computed here independently of Accord's client. */
    private static String hmac(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
