package io.accord.rating.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of making a volume-tiered period final: for each provisionally charged record not at the final tier,
 * a reversal (every amount negated) and a final record at the final tier, in the period's arrival order. The
 * provisional charges plus the reversals plus the finals equal the period's records each charged at the final tier.
 *
 * @param accumulator   the accumulator whose period it is, {@code null} for an empty period
 * @param totalQuantity the period's total billed quantity, which decides the final tier
 * @param reversals     one per re-rated record, {@link RatedUsage.Kind#REVERSAL}
 * @param finals        one per re-rated record, {@link RatedUsage.Kind#RERATED}
 */
public record VolumeRerating(AccumulatorKey accumulator, BigDecimal totalQuantity, List<RatedUsage> reversals,
                             List<RatedUsage> finals) {
}
