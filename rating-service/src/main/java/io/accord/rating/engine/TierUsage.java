package io.accord.rating.engine;

import io.accord.rating.engine.UsagePriceVersion.TierMode;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a record's billed quantity met the tiers.
 *
 * @param mode              the price's tier mode
 * @param portions          the quantity charged at each rate, in order; they sum to the billed quantity exactly
 *                          (empty for a wholesale-priced record)
 * @param provisional       a volume-tier charge that the period-end re-rating makes final
 * @param accumulator       the accumulator the record advanced
 * @param accumulatorBefore its quantity before the record, in the price's unit
 * @param accumulatorAfter  its quantity after the record
 */
public record TierUsage(TierMode mode, List<TierPortion> portions, boolean provisional, AccumulatorKey accumulator,
                        BigDecimal accumulatorBefore, BigDecimal accumulatorAfter) {

    /** A quantity charged at one tier's rate ({@code tier} 0 for a flat price). */
    public record TierPortion(int tier, BigDecimal quantity, BigDecimal rate) {
    }
}
