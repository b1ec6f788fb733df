package io.accord.rating.model;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.OfferingRetired;
import io.accord.testsupport.DomainEvents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog events with usage prices, as catalog's outbox publishes them, for rating's read-model tests. */
final class CatalogFeed {

    private CatalogFeed() {
    }

    static void send(DomainEvent event, Long sequence) {
        DomainEvents.send(Topics.CATALOG_EVENTS, event, sequence);
    }

    /** A flat usage price per {@code unit} with 60/1 rounding when the unit is seconds. */
    static OfferingPrice usage(String priceId, int version, String unit, String amount, List<String> usageTypes,
                               Instant from, Instant to) {
        boolean seconds = "S".equals(unit);
        return new OfferingPrice(UUID.randomUUID().toString(), priceId, version, priceId, "USAGE", amount, "EUR",
                "STANDARD", null, null, unit, seconds ? 60 : null, seconds ? 1 : null, null, null, null,
                "CALENDAR_MONTH", usageTypes, null, from, to);
    }

    static OfferingPrice recurring(String priceId, String amount, Instant from) {
        return new OfferingPrice(UUID.randomUUID().toString(), priceId, 1, priceId, "RECURRING", amount, "EUR",
                "STANDARD", "MONTH", "DAILY", null, null, null, null, null, null, null, null, null, from, null);
    }

    static OfferingLaunched launched(String offeringId, String partnerId, List<OfferingPrice> prices) {
        return new OfferingLaunched(UUID.randomUUID(), Instant.now(), offeringId, 1, partnerId, "ext-" + offeringId,
                "Offering " + offeringId, null, "VIDEO", List.of("ONLINE"), null, null, false, null, List.of(),
                new OfferingLaunched.Specification("spec-" + offeringId, "Spec", List.of(), List.of("MSISDN"), false),
                List.of(), prices);
    }

    /** Launches an offering: the event, sent as the offering's first (sequence 1). */
    static OfferingLaunched launch(String offeringId, String partnerId, List<OfferingPrice> prices) {
        OfferingLaunched launched = launched(offeringId, partnerId, prices);
        send(launched, 1L);
        return launched;
    }

    static OfferingPriceChanged priceChanged(String offeringId, String partnerId, OfferingPrice price,
                                             String replaced) {
        return new OfferingPriceChanged(UUID.randomUUID(), Instant.now(), offeringId, partnerId, price, replaced);
    }

    static OfferingRetired retired(String offeringId, String partnerId) {
        return new OfferingRetired(UUID.randomUUID(), Instant.now(), offeringId, partnerId, "owner retired it");
    }
}
