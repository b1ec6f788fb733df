package io.accord.rating.ingest;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestInfrastructure;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly purge of duplicate markers: what it deletes, and that it leaves no block-range summary that still holds
 * the purged markers' times (docs/rating-pipeline.md, "The duplicate markers' purge"). Markers of 1990 stand for the
 * old ones: nothing else in the shared database is that old (those of 1991 are what the purge keeps).
 */
@AccordServiceTest
class UsageKeyCleanupTests {

    private static final String INDEX = "usage_key_usage_time";
    private static final Instant CUTOFF = Instant.parse("1990-02-01T00:00:00Z");

    private final UsageKeyCleanup cleanup;
    private final JdbcClient jdbc;
    private final LockProvider locks;
    private final Environment environment;
    private SimpleLock scheduledPurge;
    private Connection admin;

    UsageKeyCleanupTests(UsageKeyCleanup cleanup, JdbcClient jdbc, LockProvider locks, Environment environment) {
        this.cleanup = cleanup;
        this.jdbc = jdbc;
        this.locks = locks;
        this.environment = environment;
    }

    @BeforeEach
    void holdTheScheduledPurgeAndConnectAsOwner() throws SQLException {
        // the scheduled purge (same lock) would delete these markers too while a test counts them
        scheduledPurge = locks.lock(new LockConfiguration(Instant.now(), "rating-usage-key-cleanup",
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        admin = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
        try (Statement statement = admin.createStatement()) {
            statement.execute("create extension if not exists pageinspect");
        }
    }

    @AfterEach
    void tidyUp() throws SQLException {
        jdbc.sql("delete from usage_key where usage_time < timestamptz '1992-01-01 00:00:00+00'").update();
        admin.close();
        scheduledPurge.unlock();
    }

    @Test
    void deletesTheMarkersBeforeTheCutoffInChunksAndDropsTheSummariesOfTheirBlockRanges() throws SQLException {
        // more than two chunks, and 10 of March to keep
        Set<Long> ranges = oldMarkers(25_000);
        jdbc.sql("""
                insert into usage_key (key, usage_time)
                select gen_random_uuid(), timestamptz '1990-03-01 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, 10) n""").update();
        summarize();
        assertThat(summariesFrom1990(ranges)).as("summaries before the purge").isNotEmpty();

        assertThat(cleanup.purgeBefore(CUTOFF)).isEqualTo(25_000);

        assertThat(jdbc.sql("select count(*) from usage_key where usage_time < timestamptz '1991-01-01 00:00:00+00'")
                .query(Long.class).single()).isEqualTo(10);
        // a summary kept with January's minimum would make every later purge read these ranges again, whatever
        // refills them; without a summary (or summarized afresh by autosummarize) they hold no 1990 times
        assertThat(summariesFrom1990(ranges)).as("summaries after the purge").isEmpty();
        assertThat(cleanup.pendingBlocks()).isZero();
    }

    @Test
    @Timeout(60) // a purge that waited for the lock would wait for this test, which releases it only afterwards
    void dropsTheSummariesInALaterRunWhenAVacuumHeldTheTable() throws SQLException {
        Set<Long> ranges = oldMarkers(3_000);
        summarize();
        try (Connection vacuum = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword())) {
            // the lock a (auto)vacuum holds for as long as it runs; the markers' deletes are not held up by it
            vacuum.setAutoCommit(false);
            try (Statement statement = vacuum.createStatement()) {
                statement.execute("lock table usage_key in share update exclusive mode");
            }

            assertThat(cleanup.purgeBefore(CUTOFF)).isEqualTo(3_000);
            assertThat(cleanup.pendingBlocks()).isPositive();
            assertThat(summariesFrom1990(ranges)).as("summaries while the table was held").isNotEmpty();

            vacuum.rollback();
        }
        assertThat(cleanup.purgeBefore(CUTOFF)).isZero();

        assertThat(cleanup.pendingBlocks()).isZero();
        assertThat(summariesFrom1990(ranges)).as("summaries after the next run").isEmpty();
    }

    /**
     * Writes {@code count} markers of January 1990 as the application's role does, then markers of 1991 (kept by the
     * purge) over more than a block range, as newer usage follows old usage in a real table: PostgreSQL keeps the
     * summary of a table's last, partial range whatever asks to drop it. Answers the old markers' block ranges.
     */
    private Set<Long> oldMarkers(int count) throws SQLException {
        jdbc.sql("""
                insert into usage_key (key, usage_time)
                select gen_random_uuid(), timestamptz '1990-01-01 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, :count) n""").param("count", count).update();
        jdbc.sql("""
                insert into usage_key (key, usage_time)
                select gen_random_uuid(), timestamptz '1991-06-01 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, 30000) n""").update();
        return new TreeSet<>(jdbc.sql("""
                        select distinct (ctid::text::point)[0]::bigint / :pages * :pages from usage_key
                        where usage_time < :cutoff""")
                .param("pages", pagesPerRange()).param("cutoff", Timestamp.from(CUTOFF))
                .query(Long.class).list());
    }

    private void summarize() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("select brin_summarize_new_values('" + INDEX + "')");
        }
    }

    private long pagesPerRange() throws SQLException {
        try (Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("select coalesce((select option_value::int from"
                     + " pg_options_to_table((select reloptions from pg_class where relname = '" + INDEX + "'))"
                     + " where option_name = 'pages_per_range'), 128)")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The summaries of these block ranges whose minimum is in 1990, read from the index's pages. */
    private List<String> summariesFrom1990(Set<Long> ranges) throws SQLException {
        List<String> found = new ArrayList<>();
        long pages;
        try (Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("select pg_relation_size('" + INDEX + "') / 8192")) {
            row.next();
            pages = row.getLong(1);
        }
        try (PreparedStatement type = admin.prepareStatement(
                "select brin_page_type(get_raw_page('" + INDEX + "', ?))");
             PreparedStatement items = admin.prepareStatement("select blknum, value::text from brin_page_items("
                     + "get_raw_page('" + INDEX + "', ?), '" + INDEX + "')")) {
            for (int page = 0; page < pages; page++) {
                type.setInt(1, page);
                try (ResultSet row = type.executeQuery()) {
                    row.next();
                    if (!"regular".equals(row.getString(1))) {
                        continue;
                    }
                }
                items.setInt(1, page);
                try (ResultSet item = items.executeQuery()) {
                    while (item.next()) {
                        String value = item.getString(2);
                        if (ranges.contains(item.getLong(1)) && value != null && value.startsWith("{1990")) {
                            found.add(item.getLong(1) + " " + value);
                        }
                    }
                }
            }
        }
        return found;
    }
}
