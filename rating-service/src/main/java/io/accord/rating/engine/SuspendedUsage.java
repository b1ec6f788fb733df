package io.accord.rating.engine;

/**
 * A usage record the engine could not rate.
 *
 * @param usage  the record
 * @param reason why
 * @param detail a sentence for ops naming what is missing or wrong
 */
public record SuspendedUsage(UsageRecord usage, SuspenseReason reason, String detail) implements RatingOutcome {
}
