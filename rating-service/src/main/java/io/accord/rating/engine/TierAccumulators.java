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

    /** A mutable cell, so that the engine reads and advances an accumulator with one map lookup. */
    static final class Slot {
        BigDecimal quantity = BigDecimal.ZERO;
    }

    private final Map<AccumulatorKey, Slot> slots = new HashMap<>();

    /** The accumulated quantity, zero for an accumulator not seen yet. */
    public BigDecimal quantity(AccumulatorKey key) {
        Slot slot = slots.get(key);
        return slot == null ? BigDecimal.ZERO : slot.quantity;
    }

    /** Sets an accumulator, e.g. to the value loaded from the database. */
    public void put(AccumulatorKey key, BigDecimal quantity) {
        slot(key).quantity = quantity;
    }

    /** A copy of every accumulator, to be stored. */
    public Map<AccumulatorKey, BigDecimal> snapshot() {
        Map<AccumulatorKey, BigDecimal> copy = new HashMap<>();
        slots.forEach((key, slot) -> copy.put(key, slot.quantity));
        return Map.copyOf(copy);
    }

    /** The accumulator's cell, or {@code null} when it has none yet. */
    Slot existing(AccumulatorKey key) {
        return slots.get(key);
    }

    Slot slot(AccumulatorKey key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            slot = new Slot();
            slots.put(key, slot);
        }
        return slot;
    }
}
