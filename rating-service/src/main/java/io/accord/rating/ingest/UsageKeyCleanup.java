package io.accord.rating.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the duplicate index bounded: deletes the markers of usage older than the too-old window plus a day, in
 * chunks. Such usage is suspended as TOO_OLD whenever it comes again, so it is never rated twice; the day of grace
 * covers the clock moving on between the marker's check and the engine's. Once cluster-wide (ShedLock).
 */
class UsageKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(UsageKeyCleanup.class);
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final IngestProperties properties;
    private final Clock clock;

    UsageKeyCleanup(JdbcClient jdbc, IngestProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.rating.ingest.key-cleanup:1h}", initialDelayString = "1m")
    @SchedulerLock(name = "rating-usage-key-cleanup")
    void purgeExpired() {
        purgeBefore(clock.instant().minus(properties.tooOldAfter()).minus(Duration.ofDays(1)));
    }

    /** Deletes the markers of usage before {@code cutoff}; answers how many. */
    int purgeBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from usage_key where ctid in (
                                select ctid from usage_key where usage_time < :cutoff limit :chunk)""")
                    .param("cutoff", Timestamp.from(cutoff)).param("chunk", CHUNK).update();
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Deleted {} duplicate markers of usage before {}", total, cutoff);
        }
        return total;
    }
}
