package io.accord.catalog.offering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.catalog.price.PriceDraft;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A launched offering's change waiting for review, as the reviewer who decides it (and the owner who proposed it)
 * reads it: what would change, old and new side by side.
 */
final class ChangeResources {

    static final String PATH = "/api/catalog/offerings/{id}/pending-change";
    /** Takes the pending change back before it is decided (its proposer, the owner, staff). */
    static final String WITHDRAWAL = PATH + "/withdrawal";

    private ChangeResources() {
    }

    static String href(Object offeringId) {
        return PATH.replace("{id}", offeringId.toString());
    }

    /**
     * @param change      {@code NEW_VERSION} (more than prices change) or {@code NEW_PRICE_VERSION}
     * @param fields      the offering's fields that change (none for a price-only change)
     * @param prices      the prices added, changed or removed, each beside the version it would replace
     */
    record PendingChange(String offeringId, String href, String offeringHref, String name, String change,
                         int currentVersion, Instant submittedAt, List<FieldChange> fields,
                         List<PriceChange> prices) {
    }

    /** One field of the offering's definition: what it is now and what it would become (null: not set). */
    record FieldChange(String field, Object from, Object to) {
    }

    /**
     * One price of the change.
     *
     * @param change        {@code ADDED}, {@code CHANGED} or {@code REMOVED} (ends now)
     * @param proposed      the new version (null when removed)
     * @param current       the launched version it would replace: the one in force at the new start (null when
     *                      added)
     * @param changePercent the change of a single rate (a flat amount, both sides), in percent of the current one,
     *                      one decimal; null for tiered prices, a new or removed price, or a current amount of 0
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PriceChange(String externalId, String name, String change, PriceVersion proposed, PriceVersion current,
                       BigDecimal changePercent) {
    }

    /**
     * A price version: every price field (type, amount or tiers, currency, unit, rounding, minimum quantity and
     * charge, usage types) in {@code definition}, and its validity. A proposed version has no id yet and is in
     * force from {@code validFrom} until a later change (announced versions starting at or after it are superseded).
     */
    record PriceVersion(String id, String href, Integer version, PriceDraft definition, Instant validFrom,
                        Instant validTo) {
    }
}
