package io.accord.settlement.reconciliation;

import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Record-level matching of the partner's CDRs ("theirs") against our rated usage ("ours"), fed by two streams and
 * holding neither in memory. Ours may contain reversals: a reversed record and its reversal cancel out, so only the
 * current rating of each usage takes part. The records not matched (and the pairs that differ) are kept under the
 * match id for download.
 */
interface UsageMatcher {

    /** USAGE_ID: pair by usage id. KEYS: pair by subscriber, start time within ±N s and quantity within tolerance. */
    enum Mode { USAGE_ID, KEYS }

    enum Outcome { MATCHED, DIFFERENT_QUANTITY, DIFFERENT_AMOUNT, ONLY_THEIRS, ONLY_OURS }

    /**
     * One usage record of either side.
     *
     * @param amount     theirs: the partner's amount of the record, {@code null} when the file has none (then only
     *                   quantities are compared); ours: the partner amount rating computed
     * @param ratedId    ours: rating's id of this rating, {@code null} for theirs
     * @param reversalOf ours: the rated id this record reverses, {@code null} when it is no reversal
     */
    record Record(String usageId, String subscriberId, Instant usageTime, String usageType, BigDecimal quantity,
                  BigDecimal amount, String ratedId, String reversalOf) {
    }

    record Rules(Mode mode, int timeToleranceSeconds, BigDecimal quantityTolerance, BigDecimal amountTolerance) {
    }

    /** Per outcome: records, and the sums of both sides' quantities and amounts (a missing side sums to zero). */
    record Totals(long count, BigDecimal ourQuantity, BigDecimal theirQuantity, BigDecimal ourAmount,
                  BigDecimal theirAmount) {
    }

    /**
     * Which of our records a statement billed, for a match on the statement's basis: of those with a usage time in
     * its period window [from, to), all but the ones placed elsewhere; of the others (the late windows), only the
     * ones placed in it. {@code placed} names every record placed outside its own period that concerns the period
     * ({@code UsageSums.placedOutside}).
     */
    record Statement(Instant from, Instant to, Iterator<UsageSums.Placed> placed) {
    }

    /** Matches the two streams; every outcome is in the answer (zero counts included). */
    default Map<Outcome, Totals> match(UUID matchId, Iterator<Record> theirs, Iterator<Record> ours, Rules rules) {
        return match(matchId, theirs, ours, rules, null);
    }

    /**
     * Matches the two streams, ours narrowed to what the statement billed ({@code null}: ours as it comes); every
     * outcome is in the answer (zero counts included).
     */
    Map<Outcome, Totals> match(UUID matchId, Iterator<Record> theirs, Iterator<Record> ours, Rules rules,
                               Statement statement);

    /** The records of a match that did not match, in outcome then record order, for the download. */
    void unmatched(UUID matchId, java.util.function.Consumer<Unmatched> sink);

    /** Forgets a match's unmatched records. */
    void forget(UUID matchId);

    /** A record that did not match: the pair's two sides, or the one side there is. */
    record Unmatched(String outcome, String usageId, String theirUsageId, String subscriberId, Instant usageTime,
                     String usageType, BigDecimal ourQuantity, BigDecimal theirQuantity, BigDecimal ourAmount,
                     BigDecimal theirAmount) {
    }
}
