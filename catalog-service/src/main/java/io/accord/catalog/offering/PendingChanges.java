package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.price.PriceVersionView;
import io.accord.catalog.price.Prices;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a launched offering's pending change would change, old beside new, for the reviewer who decides it: the
 * offering's changed fields, and each added, changed or removed price with the launched version it would replace.
 */
@Component
class PendingChanges {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The fields of a definition a change compares (prices are compared one by one). */
    private static final Map<String, Function<OfferingDraft, Object>> FIELDS = fields();

    private final Prices prices;
    private final OfferingResolver resolver;
    private final Clock clock;

    PendingChanges(Prices prices, OfferingResolver resolver, Clock clock) {
        this.prices = prices;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** The pending changes of those offerings that have one, by offering id; their price versions in one query. */
    Map<UUID, ChangeResources.PendingChange> of(List<ProductOffering> page) {
        List<ProductOffering> pending = page.stream().filter(o -> o.pendingChange() != null).toList();
        Map<UUID, List<PriceVersionView>> versions = prices.versions(pending.stream().map(ProductOffering::id)
                .toList());
        Instant now = clock.instant();
        Map<UUID, ChangeResources.PendingChange> changes = new LinkedHashMap<>();
        pending.forEach(o -> changes.put(o.id(), of(o, versions.getOrDefault(o.id(), List.of()), now)));
        return changes;
    }

    private ChangeResources.PendingChange of(ProductOffering offering, List<PriceVersionView> stored, Instant now) {
        OfferingDraft live = resolver.read(offering.definition());
        OfferingDraft proposed = resolver.read(offering.pendingDefinition());
        List<ChangeResources.FieldChange> fields = new ArrayList<>();
        FIELDS.forEach((name, field) -> {
            Object from = field.apply(live);
            Object to = field.apply(proposed);
            if (!java.util.Objects.equals(from, to)) {
                fields.add(new ChangeResources.FieldChange(name, from, to));
            }
        });
        return new ChangeResources.PendingChange(offering.id().toString(), ChangeResources.href(offering.id()),
                OfferingResources.PATH + "/" + offering.id(), offering.name(), offering.pendingChange().name(),
                offering.offeringVersion(), offering.submittedAt(), fields, prices(live, proposed, stored, now));
    }

    private List<ChangeResources.PriceChange> prices(OfferingDraft live, OfferingDraft proposed,
                                                     List<PriceVersionView> stored, Instant now) {
        Map<String, PriceDraft> before = byKey(live.prices());
        Map<String, PriceDraft> after = byKey(proposed.prices());
        Map<String, Instant> starts = new LinkedHashMap<>();
        after.forEach((key, price) -> {
            if (!price.equals(before.get(key))) {
                starts.put(key, price.validFrom());
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> starts.put(key, now));
        Map<String, PriceVersionView> replaced = prices.replacedAt(stored, starts, now);
        List<ChangeResources.PriceChange> changes = new ArrayList<>();
        starts.keySet().forEach(key -> {
            PriceDraft next = after.get(key);
            PriceVersionView current = replaced.get(key);
            String change = next == null ? "REMOVED" : before.containsKey(key) ? "CHANGED" : "ADDED";
            changes.add(new ChangeResources.PriceChange(key, (next == null ? before.get(key) : next).name(), change,
                    next == null ? null : new ChangeResources.PriceVersion(null, null, null,
                            OfferingViews.plain(next), next.validFrom(), null),
                    current == null ? null : new ChangeResources.PriceVersion(current.id().toString(),
                            OfferingViews.PRICE_PATH + "/" + current.id(), current.versionNumber(),
                            OfferingViews.plain(current.definition()), current.validFrom(), current.validTo()),
                    current == null || next == null ? null : percent(current.definition(), next)));
        });
        return changes;
    }

    /** The change of a single rate (a flat amount on both sides, same currency), in percent, one decimal. */
    static BigDecimal percent(PriceDraft old, PriceDraft next) {
        if (old.amount() == null || next.amount() == null || !old.tiers().isEmpty() || !next.tiers().isEmpty()
                || old.amount().signum() == 0 || !java.util.Objects.equals(old.currency(), next.currency())) {
            return null;
        }
        return next.amount().subtract(old.amount()).multiply(HUNDRED).divide(old.amount(), 1, RoundingMode.HALF_UP);
    }

    private static Map<String, PriceDraft> byKey(List<PriceDraft> prices) {
        Map<String, PriceDraft> byKey = new LinkedHashMap<>();
        prices.forEach(price -> byKey.put(price.externalId(), price));
        return byKey;
    }

    private static Map<String, Function<OfferingDraft, Object>> fields() {
        Map<String, Function<OfferingDraft, Object>> fields = new LinkedHashMap<>();
        fields.put("name", OfferingDraft::name);
        fields.put("description", OfferingDraft::description);
        fields.put("categoryCode", OfferingDraft::categoryCode);
        fields.put("kind", OfferingDraft::kind);
        fields.put("validFrom", OfferingDraft::validFrom);
        fields.put("validTo", OfferingDraft::validTo);
        fields.put("salesChannels", OfferingDraft::salesChannels);
        fields.put("specification", OfferingDraft::specification);
        fields.put("bundledOfferingExternalIds", OfferingDraft::bundledOfferingExternalIds);
        fields.put("bundlePricing", OfferingDraft::bundlePricing);
        fields.put("participants", OfferingDraft::participants);
        return fields;
    }
}
