package io.accord.orchestration.inventory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The job's work, each kind one transaction: expire reservations, end cooling-offs, check watermarks. */
@Component
class InventoryMaintenance {

    private final InventoryItemRepository items;
    private final InventoryPoolRepository pools;
    private final ItemHistory history;
    private final LowWatermark watermark;
    private final InventoryProperties properties;

    InventoryMaintenance(InventoryItemRepository items, InventoryPoolRepository pools, ItemHistory history,
                         LowWatermark watermark, InventoryProperties properties) {
        this.items = items;
        this.pools = pools;
        this.history = history;
        this.watermark = watermark;
        this.properties = properties;
    }

    /** Reservations not allocated by their expiry go back to AVAILABLE: how many did. */
    @Transactional
    public int expireReservations(Instant now) {
        List<InventoryItem> expired = items.lockExpiredReservations(now, properties.jobBatchSize());
        expired.forEach(item -> history.record(item, item.expire(now), now));
        return afterReturning(expired);
    }

    /** Quarantined items whose cooling-off is over go back to AVAILABLE: how many did. */
    @Transactional
    public int endCoolingOffs(Instant now) {
        List<InventoryItem> cooled = items.lockCooledOff(now, properties.jobBatchSize());
        cooled.forEach(item -> history.record(item, item.endCoolingOff(now), now));
        return afterReturning(cooled);
    }

    /** Raises or re-arms the watermark of every pool that has one. */
    @Transactional
    public void checkWatermarks() {
        pools.findByLowWatermarkGreaterThan(0).forEach(watermark::check);
    }

    private int afterReturning(List<InventoryItem> returned) {
        items.saveAll(returned);
        items.flush();
        Set<UUID> touched = new HashSet<>();
        returned.forEach(item -> touched.add(item.poolId()));
        pools.findAllById(touched).forEach(watermark::afterAdding);
        return returned.size();
    }
}
