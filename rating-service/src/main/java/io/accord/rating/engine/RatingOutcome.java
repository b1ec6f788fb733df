package io.accord.rating.engine;

/** What rating one usage record comes to: {@link RatedUsage} or {@link SuspendedUsage}. */
public sealed interface RatingOutcome permits RatedUsage, SuspendedUsage {

    /** The record rated. */
    UsageRecord usage();
}
