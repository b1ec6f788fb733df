package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.contracts.events.OrderCompleted;
import io.accord.contracts.events.OrderFailed;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductTerminated;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.saga.SagaState;
import io.accord.orchestration.saga.Sagas;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Quote → acceptance → order → item sagas → product instances and events, with AUTO activation. */
@AccordServiceTest
class OrderFulfilmentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final Products products;
    private final Sagas sagas;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OrderPlacement placement;
    private TestOrders orders;

    OrderFulfilmentTests(SellableOfferings offerings, Products products, Sagas sagas, JdbcClient jdbc,
                         TransactionTemplate transactions, OrderPlacement placement) {
        this.placement = placement;
        this.offerings = offerings;
        this.products = products;
        this.sagas = sagas;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @BeforeEach
    void helpers() {
        orders = new TestOrders(port, offerings, jdbc);
    }

    @Test
    void anAutoItemsSagaWritesItsOrderOnceYetAuditsItsStartAndItsEnd() {
        String owner = orders.activePartner();
        orders.msisdnPool(owner, 5);
        String reseller = orders.activePartner();
        String offering = orders.offering(owner, List.of("MSISDN"), true, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);

        String orderId = orders.acceptedQuote(buyer, offering, 1);

        orders.awaitState(buyer, orderId, "completed");
        assertThat(jdbc.sql("select version from product_order where id = :id")
                .param("id", UUID.fromString(orderId)).query(Long.class).single())
                .as("inserted, then written once by its item's saga (one runner transaction)").isEqualTo(1L);
        assertThat(jdbc.sql("""
                        select action from audit_event where resource_type = 'productOrder' and resource_id = :id
                        order by id""").param("id", orderId).query(String.class).list())
                .containsSubsequence("started", "itemCompleted");
    }

    @Test
    void anAcceptedQuoteBecomesAnOrderThatCompletesWithAnActiveProductAndItsEvents() {
        String owner = orders.activePartner();
        String block = orders.msisdnPool(owner, 5);
        String reseller = orders.activePartner();
        String offering = orders.offering(owner, List.of("MSISDN"), true, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);

        String orderId = orders.acceptedQuote(buyer, offering, 1);

        JsonNode order = orders.awaitState(buyer, orderId, "completed");
        assertThat(order.at("/quote/0/id").asString()).isNotBlank();
        assertThat(order.at("/productOrderItem/0/state").asString()).isEqualTo("completed");
        assertThat(order.get("completionDate").isNull()).isFalse();
        UUID productId = UUID.fromString(order.at("/productOrderItem/0/product/id").asString());
        var product = products.find(productId).orElseThrow();
        assertThat(product.state()).isEqualTo(ProductState.ACTIVE);
        assertThat(product.buyerPartnerId()).isEqualTo(UUID.fromString(reseller));
        assertThat(product.identifiers()).anyMatch(id -> id.type().equals("MSISDN") && id.value().startsWith(block))
                .anyMatch(id -> id.type().equals("ACCOUNT_ID") && id.value().equals("customer-q"));
        assertThat(product.charges()).extracting(c -> c.type() + " " + c.amount() + " " + c.priceId())
                .containsExactlyInAnyOrder("RECURRING 19.990000 monthly", "ONE_TIME 49.000000 setup");
        assertThat(orders.items(block, "ALLOCATED")).isEqualTo(1);

        List<String[]> orderEvents = orders.outbox(orderId);
        assertThat(orderEvents).extracting(e -> e[0]).containsExactly("OrderCompleted");
        OrderCompleted completed = JSON.readValue(orderEvents.getFirst()[1], OrderCompleted.class);
        assertThat(completed.state()).isEqualTo("completed");
        assertThat(completed.partnerId()).isEqualTo(reseller);
        assertThat(completed.quoteId()).isEqualTo(order.at("/quote/0/id").asString());
        assertThat(completed.items()).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo("completed");
            assertThat(item.productId()).isEqualTo(productId.toString());
        });
        assertThat(completed.products()).singleElement().satisfies(details ->
                assertThat(details.status()).isEqualTo("ACTIVE"));
        List<String[]> productEvents = orders.outbox(productId.toString());
        assertThat(productEvents).extracting(e -> e[0]).contains("ProductActivated");
        ProductActivated activated = JSON.readValue(productEvents.stream().filter(e -> e[0]
                .equals("ProductActivated")).findFirst().orElseThrow()[1], ProductActivated.class);
        assertThat(activated.product().orderId()).isEqualTo(orderId);
    }

    @Test
    void aQuoteForMoreUnitsThanAnItemTakesQuotedBeforeTheLimitIsApprovedButNotAcceptedAndStaysApproved() {
        String owner = orders.activePartner();
        String reseller = orders.activePartner();
        String offering = orders.offering(owner, List.of(), false, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);
        String quote = buyer.post(TestOrders.QUOTES, """
                {"relatedParty": [{"id": "customer-big", "role": "Customer"}],
                 "quoteItem": [{"id": "1", "quantity": 100, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 10}]}}]}
                """.formatted(offering)).json().get("id").asString();
        // quoted when quote items took up to 10,000 units (an offering without resources: no other limit)
        jdbc.sql("update quote set items = jsonb_set(items, '{0,quantity}', '101') where id = :id")
                .param("id", UUID.fromString(quote)).update();
        TestHttp.Response approved = buyer.send("PATCH", TestOrders.QUOTES + "/" + quote,
                "{\"state\": \"approved\"}", TestOrders.PATCH);
        assertThat(approved.status()).as("moving its state does not re-check the items: " + approved.body())
                .isEqualTo(200);

        TestHttp.Response refused = buyer.send("PATCH", TestOrders.QUOTES + "/" + quote,
                "{\"state\": \"accepted\"}", TestOrders.PATCH);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("quantity 101", "at most 100 units");
        assertThat(buyer.get(TestOrders.QUOTES + "/" + quote).json().get("state").asString()).isEqualTo("approved");
        assertThat(jdbc.sql("select count(*) from product_order where quote_id = :q")
                .param("q", UUID.fromString(quote)).query(Long.class).single()).isZero();
    }

    @Test
    void outOfStockFailsTheItemWithTheReasonAndGivesBackWhatWasReserved() {
        String owner = orders.activePartner();
        orders.imsiPool(owner, 1);
        String reseller = orders.activePartner();
        String offering = orders.offering(owner, List.of("IMSI"), false, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);

        TestHttp.Response created = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-oos", null, offering)
                .replace("\"quantity\": 1", "\"quantity\": 2"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().get("id").asString();
        JsonNode failed = orders.awaitState(buyer, orderId, "failed");
        JsonNode item = failed.at("/productOrderItem/0");
        assertThat(item.get("state").asString()).isEqualTo("failed");
        assertThat(item.get("failedStep").asString()).isEqualTo("RESERVE_RESOURCE");
        assertThat(item.get("stateReason").asString()).contains("No IMSI is available");
        assertThat(failed.get("stateReason").asString()).contains("No IMSI is available");
        UUID productId = UUID.fromString(item.at("/product/id").asString());
        assertThat(products.find(productId).orElseThrow().state()).isEqualTo(ProductState.CANCELLED);
        assertThat(jdbc.sql("select count(*) from inventory_item where order_ref like :ref")
                .param("ref", productId + "%").query(Long.class).single()).as("the one reserved is back").isZero();
        OrderFailed event = JSON.readValue(orders.outbox(orderId).getFirst()[1], OrderFailed.class);
        assertThat(event.state()).isEqualTo("failed");
        assertThat(event.reason()).contains("No IMSI is available");
        assertThat(event.items().getFirst().failedStep()).isEqualTo("RESERVE_RESOURCE");
    }

    @Test
    void anItemSagaLeftRunningByACrashedRunnerResumesAndTheOrderCompletes() {
        String offering = orders.offering(null, List.of(), false);
        Instant leaseEnd = Instant.now().plusSeconds(2);
        ProductOrder placed = transactions.execute(status -> {
            ProductOrder order = placement.place(new OrderParties("customer-crash", null, null, "web-shop"), null,
                    "tester", null, List.of(new OrderPlacement.Placed("1", OrderAction.ADD, 1, offering, null,
                            Map.of("dataVolumeGb", "5"), List.of())));
            // what a runner that died inside the first step's handler leaves behind
            jdbc.sql("update saga set lease_token = :token, lease_until = :until where id = :id")
                    .param("token", UUID.randomUUID()).param("until", leaseEnd.atOffset(ZoneOffset.UTC))
                    .param("id", order.items.getFirst().sagaId()).update();
            jdbc.sql("update saga_step set state = 'RUNNING', attempts = 1 where saga_id = :id and position = 0")
                    .param("id", order.items.getFirst().sagaId()).update();
            return order;
        });
        TestHttp staff = orders.staff(Roles.OPS);

        JsonNode completed = orders.awaitState(staff, placed.id.toString(), "completed");

        assertThat(completed.at("/relatedParty/1/role").asString()).isEqualTo("SalesChannel");
        var saga = sagas.find(placed.items.getFirst().sagaId()).orElseThrow();
        assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(saga.steps().getFirst().attempts()).as("resumed as a new attempt").isEqualTo(2);
        assertThat(saga.updatedAt()).isAfterOrEqualTo(leaseEnd);
    }

    @Test
    void itemsOfOneOrderEndingAtTheSameTimeAllCountAndTheOrderCompletesPromptly() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp buyer = orders.partnerAdmin(orders.activePartner());
        String[] eight = java.util.Collections.nCopies(8, offering).toArray(String[]::new);

        // a lock taken in opposite orders by two item sagas would stall one for a whole lease (minutes)
        List<String> ids = java.util.stream.IntStream.range(0, 3).parallel()
                .mapToObj(n -> buyer.post(TestOrders.ORDERS, TestOrders.order("customer-many-" + n, null, eight)))
                .map(created -> created.json().get("id").asString()).toList();

        for (String id : ids) {
            JsonNode order = orders.awaitState(buyer, id, "completed");
            assertThat(order.get("productOrderItem").valueStream().map(item -> item.get("state").asString()))
                    .hasSize(8).containsOnly("completed");
            assertThat(orders.outbox(id)).extracting(event -> event[0]).containsExactly("OrderCompleted");
        }
    }

    @Test
    void opsCannotPutANumberOfALiveProductBackInThePoolUntilTheProductEnds() {
        String owner = orders.activePartner();
        String block = orders.msisdnPool(owner, 2);
        String offering = orders.offering(owner, List.of("MSISDN"), false);
        TestHttp buyer = orders.partnerAdmin(owner);
        String orderId = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-rel", null, offering, offering))
                .json().get("id").asString();
        JsonNode order = orders.awaitState(buyer, orderId, "completed");
        String released = order.at("/productOrderItem/0/product/id").asString();
        String quarantined = order.at("/productOrderItem/1/product/id").asString();
        TestHttp ops = orders.staff(Roles.OPS);

        TestHttp.Response refused = ops.post(item(released) + "/release", "{\"reason\": \"customer left\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains(released, "active", "delete product order");
        TestHttp.Response stolen = ops.post(item(quarantined) + "/quarantine", "{\"reason\": \"SIM stolen\"}");
        assertThat(stolen.status()).as("its cooling-off would free it: " + stolen.body()).isEqualTo(409);
        assertThat(stolen.body()).contains(quarantined);
        // as an item quarantined by hand before that was refused
        jdbc.sql("update inventory_item set state = 'QUARANTINED', quarantined_until = now() + interval '1 day'"
                + " where product_instance_ref = :product").param("product", quarantined).update();
        TestHttp.Response notReturned = ops.post(item(quarantined) + "/return-to-pool",
                "{\"reason\": \"case closed\"}");
        assertThat(notReturned.status()).as(notReturned.body()).isEqualTo(409);
        assertThat(notReturned.body()).contains(quarantined);
        assertThat(orders.items(block, "AVAILABLE")).as("no second subscriber gets them").isZero();

        for (String product : List.of(released, quarantined)) {
            TestHttp.Response terminated = ops.send("PATCH", "/tmf-api/productInventory/v4/product/" + product,
                    "{\"status\": \"terminated\"}", TestOrders.PATCH);
            assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        }
        assertThat(orders.items(block, "QUARANTINED")).as("ending the products released their numbers").isEqualTo(2);
        TestHttp.Response returned = ops.post(item(quarantined) + "/return-to-pool", "{\"reason\": \"closed\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(orders.items(block, "AVAILABLE")).isEqualTo(1);
    }

    @Test
    void everyWayAProductEndsReleasesItsNumberAndTellsRatingAsADeleteOrderDoes() {
        String owner = orders.activePartner();
        String block = orders.msisdnPool(owner, 3);
        String offering = orders.offering(owner, List.of("MSISDN"), false);
        TestHttp buyer = orders.partnerAdmin(owner);
        String orderId = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-end", null, offering, offering,
                offering)).json().get("id").asString();
        JsonNode order = orders.awaitState(buyer, orderId, "completed");
        UUID deleted = UUID.fromString(order.at("/productOrderItem/0/product/id").asString());
        UUID patched = UUID.fromString(order.at("/productOrderItem/1/product/id").asString());
        UUID suspended = UUID.fromString(order.at("/productOrderItem/2/product/id").asString());
        TestHttp ops = orders.staff(Roles.OPS);

        transactions.executeWithoutResult(rolledBack -> {
            products.terminate(patched, "rolled back", Instant.now());
            rolledBack.setRollbackOnly();
        });
        assertThat(products.find(patched).orElseThrow().state()).isEqualTo(ProductState.ACTIVE);
        assertThat(orders.items(block, "ALLOCATED")).as("the release rolls back with the end").isEqualTo(3);

        TestHttp.Response delete = buyer.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-end", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete", "product": {"id": "%s"}}]}"""
                .formatted(deleted));
        assertThat(delete.status()).as(delete.body()).isEqualTo(201);
        orders.awaitState(buyer, delete.json().get("id").asString(), "completed");
        patch(ops, patched, "{\"status\": \"terminated\", \"statusReason\": \"S62 moved abroad\"}");
        patch(ops, suspended, "{\"status\": \"suspended\"}");
        patch(ops, suspended, "{\"status\": \"terminated\"}");

        assertThat(orders.items(block, "QUARANTINED")).isEqualTo(3);
        for (UUID product : List.of(deleted, patched, suspended)) {
            Map<String, Object> item = jdbc.sql("""
                            select value, state, quarantined_until, updated_at from inventory_item
                            where product_instance_ref = :product""").param("product", product.toString())
                    .query().singleRow();
            assertThat(item.get("state")).as(product + "'s number").isEqualTo("QUARANTINED");
            assertThat(((java.sql.Timestamp) item.get("quarantined_until")).toInstant())
                    .as("the MSISDN's 90 days of cooling-off, whichever way the product ended")
                    .isEqualTo(((java.sql.Timestamp) item.get("updated_at")).toInstant().plus(java.time.Duration
                            .ofDays(90)));
            Map<String, Object> released = jdbc.sql("""
                            select h.actor, h.reference from inventory_item_history h join inventory_item i
                            on i.id = h.item_id where i.product_instance_ref = :product and h.action = 'RELEASED'""")
                    .param("product", product.toString()).query().singleRow();
            assertThat((String) released.get("reference")).contains(product.toString());
            assertThat(released.get("actor")).as("the release is in the history under who ended the product")
                    .isEqualTo(jdbc.sql("""
                                    select actor from audit_event where resource_type = 'product'
                                    and resource_id = :product and action = 'terminated'""")
                            .param("product", product.toString()).query(String.class).single());

            List<String[]> events = orders.outbox(product.toString());
            assertThat(events).extracting(event -> event[0]).filteredOn("ProductTerminated"::equals).hasSize(1);
            ProductTerminated terminated = JSON.readValue(events.getLast()[1], ProductTerminated.class);
            assertThat(events.getLast()[0]).isEqualTo("ProductTerminated");
            assertThat(terminated.product()).as("rating and settlement learn the same end")
                    .isEqualTo(products.details(product));
            assertThat(terminated.product().status()).isEqualTo("TERMINATED");
            assertThat(terminated.effectiveAt()).isEqualTo(terminated.product().endAt()).isNotNull();
            assertThat(terminated.product().identifiers()).anyMatch(id -> id.type().equals("MSISDN")
                    && id.value().equals(item.get("value")));
        }
        assertThat(jdbc.sql("select reference from inventory_item_history h join inventory_item i on i.id = h.item_id"
                        + " where i.product_instance_ref = :product and h.action = 'RELEASED'")
                .param("product", patched.toString()).query(String.class).single()).contains("S62 moved abroad");
    }

    private static void patch(TestHttp ops, UUID product, String body) {
        TestHttp.Response patched = ops.send("PATCH", "/tmf-api/productInventory/v4/product/" + product, body,
                TestOrders.PATCH);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    /** The inventory API path of the item allocated to the product. */
    private String item(String productId) {
        return jdbc.sql("""
                        select '/api/orchestration/inventory/pools/' || pool_id || '/items/' || id from inventory_item
                        where product_instance_ref = :product""").param("product", productId).query(String.class)
                .single();
    }

    @Test
    void aCompletedProductIsModifiedAndDeletedByLaterOrders() {
        String owner = orders.activePartner();
        String block = orders.msisdnPool(owner, 3);
        String reseller = orders.activePartner();
        String offering = orders.offering(owner, List.of("MSISDN"), false, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);
        String first = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-md", null, offering)).json()
                .get("id").asString();
        String productId = orders.awaitState(buyer, first, "completed").at("/productOrderItem/0/product/id")
                .asString();

        String modification = """
                {"relatedParty": [{"id": "customer-md", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "modify", "product": {"id": "%s",
                   "productCharacteristic": [{"name": "dataVolumeGb", "value": %d}]}}]}""";
        TestHttp.Response badModify = buyer.post(TestOrders.ORDERS, modification.formatted(productId, 500));
        assertThat(badModify.status()).as(badModify.body()).isEqualTo(400);
        assertThat(badModify.json().at("/violations/0/field").asString())
                .isEqualTo("productOrderItem[0].product.productCharacteristic[0]");
        TestHttp.Response modify = buyer.post(TestOrders.ORDERS, modification.formatted(productId, 50));
        assertThat(modify.status()).as(modify.body()).isEqualTo(201);
        orders.awaitState(buyer, modify.json().get("id").asString(), "completed");
        assertThat(products.find(UUID.fromString(productId)).orElseThrow().characteristics())
                .containsEntry("dataVolumeGb", "50");

        TestHttp.Response delete = buyer.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-md", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete", "product": {"id": "%s"}}]}"""
                .formatted(productId));
        assertThat(delete.status()).as(delete.body()).isEqualTo(201);
        orders.awaitState(buyer, delete.json().get("id").asString(), "completed");
        assertThat(products.find(UUID.fromString(productId)).orElseThrow().state())
                .isEqualTo(ProductState.TERMINATED);
        assertThat(orders.items(block, "QUARANTINED")).as("the MSISDN cools off").isEqualTo(1);
        assertThat(orders.outbox(productId).stream().map(e -> e[0]))
                .containsSubsequence("ProductActivated", "ProductModified", "ProductTerminated");

        TestHttp.Response again = buyer.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-md", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete", "product": {"id": "%s"}}]}"""
                .formatted(productId));
        assertThat(again.status()).as("a terminated product is not deleted twice").isEqualTo(409);
        TestHttp.Response stranger = orders.partnerAdmin(orders.activePartner()).post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-md", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "modify", "product": {"id": "%s"}}]}"""
                .formatted(productId));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("productOrderItem[0].product.id");
    }
}
