package io.accord.settlement.product;

import io.accord.contracts.Topics;
import io.accord.settlement.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The partners' products with their locked charges, from order.events.v1, in each product's order. */
@AccordServiceTest
class ProductReadModelTests {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    private final PartnerProducts products;

    ProductReadModelTests(PartnerProducts products) {
        this.products = products;
    }

    @Test
    void keepsTheNewestInstanceWhenATerminationOvertakesTheActivation() {
        String owner = UUID.randomUUID().toString();
        String productId = "prod-" + UUID.randomUUID();
        String start = "2026-03-10T12:00:00Z";
        product("ProductTerminated", owner, productId, "TERMINATED", start, "2026-03-20T00:00:00Z", 2L);
        product("ProductActivated", owner, productId, "ACTIVE", start, null, 1L);
        // a later order completion carrying an older view of it adds nothing
        order(owner, productId, start);
        String marker = "prod-" + UUID.randomUUID();
        product("ProductActivated", owner, marker, "ACTIVE", "2026-03-01T00:00:00Z", null, 1L);

        await().atMost(Duration.ofSeconds(30)).until(() -> products.activeBetween(UUID.fromString(owner), MARCH, APRIL)
                .stream().anyMatch(product -> product.productId().equals(marker)));

        PartnerProducts.Product held = products.activeBetween(UUID.fromString(owner), MARCH, APRIL).stream()
                .filter(product -> product.productId().equals(productId)).findFirst().orElseThrow();
        assertThat(held.status()).isEqualTo("TERMINATED");
        assertThat(held.startAt()).isEqualTo(Instant.parse(start));
        assertThat(held.endAt()).isEqualTo(Instant.parse("2026-03-20T00:00:00Z"));
        assertThat(held.recurringCharges()).singleElement().satisfies(charge -> {
            assertThat(charge.amount()).isEqualTo("9.990000");
            assertThat(charge.proration()).isEqualTo("DAILY");
            assertThat(charge.period()).isEqualTo("MONTH");
        });
        assertThat(held.oneTimeCharges()).singleElement().satisfies(charge ->
                assertThat(charge.amount()).isEqualTo("25.000000"));
        assertThat(products.activeBetween(UUID.fromString(owner), APRIL, Instant.parse("2026-05-01T00:00:00Z"))
                .stream().map(PartnerProducts.Product::productId)).doesNotContain(productId).contains(marker);
        assertThat(products.startedBetween(UUID.fromString(owner), MARCH, APRIL))
                .extracting(PartnerProducts.Product::productId).containsExactly(marker, productId);
    }

    @Test
    void anOrderCompletionAddsAProductNotYetKnownAndTheBuyerSeesIt() {
        String owner = UUID.randomUUID().toString();
        String productId = "prod-" + UUID.randomUUID();

        order(owner, productId, "2026-03-05T00:00:00Z");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !products.activeBetween(UUID.fromString(owner), MARCH, APRIL).isEmpty());
        assertThat(products.activeBetween(UUID.fromString(owner), MARCH, APRIL)).singleElement()
                .satisfies(product -> {
                    assertThat(product.productId()).isEqualTo(productId);
                    assertThat(product.offeringName()).isEqualTo("Stream Plus");
                    assertThat(product.customerId()).isEqualTo("cust-42");
                });
    }

    private static void product(String type, String owner, String productId, String status, String start,
                                String end, long sequence) {
        SettlementFixtures.send(Topics.ORDER_EVENTS, productId, type, owner, sequence, """
                {"eventId":"%s","occurredAt":"2026-03-10T12:00:00Z","partnerId":"%s","effectiveAt":"%s",
                 "reason":"test","changes":["status"],"product":%s}
                """.formatted(UUID.randomUUID(), owner, start, details(owner, productId, status, start, end)));
    }

    private static void order(String owner, String productId, String start) {
        String orderId = "ord-" + UUID.randomUUID();
        SettlementFixtures.send(Topics.ORDER_EVENTS, orderId, "OrderCompleted", owner, 1L, """
                {"eventId":"%s","occurredAt":"%s","orderId":"%s","partnerId":null,"salesChannel":"web",
                 "customerId":"cust-42","quoteId":null,"state":"completed","completedAt":"%s","items":[],
                 "products":[%s]}
                """.formatted(UUID.randomUUID(), start, orderId, start,
                details(owner, productId, "ACTIVE", start, null)));
    }

    private static String details(String owner, String productId, String status, String start, String end) {
        return """
                {"productId":"%s","orderId":"ord-1","offeringId":"off-1","offeringVersion":1,
                 "offeringName":"Stream Plus","ownerPartnerId":"%s","categoryCode":"video","bundleProductId":null,
                 "buyerPartnerId":null,"salesChannel":"web","customerId":"cust-42",
                 "identifiers":[{"type":"MSISDN","value":"+4915112345678"}],"characteristics":{},"participants":[],
                 "usagePriceIds":["usage"],
                 "charges":[{"offeringId":"off-1","priceId":"monthly","priceVersionId":"pv-1","type":"RECURRING",
                             "period":"MONTH","proration":"DAILY","amount":"9.990000","currency":"EUR"},
                            {"offeringId":"off-1","priceId":"setup","priceVersionId":"pv-2","type":"ONE_TIME",
                             "period":null,"proration":null,"amount":"25.000000","currency":"EUR"}],
                 "status":"%s","startAt":"%s","endAt":%s}
                """.formatted(productId, owner, status, start, end == null ? "null" : "\"" + end + "\"");
    }
}
