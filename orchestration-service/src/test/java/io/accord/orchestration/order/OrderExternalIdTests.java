package io.accord.orchestration.order;

import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An externalId names one order of its buyer: a re-sent order does not place the products twice. */
@AccordServiceTest
class OrderExternalIdTests {

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;
    private TestOrders orders;

    OrderExternalIdTests(SellableOfferings offerings, JdbcClient jdbc) {
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void helpers() {
        orders = new TestOrders(port, offerings, jdbc);
    }

    @Test
    void aResentOrderIsRefusedNamingTheFirstButAnotherBuyerMayUseTheSameExternalId() {
        String offering = orders.offering(null, List.of(), false);
        String buyerPartner = orders.activePartner();
        TestHttp buyer = orders.partnerAdmin(buyerPartner);
        String externalId = "LEG-SUB-" + UUID.randomUUID();
        String first = place(buyer, order(externalId, offering));
        orders.awaitState(buyer, first, "completed");

        TestHttp.Response again = buyer.post(TestOrders.ORDERS, order(externalId, offering));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(first, "(completed)", "'" + externalId + "'");
        assertThat(placed(externalId)).as("nothing placed twice").isEqualTo(1);
        TestHttp other = orders.partnerAdmin(orders.activePartner());
        TestHttp.Response elsewhere = other.post(TestOrders.ORDERS, order(externalId, offering));
        assertThat(elsewhere.status()).as("another partner's orders do not count, nor are they revealed")
                .isEqualTo(201);
        TestHttp.Response otherAgain = other.post(TestOrders.ORDERS, order(externalId, offering));
        assertThat(otherAgain.status()).isEqualTo(409);
        assertThat(otherAgain.json().get("detail").asString()).contains(elsewhere.json().get("id").asString())
                .doesNotContain(first);
        assertThat(buyer.post(TestOrders.ORDERS, order("LEG-SUB-" + UUID.randomUUID(), offering)).status())
                .as("another externalId is another order").isEqualTo(201);
        assertThat(buyer.post(TestOrders.ORDERS, TestOrders.order("customer-ext", null, offering)).status())
                .as("orders without externalId are never compared").isEqualTo(201);
        assertThat(buyer.post(TestOrders.ORDERS, TestOrders.order("customer-ext", null, offering)).status())
                .isEqualTo(201);
    }

    @Test
    void aFailedOrdersExternalIdMayBeOrderedAgain() {
        String owner = orders.activePartner();
        orders.imsiPool(owner, 1);
        String reseller = orders.activePartner();
        String scarce = orders.offering(owner, List.of("IMSI"), false, List.of(reseller));
        String plain = orders.offering(owner, List.of(), false, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);
        String externalId = "LEG-SUB-" + UUID.randomUUID();
        String failed = place(buyer, order(externalId, scarce).replace("\"quantity\": 1", "\"quantity\": 2"));
        orders.awaitState(buyer, failed, "failed");

        TestHttp.Response retried = buyer.post(TestOrders.ORDERS, order(externalId, plain));

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(placed(externalId)).isEqualTo(2);
    }

    @Test
    void anOpenOrderCannotTakeAnotherOrdersExternalIdByPatch() {
        String owner = orders.activePartner();
        String reseller = orders.activePartner();
        // a partner system that cannot be reached (retried with backoff) keeps the second order open
        String activated = orders.offering(owner, List.of(), true, List.of(reseller));
        String plain = orders.offering(owner, List.of(), false, List.of(reseller));
        orders.registerWebhook(owner, "http://127.0.0.1:9/never");
        TestHttp buyer = orders.partnerAdmin(reseller);
        String externalId = "LEG-SUB-" + UUID.randomUUID();
        String first = place(buyer, order(externalId, plain));
        String open = place(buyer, order(externalId + "-2", activated));

        TestHttp.Response taken = buyer.send("PATCH", TestOrders.ORDERS + "/" + open,
                "{\"externalId\": \"" + externalId + "\"}", TestOrders.PATCH);
        TestHttp.Response kept = buyer.send("PATCH", TestOrders.ORDERS + "/" + open,
                "{\"externalId\": \"" + externalId + "-2\", \"description\": \"kept\"}", TestOrders.PATCH);

        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).contains(first);
        assertThat(kept.status()).as("its own externalId sent back is no conflict: " + kept.body()).isEqualTo(200);
        assertThat(buyer.get(TestOrders.ORDERS + "/" + open).json().get("externalId").asString())
                .isEqualTo(externalId + "-2");
    }

    private static String order(String externalId, String offering) {
        return TestOrders.order("customer-ext", null, offering)
                .replace("\"relatedParty\"", "\"externalId\": \"" + externalId + "\", \"relatedParty\"");
    }

    private static String place(TestHttp buyer, String body) {
        TestHttp.Response created = buyer.post(TestOrders.ORDERS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private long placed(String externalId) {
        return jdbc.sql("select count(*) from product_order where external_id = :id").param("id", externalId)
                .query(Long.class).single();
    }
}
