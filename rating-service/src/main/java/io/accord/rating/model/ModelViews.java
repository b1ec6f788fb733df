package io.accord.rating.model;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import io.accord.rating.model.ModelRows.AgreementRow;
import io.accord.rating.model.ModelRows.ProductRow;
import io.accord.rating.model.PriceTimelines.EffectivePrice;
import io.accord.rating.model.SnapshotMapping.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What ops read of the read models (docs/rating-read-models.md): each row with the validity rating uses and, when
 * rating cannot use it, why ({@code notRated}).
 */
final class ModelViews {

    private ModelViews() {
    }

    /**
     * @param version        the snapshot's number
     * @param revision       the changes the snapshot reflects
     * @param latestRevision the changes committed to the tables (above {@code revision} while a rebuild is due)
     * @param builtAt        when this snapshot was made
     * @param fullyBuiltAt   when it, or the one it was derived from with changed product instances, was built from
     *                       all rows
     * @param inSnapshot     what the snapshot holds
     * @param rows           the rows of each table
     * @param problems       rows left out because the engine rejects them (at most 100 listed)
     */
    record ModelStatus(long version, long revision, long latestRevision, Instant builtAt, Instant fullyBuiltAt,
                       Map<String, Integer> inSnapshot, Map<String, Long> rows, int problemCount,
                       List<Problem> problems) {
    }

    /**
     * @param subscriberId the canonical subscriber id its tier accumulators are kept under
     * @param validFrom    rates usage from (inclusive, its start)
     * @param validTo      until (exclusive, its end); {@code null} while open
     * @param notRated     why rating does not use it, {@code null} when it does
     */
    record ProductView(String productId, String subscriberId, List<ProductDetails.SubscriberIdentifier> identifiers,
                       String offeringId, int offeringVersion, String ownerPartnerId, String buyerPartnerId,
                       String categoryCode, List<?> participants, String status, Instant validFrom, Instant validTo,
                       Long sequence, String notRated) {

        static ProductView of(ProductRow row) {
            ProductDetails product = row.product();
            String notRated = why(() -> SnapshotMapping.product(row).isPresent() ? null
                    : row.subscriberId() == null ? "it has no subscriber identifier"
                    : row.validFrom() == null ? "it has not started (status " + product.status() + ")"
                    : "it is never in force (status " + product.status() + ", " + row.validFrom() + " to "
                    + row.validTo() + ")");
            return new ProductView(product.productId(), row.subscriberId(), SnapshotMapping.identifiers(product),
                    product.offeringId(), product.offeringVersion(), product.ownerPartnerId(),
                    product.buyerPartnerId(), product.categoryCode(),
                    product.participants() == null ? List.of() : product.participants(), product.status(),
                    row.validFrom(), row.validTo(), row.sequence(), notRated);
        }
    }

    /**
     * @param validTo    the effective end (exclusive): the earliest of its own and where the next version starts
     * @param superseded replaced while announced: never in force
     */
    record PriceView(String priceVersionId, String offeringId, String priceId, int version, List<String> usageTypes,
                     String unit, String amount, String tierMode, List<OfferingPrice.Tier> tiers,
                     Integer roundingFirst, Integer roundingNext, String minimumQuantity, String accumulation,
                     String currency, Instant validFrom, Instant validTo, boolean superseded,
                     Instant offeringRetiredAt, String notRated) {

        static PriceView of(EffectivePrice effective, Instant retiredAt) {
            OfferingPrice price = effective.row().price();
            String notRated = why(() -> !effective.everInForce()
                    ? (effective.superseded() ? "superseded before it started" : "never in force")
                    : SnapshotMapping.prices(effective).isEmpty() ? "it names no usage type" : null);
            return new PriceView(price.priceVersionId(), effective.row().offeringId(), price.priceId(),
                    price.version(), price.usageTypes(), price.unit(), price.amount(), price.tierMode(),
                    price.tiers(), price.roundingFirst(), price.roundingNext(), price.minimumQuantity(),
                    price.accumulation(), price.currency(), price.validFrom(), effective.validTo(),
                    effective.superseded(), retiredAt, notRated);
        }
    }

    /**
     * @param validTo  the effective end (exclusive): the earliest of its validity and any end an event gave
     * @param endedAt  the earliest end a supersession, termination, expiry or successor gave
     * @param terms    the activation's terms, {@code null} while only an end is known
     */
    record AgreementView(String agreementId, String partnerId, Integer version, String businessModel,
                         Instant validFrom, Instant validUntil, Instant endedAt, String endReason, Instant validTo,
                         boolean neverInForce, AgreementActivated.Terms terms, String notRated) {

        static AgreementView of(AgreementRow row) {
            AgreementActivated activated = row.activated();
            String notRated = why(() -> SnapshotMapping.agreement(row).isPresent() ? null
                    : activated == null ? "its activation has not arrived (only its end is known)"
                    : row.neverInForce() ? "terminated before it came into force" : "never in force");
            return new AgreementView(row.agreementId(), row.partnerId(), row.version(),
                    activated == null ? null : activated.businessModel(),
                    activated == null ? null : activated.inForceFrom(),
                    activated == null ? null : activated.validUntil(), row.endedAt(), row.endReason(),
                    SnapshotMapping.agreementEnd(row), row.neverInForce(),
                    activated == null ? null : activated.terms(), notRated);
        }
    }

    /** The reason, or the engine's objection when the mapping throws. */
    private static String why(Supplier<String> reason) {
        try {
            return reason.get();
        } catch (RuntimeException rejected) {
            return "rejected: " + rejected.getMessage();
        }
    }
}
