package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageRated;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What became of a usage record (source + usage id).
 *
 * @param fate       {@code RATED} (at least one rating; the last non-reversed one is in force), {@code SUSPENDED}
 *                   (in suspense, see the reason), or the suspense record's later status ({@code RECYCLED},
 *                   {@code WRITTEN_OFF})
 * @param current    the rated id of its rating in force (the one rated record of it no reversal reverses),
 *                   {@code null} when it was never rated
 * @param ratings    every rated record of it in sequence order: the first rating, reversals and re-ratings (the
 *                   history: each reversed one says by which reversal)
 * @param suspense   its suspense records (staff only)
 * @param duplicates every later copy received, counted once and never rated, each naming the original
 */
record UsageFateView(String source, String usageId, String fate, UUID current, List<Rated> ratings, List<Suspense> suspense,
                     List<Duplicate> duplicates) {

    /**
     * A rated record with its amounts and everything it was rated with; {@code reversedBy} is the reversal that
     * took it back ({@code null} while it is in force, and for a reversal); {@code taxCategory} the rated price
     * version's (a reversal: the record's it reverses), {@code null} when the price named none or the record was
     * rated before rating kept it (V81).
     */
    record Rated(UUID ratedId, long sequence, String kind, UUID reversalOf, UUID reversedBy, Instant ratedAt, String subscriberId,
                 OffsetDateTime usageTime, String usageType, String quantity, String unit, String billedQuantity,
                 String billedUnit, String currency, String charge, List<UsageRated.PartyAmount> parties,
                 String margin, String allocation, String productInstanceId, String offeringId, int offeringVersion,
                 String priceVersionId, int priceVersion, List<UsageRated.AgreementVersionRef> agreements,
                 String tierMode, boolean provisional, long arrivalOrder, String customerReference,
                 String taxCategory) {

        Rated reversedBy(UUID reversal) {
            return new Rated(ratedId, sequence, kind, reversalOf, reversal, ratedAt, subscriberId, usageTime,
                    usageType, quantity, unit, billedQuantity, billedUnit, currency, charge, parties, margin,
                    allocation, productInstanceId, offeringId, offeringVersion, priceVersionId, priceVersion,
                    agreements, tierMode, provisional, arrivalOrder, customerReference, taxCategory);
        }
    }

    /** A suspense record: why, and what became of it. */
    record Suspense(UUID suspenseId, String reason, String detail, String status, Instant receivedAt,
                    Instant suspendedAt, Instant resolvedAt, String resolution, UUID ratedId) {
    }

    /** A copy received again. */
    record Duplicate(UUID duplicateId, Instant receivedAt, Instant detectedAt, Original duplicateOf) {
    }

    /** The record a duplicate repeats: {@code kind} RATED (a rated id) or SUSPENSE (a suspense id). */
    record Original(String kind, UUID id) {
    }
}
