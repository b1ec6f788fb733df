package io.accord.rating.engine;

import io.accord.rating.engine.UsagePriceVersion.TierPeriod;

import java.time.LocalDate;

/**
 * Identifies a tier accumulator: one subscriber, one offering and one usage type (an offering prices each usage type
 * in its own unit, so their quantities never add up), in one tier period starting on {@code periodStart} (UTC).
 */
public record AccumulatorKey(String subscriberId, String offeringId, String usageType, TierPeriod period,
                             LocalDate periodStart) {
}
