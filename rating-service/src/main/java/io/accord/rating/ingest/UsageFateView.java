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
 * @param ratings    every rated record of it in sequence order: the first rating, reversals and re-ratings
 * @param suspense   its suspense records (staff only)
 * @param duplicates every later copy received, counted once and never rated, each naming the original
 */
record UsageFateView(String source, String usageId, String fate, List<Rated> ratings, List<Suspense> suspense,
                     List<Duplicate> duplicates) {

    /** A rated record with its amounts and everything it was rated with. */
    record Rated(UUID ratedId, long sequence, String kind, UUID reversalOf, Instant ratedAt, String subscriberId,
                 OffsetDateTime usageTime, String usageType, String quantity, String unit, String billedQuantity,
                 String billedUnit, String currency, String charge, List<UsageRated.PartyAmount> parties,
                 String margin, String allocation, String productInstanceId, String offeringId, int offeringVersion,
                 String priceVersionId, int priceVersion, List<UsageRated.AgreementVersionRef> agreements,
                 String tierMode, boolean provisional, long arrivalOrder, String customerReference) {
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
