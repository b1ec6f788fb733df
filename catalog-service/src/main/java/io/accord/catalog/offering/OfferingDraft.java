package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.specification.SpecificationDraft;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offering as an import row (or an export) carries it: everything needed to create or update it, keyed by its
 * owner's {@code externalId}. Exporting an offering yields the draft that re-imports as {@code UNCHANGED}.
 *
 * @param externalId                 the owner's key of the offering (unique per owner), mandatory
 * @param categoryCode               a category code, e.g. {@code VIDEO}
 * @param kind                       {@code SINGLE} (one specification) or {@code BUNDLE} (offerings inside)
 * @param validFrom                  start of the offering's validity ({@code null}: from launch)
 * @param validTo                    end of validity ({@code null}: open-ended)
 * @param salesChannels              e.g. {@code ONLINE}, {@code RETAIL}, {@code PARTNER}
 * @param specification              the inline specification of a {@code SINGLE} offering (upserted by its own
 *                                   external id); {@code null} for a bundle
 * @param bundledOfferingExternalIds a bundle's components: external ids of the same owner's offerings
 * @param bundlePricing              a bundle's pricing: {@code OWN} prices or {@code SUM_OF_COMPONENTS}
 * @param participants               co-creating partners and their shares of the offer's revenue
 * @param prices                     the offering's prices, each keyed by its external id within the offering
 */
public record OfferingDraft(String externalId, String name, String description, String categoryCode, Kind kind,
                            Instant validFrom, Instant validTo, List<String> salesChannels,
                            SpecificationDraft specification, List<String> bundledOfferingExternalIds,
                            BundlePricing bundlePricing, List<Participant> participants, List<PriceDraft> prices) {

    public OfferingDraft {
        salesChannels = salesChannels == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(salesChannels));
        bundledOfferingExternalIds = bundledOfferingExternalIds == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(bundledOfferingExternalIds));
        participants = participants == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(participants));
        prices = prices == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(prices));
    }

    /**
     * The canonical form equal drafts share: texts stripped, decimals without trailing zeros, price defaults made
     * explicit, {@code kind} {@code SINGLE} when not given. Two drafts with equal normalized forms import as the same.
     */
    public OfferingDraft normalized() {
        return new OfferingDraft(strip(externalId), strip(name), strip(description), strip(categoryCode),
                kind == null ? Kind.SINGLE : kind, validFrom, validTo,
                salesChannels.stream().map(OfferingDraft::strip).toList(),
                specification == null ? null : specification.normalized(),
                bundledOfferingExternalIds.stream().map(OfferingDraft::strip).toList(), bundlePricing,
                participants.stream().map(p -> p == null ? null : new Participant(p.partnerId(),
                        p.sharePercent() == null ? null : p.sharePercent().stripTrailingZeros())).toList(),
                prices.stream().map(p -> p == null ? null : p.normalized()).toList());
    }

    /** This draft with other prices (e.g. none, to compare everything but prices). */
    public OfferingDraft withPrices(List<PriceDraft> otherPrices) {
        return new OfferingDraft(externalId, name, description, categoryCode, kind, validFrom, validTo, salesChannels,
                specification, bundledOfferingExternalIds, bundlePricing, participants, otherPrices);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public enum Kind { SINGLE, BUNDLE }

    public enum BundlePricing { OWN, SUM_OF_COMPONENTS }

    /**
     * A co-creating partner.
     *
     * @param sharePercent its share of the offer's revenue in percent, in (0, 100]; all shares sum to at most 100
     *                     and the CSP keeps the rest
     */
    public record Participant(UUID partnerId, BigDecimal sharePercent) {
    }
}
