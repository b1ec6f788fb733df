package io.accord.orchestration.order;

import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** TMF622 hub notifications: to the buyer's subscriptions only, and only on the product ordering hub. */
@AccordServiceTest
class OrderEventsTests {

    private static final String HUB = "/tmf-api/productOrderingManagement/v4/hub";

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;

    OrderEventsTests(SellableOfferings offerings, JdbcClient jdbc) {
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @Test
    void theBuyersSubscriptionHearsOfCreationAndEachStateChange() {
        TestOrders orders = new TestOrders(port, offerings, jdbc);
        String offering = orders.offering(null, List.of(), false);
        TestHttp buyer = orders.partnerAdmin(orders.activePartner());
        TestHttp stranger = orders.partnerAdmin(orders.activePartner());
        String mine = subscribe(buyer, HUB, "?eventType=ProductOrderCreateEvent,ProductOrderStateChangeEvent");
        String theirs = subscribe(stranger, HUB, "");
        String quoteHub = subscribe(buyer, "/tmf-api/quoteManagement/v4/hub", "");

        String id = buyer.post(TestOrders.ORDERS, TestOrders.order("customer-hub", null, offering)).json()
                .get("id").asString();
        orders.awaitState(buyer, id, "completed");

        await().atMost(TestOrders.PATIENCE).until(() -> eventsFor(mine, id).size() == 3);
        assertThat(eventsFor(mine, id)).containsExactly("ProductOrderCreateEvent", "ProductOrderStateChangeEvent",
                "ProductOrderStateChangeEvent");
        assertThat(eventsFor(theirs, id)).isEmpty();
        assertThat(eventsFor(quoteHub, id)).isEmpty();
    }

    private static String subscribe(TestHttp http, String hub, String query) {
        TestHttp.Response registered = http.post(hub, "{\"callback\": \"http://localhost:9/orders\""
                + (query.isEmpty() ? "" : ", \"query\": \"" + query.substring(1) + "\"") + "}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private List<String> eventsFor(String subscription, String orderId) {
        return jdbc.sql("""
                        select e.event_type from hub_delivery d join hub_event e on e.id = d.event_id
                        where d.subscription_id = :subscription and e.payload like :order order by d.seq
                        """)
                .param("subscription", UUID.fromString(subscription)).param("order", "%" + orderId + "%")
                .query(String.class).list();
    }
}
