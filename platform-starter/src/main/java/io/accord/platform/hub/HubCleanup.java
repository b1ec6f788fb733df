package io.accord.platform.hub;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes deliveries made or given up longer ago than the retention, then the events no delivery refers to any
 * more, in small batches. Pending deliveries (also those of a disabled subscription, waiting for it to be
 * re-enabled) are never touched. One replica at a time (ShedLock).
 */
class HubCleanup {

    private static final Logger log = LoggerFactory.getLogger(HubCleanup.class);
    private static final int BATCH = 1000;
    /**
     * Oldest first, through the index {@code hub_delivery_finished} (platform V10), and the events no delivery refers
     * to through {@code hub_event_created} (V15), not by reading the tables.
     */
    static final String DELETE_OLDEST_FINISHED = """
            delete from hub_delivery where id in (
                select id from hub_delivery
                where (delivered_at is not null or dead_at is not null)
                  and coalesce(delivered_at, dead_at) < :cutoff
                order by coalesce(delivered_at, dead_at) limit :batch)""";
    /** See {@link #DELETE_OLDEST_FINISHED}. */
    static final String DELETE_OLDEST_UNREFERENCED = """
            delete from hub_event where id in (
                select e.id from hub_event e
                where e.created_at < :cutoff
                  and not exists (select 1 from hub_delivery d where d.event_id = e.id)
                order by e.created_at limit :batch)""";

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    HubCleanup(JdbcClient jdbc, HubProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.platform.hub.cleanup-interval:1h}",
            initialDelayString = "${accord.platform.hub.cleanup-interval:1h}")
    @SchedulerLock(name = "platform-hub-cleanup")
    void cleanUp() {
        int deleted = deleteFinishedBefore(Timestamp.from(clock.instant().minus(retention)));
        if (deleted > 0) {
            log.info("Deleted {} hub deliveries finished more than {} ago", deleted, retention);
        }
    }

    /** @return how many deliveries were deleted */
    int deleteFinishedBefore(Timestamp cutoff) {
        int total = 0;
        int batch;
        do {
            batch = jdbc.sql(DELETE_OLDEST_FINISHED)
                    .param("cutoff", cutoff).param("batch", BATCH).update();
            total += batch;
        } while (batch == BATCH);
        int events;
        do {
            events = jdbc.sql(DELETE_OLDEST_UNREFERENCED)
                    .param("cutoff", cutoff).param("batch", BATCH).update();
        } while (events == BATCH);
        return total;
    }
}
