package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.orchestration.offering.CatalogEvents;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What order tests need, made as users would: offerings through catalog events, partners through partner events,
 * pools through the inventory API (each with a block of numbers no other test uses), quotes and orders through the
 * TMF APIs; the outbox read back.
 */
final class TestOrders {

    static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";
    static final String CANCELS = "/tmf-api/productOrderingManagement/v4/cancelProductOrder";
    static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    static final String PATCH = "application/merge-patch+json";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant PAST = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicLong BLOCKS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;

    TestOrders(int port, SellableOfferings offerings, JdbcClient jdbc) {
        this.port = port;
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    /**
     * A launched offering of {@code owner} ({@code null}: the CSP's): data volume 1–100 (mandatory), 19.99 a month,
     * 49 once, 0.01/MB; its specification needs {@code resourceTypes} and, if asked, activation at the partner.
     */
    String offering(String owner, List<String> resourceTypes, boolean partnerActivation) {
        return offering(owner, resourceTypes, partnerActivation, List.of());
    }

    /**
     * As {@link #offering(String, List, boolean)}, co-created with {@code participants} (10 % each): a partner
     * orders only its own offerings, those it co-created and the CSP's, so a reseller of a partner's offering is
     * one of its participants.
     */
    String offering(String owner, List<String> resourceTypes, boolean partnerActivation, List<String> participants) {
        String id = UUID.randomUUID().toString();
        OfferingLaunched plain = CatalogEvents.launched(id, owner, "SIM only " + id.substring(0, 8), List.of(
                        CatalogEvents.number("dataVolumeGb", "1", "100", true)),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "19.99", PAST, null),
                        CatalogEvents.price("setup", 1, "ONE_TIME", "49", PAST, null),
                        CatalogEvents.price("data", 1, "USAGE", "0.01", PAST, null)));
        CatalogEvents.send(new OfferingLaunched(plain.eventId(), plain.occurredAt(), id, 1, owner,
                plain.externalId(), plain.name(), null, "CONNECTIVITY", plain.salesChannels(), null, null, false, null,
                List.of(), new OfferingLaunched.Specification("spec-" + id, plain.name(),
                plain.specification().characteristics(), resourceTypes, partnerActivation),
                participants.stream().map(partner -> new OfferingLaunched.Participant(partner, "10")).toList(),
                plain.prices()), 1L);
        await().atMost(PATIENCE).until(() -> offerings.find(id).isPresent()
                && offerings.sellability(id, Instant.now()).sellable());
        return id;
    }

    String activePartner() {
        String partner = UUID.randomUUID().toString();
        PartnerEvents.activated(partner, "Partner " + partner.substring(0, 8));
        return partner;
    }

    /** Waits until the partner's activation has reached this service's partner view (staff may name it as Buyer). */
    void awaitKnown(String partner) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from partner_view where id = cast(:id as uuid)"
                + " and legal_name is not null").param("id", partner).query(Long.class).single() == 1);
    }

    /** A pool of the partner holding {@code size} (at most 1000) MSISDNs of a fresh block; returns the block. */
    String msisdnPool(String partner, int size) {
        String block = "+4916" + String.format("%07d", BLOCKS.incrementAndGet());
        fill(pool("MSISDN", partner), block + "000", block + String.format("%03d", size - 1));
        return block;
    }

    /** A pool of the partner holding {@code size} IMSIs (no CSP pool of any test holds IMSIs). */
    void imsiPool(String partner, int size) {
        String block = "26299" + String.format("%07d", BLOCKS.incrementAndGet());
        fill(pool("IMSI", partner), block + "000", block + String.format("%03d", size - 1));
    }

    private String pool(String type, String partner) {
        TestHttp.Response created = ops().post("/api/orchestration/inventory/pools", """
                {"name":"Order test %s pool","resourceType":"%s","partnerId":"%s"}""".formatted(type, type, partner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void fill(String pool, String from, String to) {
        TestHttp.Response generated = ops().post("/api/orchestration/inventory/pools/" + pool + "/ranges",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        assertThat(generated.status()).as(generated.body()).isEqualTo(200);
    }

    /** The item states of the pool's MSISDNs of this block, by state. */
    long items(String valuePrefix, String state) {
        return jdbc.sql("select count(*) from inventory_item where value like :prefix and state = :state")
                .param("prefix", valuePrefix + "%").param("state", state).query(Long.class).single();
    }

    /** Registers the partner's webhook; answers its secret. */
    String registerWebhook(String partner, String url) {
        TestHttp.Response registered = partnerAdmin(partner).post("/api/orchestration/partner-endpoints",
                "{\"mode\": \"WEBHOOK\", \"url\": \"" + url + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("secret").asString();
    }

    /** A direct order body: one add item per offering, characteristics as JSON members. */
    static String order(String customer, String extraParty, String... offerings) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < offerings.length; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"id": "%d", "action": "add", "quantity": 1, "productOffering": {"id": "%s"},
                     "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 20}]}}"""
                    .formatted(i + 1, offerings[i]));
        }
        return """
                {"relatedParty": [{"id": "%s", "role": "Customer"}%s], "productOrderItem": [%s]}"""
                .formatted(customer, extraParty == null ? "" : ", " + extraParty, items);
    }

    /** A quote of the offering by the partner, approved and accepted: answers the order it created. */
    String acceptedQuote(TestHttp buyer, String offering, int quantity) {
        TestHttp.Response quote = buyer.post(QUOTES, """
                {"relatedParty": [{"id": "customer-q", "role": "Customer"}],
                 "quoteItem": [{"id": "1", "action": "add", "quantity": %d, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 10}]}}]}
                """.formatted(quantity, offering));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        String id = quote.json().get("id").asString();
        assertThat(buyer.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH).status())
                .isEqualTo(200);
        TestHttp.Response accepted = buyer.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}", PATCH);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return jdbc.sql("select id::text from product_order where quote_id = :quote")
                .param("quote", UUID.fromString(id)).query(String.class).single();
    }

    JsonNode awaitState(TestHttp http, String orderId, String state) {
        await().atMost(PATIENCE).until(() -> http.get(ORDERS + "/" + orderId).json().get("state").asString(),
                state::equals);
        return http.get(ORDERS + "/" + orderId).json();
    }

    /** The outbox's events under a key, oldest first: type and payload. */
    List<String[]> outbox(String key) {
        return jdbc.sql("select event_type, payload::text from outbox_event where message_key = :key order by created_at")
                .param("key", key).query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)}).list();
    }

    TestHttp partnerAdmin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("admin-" + partner, partner, Roles.PARTNER_ADMIN));
    }

    TestHttp staff(String role) {
        return TestHttp.localPort(port).as(TestJwt.staff("staff-" + role, role));
    }

    private TestHttp ops() {
        return staff(Roles.OPS);
    }
}
