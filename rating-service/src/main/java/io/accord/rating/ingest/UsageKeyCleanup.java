package io.accord.rating.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Keeps the duplicate index bounded: deletes the markers of usage older than the too-old window plus a day, in
 * chunks. Such usage is suspended as TOO_OLD whenever it comes again, so it is never rated twice; the day of grace
 * covers the clock moving on between the marker's check and the engine's. Once cluster-wide (ShedLock).
 *
 * <p>The markers are found through the block-range index on their usage time, and the summaries of the block ranges a
 * chunk deleted from are dropped afterwards ({@code usage_key_forget_ranges}, V88): new markers refill the freed
 * pages, and a summary that kept the purged markers' old times would make every later purge read those pages again
 * (docs/rating-pipeline.md, "The duplicate markers' purge"). Dropping a summary takes the table's SHARE UPDATE
 * EXCLUSIVE lock, as (auto)vacuum does, so it runs in a transaction of its own that waits at most
 * {@link #LOCK_WAIT}, shorter than the second after which PostgreSQL cancels an autovacuum that is in the way: on a
 * large table, a purge every hour must not keep its vacuum from ever finishing. Ranges it could not drop then are
 * tried again after the next chunk, and in the next run.
 */
class UsageKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(UsageKeyCleanup.class);
    private static final int CHUNK = 10_000;
    static final String LOCK_WAIT = "500ms";
    /** More blocks than this still to drop, and the oldest are let go (their ranges are only read more often). */
    private static final int MAX_PENDING = 1_000_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IngestProperties properties;
    private final Clock clock;
    /** Heap blocks whose ranges' summaries are still to be dropped. */
    private final TreeSet<Long> pending = new TreeSet<>();

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
    synchronized int purgeBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            Map<Long, Long> blocks = transactions.execute(status -> deleteChunk(cutoff));
            deleted = (int) blocks.values().stream().mapToLong(Long::longValue).sum();
            total += deleted;
            pending.addAll(blocks.keySet());
            forgetPendingRanges();
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Deleted {} duplicate markers of usage before {}", total, cutoff);
        }
        return total;
    }

    /** Blocks whose ranges' summaries could not be dropped yet (a vacuum held the table). */
    synchronized int pendingBlocks() {
        return pending.size();
    }

    /** One chunk, in one transaction: answers, per heap block it deleted from, how many markers. */
    private Map<Long, Long> deleteChunk(Instant cutoff) {
        // with a limit, the planner expects matches all over the table and prefers reading it from its start; the
        // old markers are in a few block ranges, which the index names
        jdbc.sql("set local enable_seqscan = off").update();
        Map<Long, Long> blocks = new HashMap<>();
        jdbc.sql("""
                        with deleted as (
                            delete from usage_key where ctid in (
                                select ctid from usage_key where usage_time < :cutoff limit :chunk)
                            returning ctid)
                        select (ctid::text::point)[0]::bigint, count(*) from deleted group by 1""")
                .param("cutoff", Timestamp.from(cutoff)).param("chunk", CHUNK)
                .query(row -> {
                    blocks.put(row.getLong(1), row.getLong(2));
                });
        return blocks;
    }

    private void forgetPendingRanges() {
        if (pending.isEmpty()) {
            return;
        }
        StringJoiner array = new StringJoiner(",", "{", "}");
        pending.forEach(block -> array.add(Long.toString(block)));
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("set local lock_timeout = '" + LOCK_WAIT + "'").update();
                jdbc.sql("select usage_key_forget_ranges(cast(:blocks as bigint[]))")
                        .param("blocks", array.toString()).query((row, n) -> n).list();
            });
            pending.clear();
        } catch (DataAccessException failure) {
            if (!lockNotAvailable(failure)) {
                throw failure;
            }
            log.debug("Block-range summaries of {} purged blocks not dropped yet: {}", pending.size(),
                    failure.getMostSpecificCause().getMessage());
            while (pending.size() > MAX_PENDING) {
                pending.pollFirst();
            }
        }
    }

    /** The lock timeout (SQL state 55P03), which the SQL-state translator leaves uncategorized. */
    private static boolean lockNotAvailable(DataAccessException failure) {
        return failure instanceof PessimisticLockingFailureException
                || failure.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState());
    }
}
