package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offering is launched (sellable within its validity), or a new version of a launched offering was approved: the
 * full definition, so orchestration and rating keep their read models without calling the catalog. A consumer
 * replaces what it holds for {@code offeringId} with a newer version (per-key {@code ce_sequence} orders them).
 * Keyed by the offering id; {@code partnerId} is the owning partner, {@code null} for a CSP-owned offering.
 *
 * @param offeringVersion    1 at first launch, +1 per approved new version
 * @param categoryCode       the category code agreements' revenue-share rules name
 * @param validFrom          sellable from ({@code null}: from launch)
 * @param validTo            sellable until, exclusive ({@code null}: open)
 * @param bundlePricing      {@code OWN} or {@code SUM_OF_COMPONENTS} for a bundle, else {@code null}
 * @param bundledOfferingIds the bundle's component offering ids
 * @param specification      the specification of a single offering ({@code null} for a bundle)
 * @param participants       co-creating partners and their shares (the CSP keeps 100 minus their sum)
 * @param prices             every price version (past, current and announced), each with its validity
 */
public record OfferingLaunched(
        UUID eventId,
        Instant occurredAt,
        String offeringId,
        int offeringVersion,
        String partnerId,
        String externalId,
        String name,
        String description,
        String categoryCode,
        List<String> salesChannels,
        Instant validFrom,
        Instant validTo,
        boolean bundle,
        String bundlePricing,
        List<String> bundledOfferingIds,
        Specification specification,
        List<Participant> participants,
        List<OfferingPrice> prices) implements DomainEvent {

    @Override
    public String key() {
        return offeringId;
    }

    /**
     * What the product is and what fulfilment needs.
     *
     * @param resourceTypes     resources orchestration reserves (e.g. {@code ICCID}, {@code MSISDN},
     *                          {@code LICENCE_KEY})
     * @param partnerActivation the partner must activate each order
     */
    public record Specification(String specificationId, String name, List<Characteristic> characteristics,
                                List<String> resourceTypes, boolean partnerActivation) {
    }

    /**
     * @param valueType    {@code STRING}, {@code NUMBER} (a decimal), {@code INTEGER} (a whole number),
     *                     {@code BOOLEAN} or {@code ENUM}
     * @param min          NUMBER or INTEGER range start (inclusive), decimal string
     * @param max          NUMBER or INTEGER range end (inclusive), decimal string
     * @param configurable chosen at order time; else {@code fixedValue} applies
     */
    public record Characteristic(String name, String valueType, List<String> allowedValues, String min, String max,
                                 String unit, boolean mandatory, boolean configurable, String fixedValue) {
    }

    /** A co-creating partner and its share of the offer's revenue in percent (decimal string). */
    public record Participant(String partnerId, String sharePercent) {
    }
}
