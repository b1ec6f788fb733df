package io.accord.rating.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The tier accumulators a batch is rated against. The caller loads the ones it has (from the database), hands them
 * to {@link RatingEngine#rate}, which advances the record's accumulator when it rates it (never when it suspends
 * it), and stores the changed ones in the same transaction as the rated records; each rated record also carries its
 * accumulator's value before and after. Not thread-safe: a subscriber's records are rated in arrival order by one
 * thread.
 */
public final class TierAccumulators {

    private final Map<AccumulatorKey, BigDecimal> quantities = new HashMap<>();

    /** The accumulated quantity, zero for an accumulator not seen yet. */
    public BigDecimal quantity(AccumulatorKey key) {
        BigDecimal quantity = quantities.get(key);
        return quantity == null ? BigDecimal.ZERO : quantity;
    }

    /** Sets an accumulator, e.g. to the value loaded from the database. */
    public void put(AccumulatorKey key, BigDecimal quantity) {
        quantities.put(key, quantity);
    }

    /** A copy of every accumulator, to be stored. */
    public Map<AccumulatorKey, BigDecimal> snapshot() {
        return Map.copyOf(quantities);
    }
}
