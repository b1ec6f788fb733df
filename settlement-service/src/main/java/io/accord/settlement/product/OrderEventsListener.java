package io.accord.settlement.product;

import io.accord.contracts.Topics;
import io.accord.contracts.events.OrderCompleted;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductModified;
import io.accord.contracts.events.ProductTerminated;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import io.accord.platform.inbox.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the product read model from {@code order.events.v1}, each event once (the inbox) and in each product's order:
 * a product event carries the whole instance, and replaces what is held only when it is newer ({@code ce_sequence}
 * per product). An order's completion (keyed by the order, so outside the products' order) only adds the instances
 * not yet known; their own product events then replace them.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "settlement.products";

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Inbox inbox;
    private final ProductStore store;
    private final Clock clock;

    OrderEventsListener(Inbox inbox, ProductStore store, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "ProductActivated" -> {
                ProductActivated activated = event.payload(ProductActivated.class);
                product(event, activated.product(), activated.occurredAt());
            }
            case "ProductModified" -> {
                ProductModified modified = event.payload(ProductModified.class);
                product(event, modified.product(), modified.occurredAt());
            }
            case "ProductTerminated" -> {
                ProductTerminated terminated = event.payload(ProductTerminated.class);
                product(event, terminated.product(), terminated.occurredAt());
            }
            case "OrderCompleted" -> {
                OrderCompleted completed = event.payload(OrderCompleted.class);
                if (completed.products() != null) {
                    completed.products().forEach(product -> {
                        requireId(event, product);
                        store.put(product, null, completed.occurredAt(), clock.instant(), true);
                    });
                }
            }
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }

    private void product(IncomingEvent event, ProductDetails product, Instant at) {
        requireId(event, product);
        Optional<Optional<Long>> held = store.heldSequence(product.productId());
        if (held.isPresent() && !event.isNewerThan(held.get().orElse(null))) {
            log.info("Ignoring stale {} of product {} (sequence {}, held {})", event.type(), product.productId(),
                    event.sequence(), held.get().orElse(null));
            return;
        }
        store.put(product, event.sequence(), at, clock.instant(), false);
        // either partner may be absent: a CSP-owned offering, or one sold by a CSP sales channel
        log.info("Product {} (offering owner {}, buyer {}) is {} ({} – {})", product.productId(),
                product.ownerPartnerId() == null ? "CSP" : "partner " + product.ownerPartnerId(),
                product.buyerPartnerId() == null ? "CSP channel " + product.salesChannel()
                        : "partner " + product.buyerPartnerId(),
                product.status(), product.startAt(), product.endAt());
    }

    private static void requireId(IncomingEvent event, ProductDetails product) {
        if (product == null || product.productId() == null || product.status() == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " carries no product id or status");
        }
    }
}
