package io.accord.rating.model;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Keeps every usage price version from {@code catalog.events.v1}, each event applied once (the inbox). A version is
 * immutable, so arrival order does not matter: a version is added when first seen and only an earlier end is
 * taken from a later event; which versions a newer one ends or supersedes is derived from all of them
 * ({@link PriceTimelines}). Retirement keeps the prices: existing instances keep being rated.
 */
@Component
class CatalogEventsListener {

    static final String CONSUMER = "rating.model.catalog";
    private static final Logger log = LoggerFactory.getLogger(CatalogEventsListener.class);

    private final Inbox inbox;
    private final ModelStore store;
    private final RatingModel model;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CatalogEventsListener(Inbox inbox, ModelStore store, RatingModel model, Clock clock,
                          ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.store = store;
        this.model = model;
        this.clock = clock;
        this.events = events;
    }

    @KafkaListener(topics = Topics.CATALOG_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        if (inbox.receiveAll(CONSUMER, records, this::apply) > 0) {
            model.changed();
        }
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "OfferingLaunched" -> launched(event, event.payload(OfferingLaunched.class));
            case "OfferingPriceChanged" -> priceChanged(event, event.payload(OfferingPriceChanged.class));
            case "OfferingRetired" -> retired(event, event.payload(OfferingRetired.class));
            default -> {
                log.debug("Ignoring {} event {}", event.type(), event.id());
                return;
            }
        }
        store.countChange();
    }

    private void launched(IncomingEvent event, OfferingLaunched launched) {
        store.offeringSeen(launched.offeringId(), launched.partnerId(), event.sequence(), clock.instant());
        int usage = 0;
        for (OfferingPrice price : launched.prices() == null ? java.util.List.<OfferingPrice>of() : launched.prices()) {
            if (isUsage(price)) {
                store.usagePrice(launched.offeringId(), price, clock.instant());
                announce(launched.offeringId(), price, null);
                usage++;
            }
        }
        log.info("Offering {} version {} launched with {} usage price versions (sequence {})",
                launched.offeringId(), launched.offeringVersion(), usage, event.sequence());
    }

    private void priceChanged(IncomingEvent event, OfferingPriceChanged change) {
        store.offeringSeen(change.offeringId(), change.partnerId(), event.sequence(), clock.instant());
        if (!isUsage(change.price())) {
            return;
        }
        store.usagePrice(change.offeringId(), change.price(), clock.instant());
        if (change.replacedPriceVersionId() != null) {
            store.endPrice(change.replacedPriceVersionId(), change.price().validFrom());
        }
        announce(change.offeringId(), change.price(), change.replacedPriceVersionId());
        log.info("Offering {} usage price {} version {} from {}", change.offeringId(), change.price().priceId(),
                change.price().version(), change.price().validFrom());
    }

    private void retired(IncomingEvent event, OfferingRetired retired) {
        store.offeringSeen(retired.offeringId(), retired.partnerId(), event.sequence(), clock.instant());
        store.offeringRetired(retired.offeringId(), retired.reason(), retired.occurredAt());
        log.info("Offering {} retired ({}); its usage prices stay for its instances", retired.offeringId(),
                retired.reason());
    }

    /** In the inbox's transaction: listeners (re-rating) record what the new version causes with it. */
    private void announce(String offeringId, OfferingPrice price, String replaced) {
        events.publishEvent(new UsagePriceAnnounced(offeringId, price.priceId(), price.version(),
                price.priceVersionId(),
                price.usageTypes() == null ? java.util.List.of() : java.util.List.copyOf(price.usageTypes()),
                price.validFrom(), price.validTo(), replaced));
    }

    private static boolean isUsage(OfferingPrice price) {
        return price != null && "USAGE".equals(price.type());
    }
}
