package io.accord.orchestration.order;

import io.accord.contracts.events.OrderFailed;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.StepState;
import io.accord.orchestration.saga.StepView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders activated at a partner's system through its WEBHOOK (a real local HTTP server plays the partner): at once,
 * acknowledged later through the callback API, never acknowledged (timeout → compensation), refused (partner
 * error → compensation), and cancelled by the buyer while the partner has not answered yet.
 */
@AccordServiceTest
class OrderActivationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static PartnerWebhooks partners;

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final Products products;
    private final Sagas sagas;
    private final JdbcClient jdbc;
    private TestOrders orders;

    OrderActivationTests(SellableOfferings offerings, Products products, Sagas sagas, JdbcClient jdbc) {
        this.offerings = offerings;
        this.products = products;
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

    /**
     * A partner with a WEBHOOK, an MSISDN pool and an offering needing activation, co-created with the buyer, who
     * orders it.
     */
    private record Setup(String owner, String block, TestHttp buyer, String orderId) {
    }

    private Setup ordered(PartnerWebhooks.Answer... answers) {
        String owner = orders.activePartner();
        orders.registerWebhook(owner, partners.urlOf(owner));
        partners.answers(owner, answers);
        String block = orders.msisdnPool(owner, 3);
        String reseller = orders.activePartner();
        String offering = orders.offering(owner, List.of("MSISDN"), true, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);
        TestHttp.Response created = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-w", null, offering));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Setup(owner, block, buyer, created.json().get("id").asString());
    }

    @Test
    void thePartnerActivatesAtOnceWithTheReservedNumberInTheRequest() {
        Setup setup = ordered(new PartnerWebhooks.Answer(200, "{\"status\":\"ACTIVATED\"}"));

        JsonNode order = orders.awaitState(setup.buyer(), setup.orderId(), "completed");

        List<JsonNode> received = partners.received(setup.owner());
        assertThat(received).hasSize(1);
        JsonNode request = received.getFirst();
        assertThat(request.get("action").asString()).isEqualTo("ACTIVATE");
        assertThat(request.get("reference").asString()).isEqualTo("productOrder/" + setup.orderId() + "/1");
        JsonNode activation = request.get("activation");
        assertThat(activation.get("operation").asString()).isEqualTo("add");
        assertThat(activation.get("productId").asString())
                .isEqualTo(order.at("/productOrderItem/0/product/id").asString());
        assertThat(activation.at("/characteristics/dataVolumeGb").asString()).isEqualTo("20");
        assertThat(activation.at("/resources/0/resourceType").asString()).isEqualTo("MSISDN");
        assertThat(activation.at("/resources/0/value").asString()).startsWith(setup.block());
    }

    @Test
    void thePartnerAcknowledgesLaterThroughTheCallbackApi() {
        Setup setup = ordered(new PartnerWebhooks.Answer(202, "{\"status\":\"ACCEPTED\"}"));
        StepView waiting = awaitActivation(setup.orderId(), StepState.WAITING);
        assertThat(setup.buyer().get(TestOrders.ORDERS + "/" + setup.orderId()).json().get("state").asString())
                .isEqualTo("inProgress");

        TestHttp.Response acked = orders.partnerAdmin(setup.owner()).post("/api/orchestration/activations/"
                + waiting.id() + "/ack", "{\"status\": \"ACTIVATED\"}");

        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        orders.awaitState(setup.buyer(), setup.orderId(), "completed");
    }

    @Test
    void withoutAcknowledgementTheActivationTimesOutAndTheItemIsCompensated() {
        Setup setup = ordered(new PartnerWebhooks.Answer(202, ""), new PartnerWebhooks.Answer(200, ""));

        JsonNode failed = orders.awaitState(setup.buyer(), setup.orderId(), "failed");

        assertThat(failed.at("/productOrderItem/0/failedStep").asString()).isEqualTo("ACTIVATE_AT_PARTNER");
        assertThat(failed.at("/productOrderItem/0/stateReason").asString()).contains("no acknowledgement");
        await().atMost(TestOrders.PATIENCE).until(() -> partners.received(setup.owner()).size() == 2);
        assertThat(partners.received(setup.owner()).get(1).get("action").asString())
                .as("the partner may have acted late: deactivated").isEqualTo("DEACTIVATE");
        assertThat(orders.items(setup.block(), "AVAILABLE")).as("the reservation is released").isEqualTo(3);
        UUID product = UUID.fromString(failed.at("/productOrderItem/0/product/id").asString());
        assertThat(products.find(product).orElseThrow().state()).isEqualTo(ProductState.CANCELLED);
    }

    @Test
    void aPartnerErrorFailsTheItemAndReleasesTheReservationWithoutDeactivating() {
        Setup setup = ordered(new PartnerWebhooks.Answer(422, "{\"error\":\"unknown tariff\"}"));

        JsonNode failed = orders.awaitState(setup.buyer(), setup.orderId(), "failed");

        assertThat(failed.at("/productOrderItem/0/stateReason").asString())
                .contains("partner webhook answered HTTP 422", "unknown tariff");
        assertThat(partners.received(setup.owner())).as("nothing activated, nothing to deactivate").hasSize(1);
        assertThat(orders.items(setup.block(), "AVAILABLE")).isEqualTo(3);
        OrderFailed event = JSON.readValue(orders.outbox(setup.orderId()).getFirst()[1], OrderFailed.class);
        assertThat(event.state()).isEqualTo("failed");
        assertThat(event.items().getFirst().failedStep()).isEqualTo("ACTIVATE_AT_PARTNER");
    }

    @Test
    void aCancellationBeforeThePointOfNoReturnCompensatesAndCancelsTheOrder() {
        Setup setup = ordered(new PartnerWebhooks.Answer(202, ""), new PartnerWebhooks.Answer(200, ""));
        awaitActivation(setup.orderId(), StepState.WAITING);
        TestHttp.Response scheduled = setup.buyer().post(TestOrders.CANCELS, """
                {"productOrder": {"id": "%s"}, "cancellationReason": "later", "requestedCancellationDate":
                 "2999-01-01T00:00:00Z"}""".formatted(setup.orderId()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(400);
        assertThat(scheduled.json().at("/violations/0/field").asString()).isEqualTo("requestedCancellationDate");
        assertThat(scheduled.json().at("/violations/0/message").asString()).contains("takes effect at once");
        assertThat(setup.buyer().get(TestOrders.ORDERS + "/" + setup.orderId()).json().get("state").asString())
                .as("a refused cancellation changes nothing").isEqualTo("inProgress");

        TestHttp.Response cancel = setup.buyer().post(TestOrders.CANCELS, """
                {"productOrder": {"id": "%s"}, "cancellationReason": "customer changed their mind",
                 "requestedCancellationDate": "2020-01-01T00:00:00Z"}""".formatted(setup.orderId()));

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(201);
        String cancelId = cancel.json().get("id").asString();
        assertThat(cancel.header("Location")).isEqualTo(TestOrders.CANCELS + "/" + cancelId);
        assertThat(cancel.json().get("state").asString()).isEqualTo("inProgress");
        assertThat(cancel.json().get("requestedCancellationDate").asString()).isEqualTo("2020-01-01T00:00:00Z");
        JsonNode cancelled = orders.awaitState(setup.buyer(), setup.orderId(), "cancelled");
        assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("customer changed their mind");
        assertThat(cancelled.at("/productOrderItem/0/state").asString()).isEqualTo("cancelled");
        assertThat(partners.received(setup.owner()).getLast().get("action").asString()).isEqualTo("DEACTIVATE");
        assertThat(orders.items(setup.block(), "AVAILABLE")).isEqualTo(3);
        JsonNode done = setup.buyer().get(TestOrders.CANCELS + "/" + cancelId).json();
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("requestedCancellationDate").asString()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(setup.buyer().get(TestOrders.CANCELS + "?state=done").json().findValuesAsString("id"))
                .contains(cancelId);
        TestHttp.Response bogus = setup.buyer().get(TestOrders.CANCELS + "?state=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().path("detail").asString()).contains("'bogus'").contains("inProgress");
        OrderFailed event = JSON.readValue(orders.outbox(setup.orderId()).getFirst()[1], OrderFailed.class);
        assertThat(event.state()).isEqualTo("cancelled");
        assertThat(event.reason()).contains("customer changed their mind");

        TestHttp.Response again = setup.buyer().post(TestOrders.CANCELS, """
                {"productOrder": {"id": "%s"}, "cancellationReason": "again"}""".formatted(setup.orderId()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("cancelled");
        assertThat(orders.partnerAdmin(orders.activePartner()).get(TestOrders.CANCELS + "/" + cancelId).status())
                .as("another partner's cancellation").isEqualTo(404);
    }

    @Test
    void aCompletedOrderIsPastThePointOfNoReturn() {
        Setup setup = ordered(new PartnerWebhooks.Answer(200, "{\"status\":\"ACTIVATED\"}"));
        orders.awaitState(setup.buyer(), setup.orderId(), "completed");

        TestHttp.Response refused = setup.buyer().post(TestOrders.CANCELS, """
                {"productOrder": {"id": "%s"}, "cancellationReason": "too late"}""".formatted(setup.orderId()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("completed");
        TestHttp.Response reasonless = setup.buyer().post(TestOrders.CANCELS, "{\"productOrder\": {\"id\": \""
                + setup.orderId() + "\"}, \"cancellationReason\": \" \"}");
        assertThat(reasonless.status()).as("the reason is mandatory").isEqualTo(400);
        assertThat(reasonless.json().at("/violations/0/field").asString()).isEqualTo("cancellationReason");
        assertThat(reasonless.json().at("/violations/0/message").asString()).as("saying why")
                .contains("stateReason", "OrderFailed");
        assertThat(setup.buyer().post(TestOrders.CANCELS, """
                {"productOrder": {"id": "nonsense"}, "cancellationReason": "x"}""").status()).isEqualTo(404);
    }

    private StepView awaitActivation(String orderId, StepState state) {
        await().atMost(TestOrders.PATIENCE).until(() -> activation(orderId).map(StepView::state).orElse(null)
                == state);
        return activation(orderId).orElseThrow();
    }

    private java.util.Optional<StepView> activation(String orderId) {
        List<SagaView> found = sagas.findByReference("productOrder/" + orderId + "/1");
        return found.isEmpty() ? java.util.Optional.empty() : found.getFirst().steps().stream()
                .filter(step -> step.type().equals("ACTIVATE_AT_PARTNER")).findFirst();
    }
}
