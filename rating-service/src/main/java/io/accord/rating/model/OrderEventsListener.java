package io.accord.rating.model;

import io.accord.contracts.Topics;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductModified;
import io.accord.contracts.events.ProductTerminated;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
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
 * Keeps the product instances from {@code order.events.v1}, each event applied once (the inbox) and in the
 * product's order: each event carries the whole instance after the change, so an event not newer
 * ({@code ce_sequence}) than what the row holds is stale and changes nothing. Validity is {@code startAt} until
 * {@code endAt}; a suspended instance still rates, only termination ends it.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "rating.model.products";
    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Inbox inbox;
    private final ModelStore store;
    private final RatingModel model;
    private final Clock clock;

    OrderEventsListener(Inbox inbox, ModelStore store, RatingModel model, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.model = model;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        if (inbox.receiveAll(CONSUMER, records, this::apply) > 0) {
            model.productsChanged();
        }
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "ProductActivated" -> {
                ProductActivated activated = event.payload(ProductActivated.class);
                replace(event, activated.product(), activated.effectiveAt(), null);
            }
            case "ProductModified" -> replace(event, event.payload(ProductModified.class).product(), null, null);
            case "ProductTerminated" -> {
                ProductTerminated terminated = event.payload(ProductTerminated.class);
                replace(event, terminated.product(), null, terminated.effectiveAt());
            }
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }

    /** @param startFallback, endFallback the event's instants, for a product that does not carry them itself */
    private void replace(IncomingEvent event, ProductDetails product, Instant startFallback, Instant endFallback) {
        Optional<ModelStore.Held> held = store.product(product.productId());
        if (held.isPresent() && !event.isNewerThan(held.get().sequence())) {
            log.info("Ignoring stale {} of product {} (sequence {}, held {})", event.type(), product.productId(),
                    event.sequence(), held.get().sequence());
            return;
        }
        Instant from = product.startAt() != null ? product.startAt() : startFallback;
        Instant to = product.endAt() != null ? product.endAt() : endFallback;
        String subscriber = SnapshotMapping.canonicalSubscriber(product);
        store.product(product, subscriber, from, to, event.sequence(), clock.instant(), store.countProductChange());
        if (subscriber == null) {
            log.warn("Product {} has no subscriber identifier: usage cannot name it", product.productId());
        }
        // not the subscriber identifier: an MSISDN is personal data, and the product id leads to it
        log.info("Product {} is {} from {} until {} (sequence {})", product.productId(), product.status(), from, to,
                event.sequence());
    }
}
