package io.accord.orchestration.offering;

import io.accord.contracts.Topics;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.OfferingRetired;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the offering read model from {@code catalog.events.v1}: each event applied once (the inbox) and in the
 * offering's order ({@code ce_sequence}): an event not newer than what the row holds is stale and changes nothing,
 * except that a launch arriving after a later price change or retirement still supplies the definition those
 * placeholders lack (as the starter's partner view does with an overtaken activation).
 */
@Component
class CatalogEventsListener {

    static final String CONSUMER = "orchestration.offerings";

    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final Inbox inbox;
    private final OfferingStore store;

    CatalogEventsListener(Inbox inbox, OfferingStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    @KafkaListener(topics = Topics.CATALOG_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "OfferingLaunched" -> launched(event, event.payload(OfferingLaunched.class));
            case "OfferingPriceChanged" -> priceChanged(event, event.payload(OfferingPriceChanged.class));
            case "OfferingRetired" -> retired(event, event.payload(OfferingRetired.class));
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }

    private void launched(IncomingEvent event, OfferingLaunched launched) {
        Optional<OfferingStore.Held> held = store.held(launched.offeringId());
        boolean newer = held.isEmpty() || event.isNewerThan(held.get().sequence());
        if (!newer && !held.get().placeholder()) {
            log.info("Ignoring stale launch of offering {} (sequence {})", launched.offeringId(), event.sequence());
            return;
        }
        store.define(launched, event.sequence(), newer);
        if (newer) {
            store.keepOnly(launched.offeringId(), launched.prices().stream().map(OfferingPrice::priceVersionId)
                    .toList());
        }
        for (OfferingPrice price : launched.prices()) {
            // a newer launch carries every version authoritatively; an overtaken one must not undo later closures
            store.price(launched.offeringId(), price, !newer);
        }
        log.info("Offering {} version {} launched (sequence {})", launched.offeringId(), launched.offeringVersion(),
                event.sequence());
    }

    private void priceChanged(IncomingEvent event, OfferingPriceChanged change) {
        if (!newerOrPlaceholder(event, change.offeringId(), change.partnerId(), change)) {
            return;
        }
        store.price(change.offeringId(), change.price(), false);
        if (change.replacedPriceVersionId() != null) {
            store.close(change.replacedPriceVersionId(), change.price().validFrom());
        }
        log.info("Offering {} price {} version {} from {}", change.offeringId(), change.price().priceId(),
                change.price().version(), change.price().validFrom());
    }

    private void retired(IncomingEvent event, OfferingRetired retired) {
        if (!newerOrPlaceholder(event, retired.offeringId(), retired.partnerId(), retired)) {
            return;
        }
        store.retire(retired.offeringId(), retired.reason(), retired.occurredAt());
        log.info("Offering {} retired: {}", retired.offeringId(), retired.reason());
    }

    /** Applies the order rule and records the sequence; false when the event is stale. */
    private boolean newerOrPlaceholder(IncomingEvent event, String offeringId, String partnerId,
                                       io.accord.contracts.events.DomainEvent fact) {
        Optional<OfferingStore.Held> held = store.held(offeringId);
        if (held.isEmpty()) {
            store.placeholder(offeringId, partnerId, event.sequence(), fact.occurredAt());
            return true;
        }
        if (!event.isNewerThan(held.get().sequence())) {
            log.info("Ignoring stale {} of offering {} (sequence {}, held {})", event.type(), offeringId,
                    event.sequence(), held.get().sequence());
            return false;
        }
        store.advance(offeringId, event.sequence(), fact.occurredAt());
        return true;
    }
}
