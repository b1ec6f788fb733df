package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.price.PriceVersionView;
import io.accord.catalog.price.Prices;
import io.accord.catalog.specification.SpecificationDraft;
import io.accord.catalog.specification.SpecificationView;
import io.accord.catalog.specification.Specifications;
import io.accord.contracts.Topics;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.OfferingRetired;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.outbox.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the catalog tells others, always inside the transaction of the change: domain events on
 * {@code catalog.events.v1} through the outbox, and TMF notifications for the event hub's subscribers.
 */
@Component
class OfferingEvents {

    private final Outbox outbox;
    private final ApplicationEventPublisher hub;
    private final Specifications specifications;
    private final Prices prices;
    private final OfferingResolver resolver;
    private final OfferingViews views;

    OfferingEvents(Outbox outbox, ApplicationEventPublisher hub, Specifications specifications, Prices prices,
                   OfferingResolver resolver, OfferingViews views) {
        this.outbox = outbox;
        this.hub = hub;
        this.specifications = specifications;
        this.prices = prices;
        this.resolver = resolver;
        this.views = views;
    }

    void launched(ProductOffering offering, Instant now) {
        OfferingDraft draft = resolver.read(offering.definition());
        OfferingLaunched.Specification specification = offering.specificationId() == null ? null
                : specifications.find(offering.specificationId()).map(OfferingEvents::specification).orElse(null);
        outbox.publish(Topics.CATALOG_EVENTS, new OfferingLaunched(UUID.randomUUID(), now, offering.id().toString(),
                offering.offeringVersion(), owner(offering), offering.externalId(), offering.name(),
                offering.description(), offering.categoryCode(), draft.salesChannels(), offering.validFrom(),
                offering.validTo(), offering.isBundle(),
                draft.bundlePricing() == null ? null : draft.bundlePricing().name(),
                offering.components().stream().map(UUID::toString).toList(), specification,
                draft.participants().stream().map(p -> new OfferingLaunched.Participant(p.partnerId().toString(),
                        p.sharePercent().toPlainString())).toList(),
                prices.versions(offering.id()).stream().filter(v -> !"SUPERSEDED".equals(v.status()))
                        .map(OfferingEvents::price).toList()));
    }

    void priceChanged(ProductOffering offering, PriceVersionView version, UUID replaced, Instant now) {
        outbox.publish(Topics.CATALOG_EVENTS, new OfferingPriceChanged(UUID.randomUUID(), now,
                offering.id().toString(), owner(offering), price(version),
                replaced == null ? null : replaced.toString()));
        tmf("ProductOfferingPriceCreateEvent", "productOfferingPrice", views.price(version), offering);
    }

    /** A price (version) of an offering not launched yet was added or replaced through the TMF API. */
    void priceCreated(ProductOffering offering, PriceVersionView version) {
        tmf("ProductOfferingPriceCreateEvent", "productOfferingPrice", views.price(version), offering);
    }

    void retired(ProductOffering offering, String reason, Instant now) {
        outbox.publish(Topics.CATALOG_EVENTS, new OfferingRetired(UUID.randomUUID(), now, offering.id().toString(),
                owner(offering), reason));
    }

    /** A TMF notification about the offering itself, e.g. {@code ProductOfferingStateChangeEvent}. */
    void tmf(String eventType, ProductOffering offering) {
        tmf(eventType, "productOffering", views.offering(offering), offering);
    }

    /** A TMF notification about a draft just written, built without a query. */
    void tmfDraft(String eventType, ProductOffering offering, OfferingDraft draft, List<PriceVersionView> versions) {
        // built only if a subscription wants it: imports publish one per row, mostly to nobody
        tmf(eventType, "productOffering", (Supplier<Object>) () -> views.draft(offering, draft, versions), offering);
    }

    private void tmf(String eventType, String resourceName, Object resource, ProductOffering offering) {
        // the co-creators taking part; one still to accept hears nothing of the draft it was invited to
        Set<UUID> visible = new HashSet<>(offering.participantIds());
        if (offering.partnerId() != null) {
            visible.add(offering.partnerId());
        }
        // a CSP offering is for every partner once launched, and so is the news of its retirement: partners that sell
        // it must learn that it is gone (one retired while approved but never launched was never theirs to know)
        boolean everyone = offering.partnerId() == null && (offering.status() == OfferingStatus.LAUNCHED
                || offering.status() == OfferingStatus.RETIRED && offering.wasLaunched());
        hub.publishEvent(new TmfEvent(eventType, resourceName, resource, visible, everyone));
    }

    private static String owner(ProductOffering offering) {
        return offering.partnerId() == null ? null : offering.partnerId().toString();
    }

    static OfferingPrice price(PriceVersionView version) {
        PriceDraft p = version.definition();
        return new OfferingPrice(version.id().toString(), version.externalId(), version.versionNumber(), p.name(),
                p.type().name(), text(p.amount()), p.currency(), p.taxCategory(), name(p.period()),
                name(p.proration()), name(p.unit()), p.roundingFirst(), p.roundingNext(), text(p.minimumQuantity()),
                name(p.tierMode()), p.tiers().stream().map(t -> new OfferingPrice.Tier(text(t.from()), text(t.to()),
                text(t.rate()))).toList(), name(p.accumulation()), p.usageTypes(), text(p.minimumCharge()),
                version.validFrom(), version.validTo());
    }

    private static OfferingLaunched.Specification specification(SpecificationView view) {
        SpecificationDraft spec = view.definition();
        return new OfferingLaunched.Specification(view.id().toString(), spec.name(), spec.characteristics().stream()
                .map(c -> new OfferingLaunched.Characteristic(c.name(), c.valueType().name(), c.allowedValues(),
                        text(c.min()), text(c.max()), c.unit(), c.mandatory(), c.configurable(),
                        c.numeric() ? SpecificationDraft.plainNumber(c.fixedValue()) : c.fixedValue()))
                .toList(), spec.fulfilment().resourceTypes(), spec.fulfilment().partnerActivation());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

}
