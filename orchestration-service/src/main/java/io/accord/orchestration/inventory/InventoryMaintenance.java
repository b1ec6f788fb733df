package io.accord.orchestration.inventory;

import io.accord.platform.scheduling.JobItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The job's work: expire reservations, end cooling-offs, check watermarks. Each kind selects its due items without
 * holding a transaction, then {@link JobItems} handles every item (pool) in its own transaction, which locks and
 * re-reads it there: one that keeps failing (a row the code cannot read, a pool gone) rolls back alone, is recorded
 * and put off, and no longer stops every other item of every round.
 */
@Component
class InventoryMaintenance {

    /** Names of the three kinds in {@code job_item_failure}: an item id is kept per kind. */
    static final String RESERVATIONS = InventoryJob.LOCK + ".reservations";
    static final String COOLING_OFFS = InventoryJob.LOCK + ".cooling-offs";
    static final String WATERMARKS = InventoryJob.LOCK + ".watermarks";
    private static final String EXPIRED = """
            select i.id from inventory_item i where i.state = 'RESERVED' and i.reserved_until <= :now and %s
            order by i.reserved_until limit :batch""".formatted(JobItems.notPutOff(RESERVATIONS, "i.id"));
    private static final String COOLED_OFF = """
            select i.id from inventory_item i where i.state = 'QUARANTINED' and i.quarantined_until <= :now and %s
            order by i.quarantined_until limit :batch""".formatted(JobItems.notPutOff(COOLING_OFFS, "i.id"));

    private final InventoryItemRepository items;
    private final InventoryPoolRepository pools;
    private final ItemHistory history;
    private final LowWatermark watermark;
    private final InventoryProperties properties;
    private final JobItems jobItems;
    private final JdbcClient jdbc;

    InventoryMaintenance(InventoryItemRepository items, InventoryPoolRepository pools, ItemHistory history,
                         LowWatermark watermark, InventoryProperties properties, JobItems jobItems, JdbcClient jdbc) {
        this.items = items;
        this.pools = pools;
        this.history = history;
        this.watermark = watermark;
        this.properties = properties;
        this.jobItems = jobItems;
        this.jdbc = jdbc;
    }

    /** Reservations not allocated by their expiry go back to AVAILABLE: how many did. */
    public int expireReservations(Instant now) {
        return jobItems.each(RESERVATIONS, due(EXPIRED, now), Function.identity(),
                id -> items.lockExpiredReservation(id, now)
                        .map(item -> returned(item, item.expire(now), now)).orElse(0)).changed();
    }

    /** Quarantined items whose cooling-off is over go back to AVAILABLE: how many did. */
    public int endCoolingOffs(Instant now) {
        return jobItems.each(COOLING_OFFS, due(COOLED_OFF, now), Function.identity(),
                id -> items.lockCooledOff(id, now)
                        .map(item -> returned(item, item.endCoolingOff(now), now)).orElse(0)).changed();
    }

    /** Raises or re-arms the watermark of every pool that has one: how many pools it raised or re-armed. */
    public int checkWatermarks() {
        return jobItems.each(WATERMARKS, pools.withLowWatermark(), Function.identity(),
                id -> pools.findById(id).map(watermark::check).orElse(false) ? 1 : 0).changed();
    }

    private List<UUID> due(String selection, Instant now) {
        return jdbc.sql(selection).param("now", Timestamp.from(now)).param("batch", properties.jobBatchSize())
                .query(UUID.class).list();
    }

    /** Records and writes an item's move back to AVAILABLE; its pool may be above its watermark again. */
    private int returned(InventoryItem item, Transition transition, Instant now) {
        history.record(item, transition, now);
        items.saveAndFlush(item);
        pools.findById(item.poolId()).ifPresent(watermark::afterAdding);
        return 1;
    }
}
