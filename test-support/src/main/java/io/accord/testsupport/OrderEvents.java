package io.accord.testsupport;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductModified;
import io.accord.contracts.events.ProductTerminated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Product events as orchestration publishes them on {@code order.events.v1}, for feeding read models in tests. */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** Sends the event with its per-product {@code ce_sequence} ({@code null}: none). */
    public static void send(DomainEvent event, Long sequence) {
        DomainEvents.send(Topics.ORDER_EVENTS, event, sequence);
    }

    public static Product product(String productId, String offeringId) {
        return new Product(productId, offeringId);
    }

    /** A test-data builder of {@link ProductDetails}. */
    public static final class Product {
        private final String productId;
        private final String offeringId;
        private String owner;
        private String category = "CONNECTIVITY";
        private String buyer;
        private final List<ProductDetails.SubscriberIdentifier> identifiers = new ArrayList<>();
        private final List<OfferingLaunched.Participant> participants = new ArrayList<>();
        private final List<ProductDetails.LockedCharge> charges = new ArrayList<>();
        private String status = "ACTIVE";
        private Instant startAt;
        private Instant endAt;

        private Product(String productId, String offeringId) {
            this.productId = productId;
            this.offeringId = offeringId;
        }

        public Product identifier(String type, String value) {
            identifiers.add(new ProductDetails.SubscriberIdentifier(type, value));
            return this;
        }

        public Product ownedBy(String partnerId) { owner = partnerId; return this; }
        public Product category(String value) { category = value; return this; }
        public Product boughtBy(String partnerId) { buyer = partnerId; return this; }
        public Product participant(String partnerId, String percent) {
            participants.add(new OfferingLaunched.Participant(partnerId, percent));
            return this;
        }
        /** A locked recurring charge in EUR: {@code period} MONTH or YEAR, {@code proration} DAILY or NONE. */
        public Product recurring(String priceId, String amount, String period, String proration) {
            charges.add(new ProductDetails.LockedCharge(offeringId, priceId, priceId + "-v1", "RECURRING", period,
                    proration, amount, "EUR"));
            return this;
        }

        /** A locked one-time charge in EUR. */
        public Product oneTime(String priceId, String amount) {
            charges.add(new ProductDetails.LockedCharge(offeringId, priceId, priceId + "-v1", "ONE_TIME", null, null,
                    amount, "EUR"));
            return this;
        }

        public Product status(String value) { status = value; return this; }
        public Product valid(Instant from, Instant to) { startAt = from; endAt = to; return this; }

        public ProductDetails build() {
            return new ProductDetails(productId, "order-" + productId, offeringId, 1, "Offering " + offeringId, owner,
                    category, null, buyer, buyer == null ? "ONLINE" : null, "customer-" + productId,
                    List.copyOf(identifiers), Map.of(), List.copyOf(participants), List.of(), List.copyOf(charges), status,
                    startAt, endAt);
        }

        public ProductActivated activated() {
            return new ProductActivated(UUID.randomUUID(), Instant.now(), owner, startAt, build());
        }

        public ProductModified modified(String... changes) {
            return new ProductModified(UUID.randomUUID(), Instant.now(), owner, Instant.now(), List.of(changes),
                    build());
        }

        /** Terminated at {@code endAt} (set it with {@link #valid}). */
        public ProductTerminated terminated() {
            return new ProductTerminated(UUID.randomUUID(), Instant.now(), owner, endAt, "test", build());
        }
    }
}
