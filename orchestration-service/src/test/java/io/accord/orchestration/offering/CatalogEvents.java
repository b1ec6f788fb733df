package io.accord.orchestration.offering;

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

/** Catalog events as catalog's outbox publishes them, produced to the real topic for orchestration's tests. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** Sends the event with its per-offering {@code ce_sequence} ({@code null}: none). */
    public static void send(DomainEvent event, Long sequence) {
        DomainEvents.send(Topics.CATALOG_EVENTS, event, sequence);
    }

    /** A launched single offering with the given characteristics and prices. */
    public static OfferingLaunched launched(String offeringId, String partnerId, String name,
                                            List<OfferingLaunched.Characteristic> characteristics,
                                            List<OfferingPrice> prices) {
        return new OfferingLaunched(UUID.randomUUID(), Instant.now(), offeringId, 1, partnerId, "ext-" + offeringId,
                name, null, "CONNECTIVITY", List.of("ONLINE"), null, null, false, null, List.of(),
                new OfferingLaunched.Specification("spec-" + offeringId, name, characteristics, List.of("MSISDN"),
                        false),
                List.of(), prices);
    }

    public static OfferingLaunched bundle(String offeringId, String name, String pricing, List<String> components,
                                          List<OfferingPrice> prices) {
        return new OfferingLaunched(UUID.randomUUID(), Instant.now(), offeringId, 1, null, "ext-" + offeringId,
                name, null, "BUNDLES", List.of("ONLINE"), null, null, true, pricing, components, null, List.of(),
                prices);
    }

    public static OfferingPrice price(String priceId, int version, String type, String amount, Instant from,
                                      Instant to) {
        return new OfferingPrice(UUID.randomUUID().toString(), priceId, version, priceId, type, amount, "EUR",
                "STANDARD", "RECURRING".equals(type) ? "MONTH" : null, "RECURRING".equals(type) ? "DAILY" : null,
                "USAGE".equals(type) ? "MB" : null, null, null, null, null, null, null,
                "USAGE".equals(type) ? List.of("DATA") : null, null, from, to);
    }

    public static OfferingPriceChanged priceChanged(String offeringId, OfferingPrice price, String replaced) {
        return new OfferingPriceChanged(UUID.randomUUID(), Instant.now(), offeringId, null, price, replaced);
    }

    public static OfferingRetired retired(String offeringId, String reason) {
        return new OfferingRetired(UUID.randomUUID(), Instant.now(), offeringId, null, reason);
    }

    public static OfferingLaunched.Characteristic number(String name, String min, String max, boolean mandatory) {
        return new OfferingLaunched.Characteristic(name, "NUMBER", List.of(), min, max, "GB", mandatory, true, null);
    }

    public static OfferingLaunched.Characteristic choice(String name, List<String> allowed, boolean mandatory) {
        return new OfferingLaunched.Characteristic(name, "ENUM", allowed, null, null, null, mandatory, true, null);
    }

    public static OfferingLaunched.Characteristic fixed(String name, String value) {
        return new OfferingLaunched.Characteristic(name, "STRING", List.of(), null, null, null, true, false, value);
    }
}
