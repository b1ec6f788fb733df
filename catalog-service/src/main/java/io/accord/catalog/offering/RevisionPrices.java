package io.accord.catalog.offering;

import io.accord.catalog.price.PriceChange;
import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.price.PriceVersionView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an approved change did to an offering's prices, for its audit entry ({@code change approved (…)}): before,
 * the versions it replaced or ended; after, the versions it wrote (id, version number, amounts) and each one's
 * predecessor, so an auditor reads old and new amounts there without matching the {@code change proposed} entry.
 */
final class RevisionPrices {

    private RevisionPrices() {
    }

    /**
     * @param stored  the offering's price versions as they were before the change was applied
     * @param created the versions the change wrote, each with the version it replaced
     * @param removed the external ids of the prices the change dropped (their versions ended now or were superseded)
     */
    static void describe(List<PriceVersionView> stored, List<PriceChange> created, Collection<String> removed,
                         Instant now, Map<String, Object> before, Map<String, Object> after) {
        List<Map<String, Object>> replaced = new ArrayList<>();
        List<Map<String, Object>> written = new ArrayList<>();
        for (PriceChange change : created) {
            stored.stream().filter(v -> v.id().equals(change.replaced())).findFirst()
                    .ifPresent(old -> replaced.add(version(old)));
            Map<String, Object> version = version(change.version());
            version.put("replacedPriceVersionId", change.replaced() == null ? null : change.replaced().toString());
            written.add(version);
        }
        stored.stream().filter(v -> removed.contains(v.externalId()) && !"SUPERSEDED".equals(v.status())
                        && (v.validTo() == null || v.validTo().isAfter(now)))
                .forEach(ended -> replaced.add(version(ended)));
        before.put("prices", replaced);
        after.put("prices", written);
        after.put("removedPrices", List.copyOf(removed));
    }

    private static Map<String, Object> version(PriceVersionView version) {
        PriceDraft price = version.definition();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("externalId", version.externalId());
        entry.put("name", price.name());
        entry.put("priceVersionId", version.id().toString());
        entry.put("versionNumber", version.versionNumber());
        entry.put("type", price.type() == null ? null : price.type().name());
        // decimals as strings, as written (no exponent): what the auditor compares
        entry.put("amount", plain(price.amount()));
        entry.put("currency", price.currency());
        if (!price.tiers().isEmpty()) {
            entry.put("tiers", price.tiers().stream().map(tier -> {
                Map<String, Object> bounds = new LinkedHashMap<>();
                bounds.put("from", plain(tier.from()));
                bounds.put("to", plain(tier.to()));
                bounds.put("rate", plain(tier.rate()));
                return bounds;
            }).toList());
        }
        if (price.minimumCharge() != null) {
            entry.put("minimumCharge", plain(price.minimumCharge()));
        }
        entry.put("validFrom", Objects.toString(version.validFrom(), null));
        entry.put("validTo", Objects.toString(version.validTo(), null));
        return entry;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The prices {@code live} has and {@code proposed} no longer does. */
    static List<String> removed(List<PriceDraft> live, List<PriceDraft> proposed) {
        List<String> kept = proposed.stream().map(PriceDraft::externalId).toList();
        return live.stream().map(PriceDraft::externalId).filter(key -> !kept.contains(key)).toList();
    }
}
