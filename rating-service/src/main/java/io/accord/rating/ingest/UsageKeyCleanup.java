package io.accord.rating.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * Keeps the duplicate index bounded: deletes the markers of usage older than the too-old window plus a day, in
 * chunks. Such usage is suspended as TOO_OLD whenever it comes again, so it is never rated twice; the day of grace
 * covers the clock moving on between the marker's check and the engine's. Once cluster-wide (ShedLock).
 *
 * <p>The markers are found through the block-range index on their usage time, and each chunk drops the summaries of
 * the block ranges it deleted from ({@code usage_key_forget_ranges}, V88): new markers refill the freed pages, and a
 * summary that kept the purged markers' old times would make every later purge read those pages again
 * (docs/rating-pipeline.md, "The duplicate markers' purge").
 */
class UsageKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(UsageKeyCleanup.class);
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IngestProperties properties;
    private final Clock clock;

    UsageKeyCleanup(JdbcClient jdbc, TransactionTemplate transactions, IngestProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
            deleted = transactions.execute(status -> deleteChunk(cutoff));
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Deleted {} duplicate markers of usage before {}", total, cutoff);
        }
        return total;
    }

    /** One chunk, in one transaction: the markers, then the summaries of the block ranges they were in. */
    private int deleteChunk(Instant cutoff) {
        // with a limit, the planner expects matches all over the table and prefers reading it from its start; the
        // old markers are in a few block ranges, which the index names
        jdbc.sql("set local enable_seqscan = off").update();
        List<long[]> blocks = jdbc.sql("""
                        with deleted as (
                            delete from usage_key where ctid in (
                                select ctid from usage_key where usage_time < :cutoff limit :chunk)
                            returning ctid)
                        select (ctid::text::point)[0]::bigint, count(*) from deleted group by 1""")
                .param("cutoff", Timestamp.from(cutoff)).param("chunk", CHUNK)
                .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).list();
        if (blocks.isEmpty()) {
            return 0;
        }
        StringJoiner array = new StringJoiner(",", "{", "}");
        blocks.forEach(block -> array.add(Long.toString(block[0])));
        jdbc.sql("select usage_key_forget_ranges(cast(:blocks as bigint[]))").param("blocks", array.toString())
                .query((row, n) -> n).list();
        return (int) blocks.stream().mapToLong(block -> block[1]).sum();
    }
}
