package io.accord.rating.engine;

/**
 * A usage record the engine could not rate.
 *
 * @param usage      the record
 * @param reason     why
 * @param detail     a sentence for ops naming what is missing or wrong
 * @param offeringId the offering it concerns: the one of the product instance the engine picked before it had to
 *                   stop (no price, no agreement, a unit the price does not take), else the one the record named
 *                   ({@code null} when none), so that ops can find the suspense of an offering
 */
public record SuspendedUsage(UsageRecord usage, SuspenseReason reason, String detail, String offeringId)
        implements RatingOutcome {

    /** Suspended before any product instance was picked: it concerns the offering the record named, if any. */
    public SuspendedUsage(UsageRecord usage, SuspenseReason reason, String detail) {
        this(usage, reason, detail, usage == null ? null : usage.offeringId());
    }
}
