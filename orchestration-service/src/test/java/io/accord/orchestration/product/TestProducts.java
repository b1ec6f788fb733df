package io.accord.orchestration.product;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.orchestration.offering.CatalogEvents;
import io.accord.orchestration.offering.SellableOfferings;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Offerings fed through catalog events, instances made through {@link Products}, and the outbox read back. */
final class TestProducts {

    static final Instant PAST = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SellableOfferings offerings;
    private final Products products;
    private final JdbcClient jdbc;

    TestProducts(SellableOfferings offerings, Products products, JdbcClient jdbc) {
        this.offerings = offerings;
        this.products = products;
        this.jdbc = jdbc;
    }

    /** A launched offering of {@code owner} ({@code null}: the CSP's) with the given co-creation participants. */
    String offering(String owner, List<OfferingLaunched.Participant> participants) {
        String id = UUID.randomUUID().toString();
        OfferingLaunched plain = CatalogEvents.launched(id, owner, "SIM only " + id.substring(0, 8), List.of(
                        CatalogEvents.number("dataVolumeGb", "1", "100", true)),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "19.99", PAST, null),
                        CatalogEvents.price("setup", 1, "ONE_TIME", "49", PAST, null),
                        CatalogEvents.price("data", 1, "USAGE", "0.01", PAST, null)));
        OfferingLaunched launched = new OfferingLaunched(plain.eventId(), plain.occurredAt(), id, 3, owner,
                plain.externalId(), plain.name(), null, "CONNECTIVITY", plain.salesChannels(), null, null, false, null,
                List.of(), plain.specification(), participants, plain.prices());
        CatalogEvents.send(launched, 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> offerings.find(id).isPresent());
        return id;
    }

    /** A new CREATED instance of the offering, bought by {@code buyer} (a partner) or the {@code web-shop} channel. */
    ProductView created(String offering, UUID buyer) {
        return products.create(new NewProduct("order-" + UUID.randomUUID(), "1", offering, null, buyer,
                buyer == null ? "web-shop" : null, "customer-" + UUID.randomUUID(), Map.of("dataVolumeGb", "20"),
                List.of(charge(offering, "RECURRING", "19.990000"), charge(offering, "ONE_TIME", "49.000000"))));
    }

    ProductView active(String offering, UUID buyer) {
        ProductView created = created(offering, buyer);
        String msisdn = "+49151" + (System.nanoTime() % 100_000_000L);
        return products.activate(created.id(), List.of(new ProductDetails.SubscriberIdentifier("MSISDN", msisdn)),
                List.of(new RealisingResource("MSISDN", msisdn, UUID.randomUUID())), Instant.now());
    }

    static ProductDetails.LockedCharge charge(String offering, String type, String amount) {
        boolean recurring = "RECURRING".equals(type);
        return new ProductDetails.LockedCharge(offering, recurring ? "monthly" : "setup", UUID.randomUUID().toString(),
                type, recurring ? "MONTH" : null, recurring ? "DAILY" : null, amount, "EUR");
    }

    /** The events the outbox holds for the instance, oldest first. */
    List<Outboxed> events(UUID productId) {
        return jdbc.sql("""
                        select topic, event_type, subject, sequence, payload from outbox_event
                        where message_key = :key order by sequence""")
                .param("key", productId.toString())
                .query((rs, row) -> new Outboxed(rs.getString("topic"), rs.getString("event_type"),
                        rs.getString("subject"), rs.getLong("sequence"), rs.getString("payload")))
                .list();
    }

    record Outboxed(String topic, String type, String subject, long sequence, String payload) {

        <T> T as(Class<T> type) {
            return JSON.readValue(payload, type);
        }
    }
}
