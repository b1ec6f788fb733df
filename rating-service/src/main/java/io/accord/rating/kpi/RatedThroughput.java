package io.accord.rating.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Rated records per second, recently. {@code usage_rated.seq} is gapless and taken in commit order, and a batch's
 * {@code rated_at} grows with it (up to batches of several consumers overlapping by a moment, which moves the
 * boundary by at most such a batch), so the records rated since a moment are {@code last seq - first seq since + 1}:
 * the last row is one backward step of the primary key, the first since the moment a binary search of ~log2(rows)
 * primary-key probes. No scan, however many millions of rows a minute the pipeline writes.
 */
final class RatedThroughput {

    private final JdbcClient jdbc;

    RatedThroughput(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param ratedRecords rated rows (RATED, REVERSAL and RERATED) written in the window
     * @param perSecond    ratedRecords / windowSeconds, 2 decimals
     * @param lastRatedAt  when the latest row was written (null: nothing rated yet)
     */
    record Throughput(int windowSeconds, long ratedRecords, BigDecimal perSecond, Instant lastRatedAt) {
    }

    private record Row(long seq, Instant ratedAt) {
    }

    Throughput over(int seconds, Instant now) {
        Optional<Row> last = row("select seq, rated_at from usage_rated order by seq desc limit 1", 0);
        Instant since = now.minusSeconds(seconds);
        if (last.isEmpty() || last.get().ratedAt().isBefore(since)) {
            return new Throughput(seconds, 0, BigDecimal.ZERO.setScale(2),
                    last.map(Row::ratedAt).orElse(null));
        }
        long low = row("select seq, rated_at from usage_rated order by seq limit 1", 0).orElseThrow().seq();
        long high = last.get().seq();
        while (low < high) { // the smallest seq whose (first existing) row was rated at or after 'since'
            long middle = low + (high - low) / 2;
            Row probe = row("select seq, rated_at from usage_rated where seq >= :seq order by seq limit 1", middle)
                    .orElseThrow();
            if (probe.ratedAt().isBefore(since)) {
                low = probe.seq() + 1;
            } else {
                high = middle;
            }
        }
        long records = last.get().seq() - low + 1;
        return new Throughput(seconds, records,
                BigDecimal.valueOf(records).divide(BigDecimal.valueOf(seconds), 2, RoundingMode.HALF_EVEN),
                last.get().ratedAt());
    }

    private Optional<Row> row(String sql, long seq) {
        var statement = jdbc.sql(sql);
        if (sql.contains(":seq")) {
            statement = statement.param("seq", seq);
        }
        return statement.query((rs, n) -> new Row(rs.getLong("seq"),
                rs.getObject("rated_at", OffsetDateTime.class).toInstant())).optional();
    }
}
