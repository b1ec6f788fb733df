package io.accord.orchestration.inventory;

import java.util.Map;

/**
 * How many items of a pool (or of all pools of a resource type) are in each state.
 *
 * @param total every item, whatever its state
 */
public record Levels(long available, long reserved, long allocated, long quarantined, long total) {

    static final Levels EMPTY = new Levels(0, 0, 0, 0, 0);

    static Levels of(Map<String, Long> byState) {
        long available = byState.getOrDefault(ItemState.AVAILABLE.name(), 0L);
        long reserved = byState.getOrDefault(ItemState.RESERVED.name(), 0L);
        long allocated = byState.getOrDefault(ItemState.ALLOCATED.name(), 0L);
        long quarantined = byState.getOrDefault(ItemState.QUARANTINED.name(), 0L);
        return new Levels(available, reserved, allocated, quarantined,
                available + reserved + allocated + quarantined);
    }
}
