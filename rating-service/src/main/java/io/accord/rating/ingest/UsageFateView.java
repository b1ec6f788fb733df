package io.accord.rating.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.contracts.usage.UsageRated;
import io.accord.rating.visibility.PartnerView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What became of a usage record (source + usage id).
 *
 * @param fate       {@code RATED} (at least one rating; the last non-reversed one is in force), {@code SUSPENDED}
 *                   (in suspense, see the reason), or the suspense record's later status ({@code RECYCLED},
 *                   {@code WRITTEN_OFF}, {@code REPLACED}: its sender sent a corrected copy, rated or suspended under
 *                   the same usage id)
 * @param current    the rated id of its rating in force (the one rated record of it no reversal reverses),
 *                   {@code null} when it was never rated
 * @param ratings    every rated record of it in sequence order: the first rating, reversals and re-ratings (the
 *                   history: each reversed one says by which reversal)
 * @param suspense   its suspense records (staff only)
 * @param duplicates every later copy received, counted once and never rated, each naming the original
 */
record UsageFateView(String source, String usageId,
                     @Schema(allowableValues = {"RATED", "SUSPENDED", "RECYCLED", "WRITTEN_OFF", "REPLACED"})
                     String fate,
                     UUID current, List<Rated> ratings, List<Suspense> suspense, List<Duplicate> duplicates) {

    /**
     * A rated record with its amounts and everything it was rated with; {@code reversedBy} is the reversal that
     * took it back ({@code null} while it is in force, and for a reversal); {@code taxCategory} the rated price
     * version's (a reversal: the record's it reverses), {@code null} when the price named none or the record was
     * rated before rating kept it (V81). What a partner sees of it is {@link #seenBy}'s: no {@code margin}, only
     * its own {@code parties} and {@code agreements}, the {@code charge} only as the one owing it or the offering's
     * owner, the {@code customerReference} only as its submitter or buyer ({@link PartnerView}).
     */
    record Rated(UUID ratedId, long sequence,
                 @Schema(allowableValues = {"RATED", "REVERSAL", "RERATED"}) String kind, UUID reversalOf,
                 UUID reversedBy, Instant ratedAt, String subscriberId,
                 OffsetDateTime usageTime, String usageType, String quantity, String unit, String billedQuantity,
                 String billedUnit, String currency,
                 @Schema(description = "the whole charge; for a partner only when it owes it or owns the"
                         + " (sell-through) offering, absent otherwise")
                 @JsonInclude(JsonInclude.Include.NON_NULL) String charge,
                 @Schema(description = "every party's amount for staff; a partner's own entries only")
                 List<UsageRated.PartyAmount> parties,
                 @Schema(description = "the CSP's margin: staff only, absent for a partner")
                 @JsonInclude(JsonInclude.Include.NON_NULL) String margin,
                 String allocation, String productInstanceId, String offeringId, int offeringVersion,
                 String priceVersionId, int priceVersion,
                 @Schema(description = "every party's agreement version for staff; a partner's own only")
                 List<UsageRated.AgreementVersionRef> agreements,
                 String tierMode, boolean provisional, long arrivalOrder,
                 @Schema(description = "the product's customer id; for a partner only when it submitted the record"
                         + " or bought the product, null otherwise")
                 String customerReference,
                 String taxCategory) {

        Rated reversedBy(UUID reversal) {
            return new Rated(ratedId, sequence, kind, reversalOf, reversal, ratedAt, subscriberId, usageTime,
                    usageType, quantity, unit, billedQuantity, billedUnit, currency, charge, parties, margin,
                    allocation, productInstanceId, offeringId, offeringVersion, priceVersionId, priceVersion,
                    agreements, tierMode, provisional, arrivalOrder, customerReference, taxCategory);
        }

        /** This rating as {@code view} sees it, the usage's {@code source} telling whether the caller sent it. */
        Rated seenBy(PartnerView view, String source) {
            if (view.isStaff()) {
                return this;
            }
            return new Rated(ratedId, sequence, kind, reversalOf, reversedBy, ratedAt, subscriberId, usageTime,
                    usageType, quantity, unit, billedQuantity, billedUnit, currency,
                    view.seesCharge(source, allocation, parties) ? charge : null, view.parties(parties),
                    view.seesMargin() ? margin : null, allocation, productInstanceId, offeringId, offeringVersion,
                    priceVersionId, priceVersion, view.agreements(agreements), tierMode, provisional, arrivalOrder,
                    view.seesCustomerReference(source, parties) ? customerReference : null, taxCategory);
        }
    }

    /**
     * A suspense record: why, and what became of it ({@code resolvedBy}: who recycled it, wrote it off or, for
     * REPLACED, sent the corrected copy; as the suspense list shows it).
     */
    record Suspense(UUID suspenseId, String reason, String detail, String status, Instant receivedAt,
                    Instant suspendedAt, Instant resolvedAt, String resolvedBy, String resolution, UUID ratedId) {
    }

    /**
     * A copy received again: through which input ({@code channel}) and whether its content differs from the
     * original's ({@code conflicting}; {@code null} when not known, docs/rating-pipeline.md, "Duplicates").
     */
    record Duplicate(UUID duplicateId, Instant receivedAt, Instant detectedAt, Original duplicateOf, String channel,
                     Boolean conflicting) {
    }

    /** The record a duplicate repeats: {@code kind} RATED (a rated id) or SUSPENSE (a suspense id). */
    record Original(String kind, UUID id) {
    }
}
