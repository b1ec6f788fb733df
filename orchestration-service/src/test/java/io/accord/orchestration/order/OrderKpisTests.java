package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The order KPIs over real orders: three that complete and one that falls out, moved into a quiet window. */
@AccordServiceTest
class OrderKpisTests {

    private static final String KPIS = "/api/orchestration/admin/kpis";

    private final TestOrders orders;
    private final JdbcClient jdbc;

    OrderKpisTests(@LocalServerPort int port, SellableOfferings offerings, JdbcClient jdbc) {
        this.orders = new TestOrders(port, offerings, jdbc);
        this.jdbc = jdbc;
    }

    @Test
    void countsVolumePerDayAndStateTheFalloutRateAndTheTimeToActivation() {
        String owner = orders.activePartner();
        String reseller = orders.activePartner();
        String plain = orders.offering(owner, List.of(), false, List.of(reseller));
        orders.imsiPool(owner, 1);
        String scarce = orders.offering(owner, List.of("IMSI"), false, List.of(reseller));
        TestHttp buyer = orders.partnerAdmin(reseller);
        long[] activationSeconds = {60, 120, 600};
        Instant day = Instant.parse("2001-05-01T10:00:00Z");
        for (long seconds : activationSeconds) {
            String id = place(buyer, TestOrders.order("customer-kpi", null, plain));
            orders.awaitState(buyer, id, "completed");
            move(id, day, day.plusSeconds(seconds));
        }
        String failed = place(buyer, TestOrders.order("customer-kpi", null, scarce)
                .replace("\"quantity\": 1", "\"quantity\": 2"));
        orders.awaitState(buyer, failed, "failed");
        move(failed, day.plusSeconds(86_400), null);

        TestHttp.Response answer = orders.staff(Roles.OPS).get(KPIS + "?from=2001-05-01&to=2001-05-04");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode kpis = answer.json();
        assertThat(kpis.get("orders").asLong()).isEqualTo(4);
        assertThat(kpis.get("ordersByState").get("COMPLETED").asLong()).isEqualTo(3);
        assertThat(kpis.get("ordersByState").get("FAILED").asLong()).isEqualTo(1);
        assertThat(kpis.get("ordersByState").get("CANCELLED").asLong()).isZero();
        JsonNode days = kpis.get("volumeByDay");
        assertThat(days).hasSize(3);
        assertThat(days.get(0).get("day").asString()).isEqualTo("2001-05-01");
        assertThat(days.get(0).get("total").asLong()).isEqualTo(3);
        assertThat(days.get(1).get("byState").get("FAILED").asLong()).isEqualTo(1);
        assertThat(days.get(2).get("total").asLong()).isZero();
        assertThat(kpis.get("fallout").get("finished").asLong()).isEqualTo(4);
        assertThat(kpis.get("fallout").get("rate").decimalValue()).isEqualByComparingTo("0.25");
        JsonNode activation = kpis.get("orderToActivation");
        assertThat(activation.get("count").asLong()).isEqualTo(3);
        assertThat(activation.get("medianSeconds").asDouble()).isEqualTo(120.0);
        assertThat(activation.get("p90Seconds").asDouble()).isEqualTo(504.0); // 120 + 0.8 x (600 - 120)
        assertThat(activation.get("maxSeconds").asDouble()).isEqualTo(600.0);
    }

    @Test
    void anEmptyWindowHasNoRateAndPartnersAndBadWindowsAreRefused() {
        JsonNode empty = orders.staff(Roles.AUDITOR).get(KPIS + "?from=1990-01-01&to=1990-01-08").json();
        TestHttp.Response bad = orders.staff(Roles.OPS).get(KPIS + "?from=2001-05-04&to=2001-05-01");

        assertThat(empty.get("volumeByDay")).hasSize(7);
        assertThat(empty.get("fallout").get("rate").isNull()).isTrue();
        assertThat(empty.get("orderToActivation").get("medianSeconds").isNull()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("violations").get(0).get("field").asString()).isEqualTo("to");
        assertThat(orders.partnerAdmin(orders.activePartner()).get(KPIS).status()).isEqualTo(403);
    }

    private static String place(TestHttp buyer, String body) {
        TestHttp.Response created = buyer.post(TestOrders.ORDERS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void move(String orderId, Instant placed, Instant completed) {
        jdbc.sql("update product_order set created_at = :placed, order_date = :placed, completion_date = :completed"
                        + " where id = :id")
                .param("placed", placed.atOffset(ZoneOffset.UTC))
                .param("completed", completed == null ? null : completed.atOffset(ZoneOffset.UTC))
                .param("id", UUID.fromString(orderId)).update();
    }
}
