package io.accord.platform.outbox;

import io.accord.platform.PlatformProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Deletes outbox rows published longer ago than the retention, in small batches so no long lock is held.
 * Unsent rows are never touched. One replica at a time (ShedLock): parallel runs would only wait on each other's
 * row locks to delete the same rows.
 */
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final int BATCH = 1000;
    /** Oldest first, through the index {@code outbox_event_sent} (platform V15), not by reading the table. */
    static final String DELETE_OLDEST_SENT = """
            delete from outbox_event where id in (
                select id from outbox_event where sent_at is not null and sent_at < :cutoff
                order by sent_at limit :batch)
            """;

    private final JdbcClient jdbc;
    private final PlatformProperties.Outbox settings;
    private final Clock clock;

    OutboxCleanup(JdbcClient jdbc, PlatformProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.outbox();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.platform.outbox.cleanup-interval:1h}",
            initialDelayString = "${accord.platform.outbox.cleanup-interval:1h}")
    @SchedulerLock(name = "platform-outbox-cleanup")
    void cleanUp() {
        int deleted = deleteSentBefore(Timestamp.from(clock.instant().minus(settings.retention())));
        if (deleted > 0) {
            log.info("Deleted {} outbox events published more than {} ago", deleted, settings.retention());
        }
    }

    /** @return how many rows were deleted */
    int deleteSentBefore(Timestamp cutoff) {
        int total = 0;
        int batch;
        do {
            batch = jdbc.sql(DELETE_OLDEST_SENT)
                    .param("cutoff", cutoff).param("batch", BATCH).update();
            total += batch;
        } while (batch == BATCH);
        return total;
    }
}
