package io.accord.orchestration.inventory;

import io.accord.contracts.Topics;
import io.accord.contracts.events.InventoryLowWatermarkReached;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Raises {@link InventoryLowWatermarkReached} once per crossing: when a pool's available items fall to or below
 * its watermark while it is armed, it is disarmed and the event goes to the outbox in the same transaction; it
 * is re-armed once the pool rises above the watermark again. The (dis)arming is a conditional update of the
 * pool row, so of two transactions seeing the crossing only one raises the event. Counting stops at
 * watermark + 1 rows, so the check costs the same in a pool of a million items.
 */
@Component
class LowWatermark {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    LowWatermark(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** After items left AVAILABLE: raises the event if this pool just crossed its watermark (true if it did). */
    boolean afterTaking(InventoryPool pool) {
        if (pool.lowWatermark() <= 0) {
            return false;
        }
        long available = availableUpTo(pool.id(), pool.lowWatermark() + 1);
        if (available <= pool.lowWatermark() && disarm(pool.id())) {
            outbox.publish(Topics.ORDER_EVENTS, new InventoryLowWatermarkReached(UUID.randomUUID(), clock.instant(),
                    pool.id().toString(), pool.name(), pool.resourceType().name(),
                    owner(pool.owner()), available, pool.lowWatermark()));
            return true;
        }
        return false;
    }

    /** After items became AVAILABLE: re-arms the pool once it is above its watermark again (true if it did). */
    boolean afterAdding(InventoryPool pool) {
        if (pool.lowWatermark() <= 0) {
            return false;
        }
        return availableUpTo(pool.id(), pool.lowWatermark() + 1) > pool.lowWatermark() && rearm(pool.id());
    }

    /**
     * Both checks, for the job: catches a crossing that concurrent reservations each saw from the other side. True
     * if the pool was re-armed or raised the event.
     */
    boolean check(InventoryPool pool) {
        boolean rearmed = afterAdding(pool);
        return afterTaking(pool) || rearmed;
    }

    private boolean rearm(UUID pool) {
        return jdbc.sql("""
                        update inventory_pool set low_watermark_armed = true
                        where id = :id and not low_watermark_armed""")
                .param("id", pool).update() == 1;
    }

    private boolean disarm(UUID pool) {
        return jdbc.sql("update inventory_pool set low_watermark_armed = false where id = :id and low_watermark_armed")
                .param("id", pool).update() == 1;
    }

    private long availableUpTo(UUID pool, int limit) {
        return jdbc.sql("""
                        select count(*) from (select 1 from inventory_item
                                              where pool_id = :pool and state = 'AVAILABLE' limit :limit) available""")
                .param("pool", pool).param("limit", limit)
                .query(Long.class).single();
    }

    private static String owner(PartnerId owner) {
        return owner == null ? null : owner.value().toString();
    }
}
