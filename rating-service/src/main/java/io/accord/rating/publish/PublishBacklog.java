package io.accord.rating.publish;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The rated records not yet acknowledged by the broker (the rows after the publisher's cursor) and when the oldest
 * of them was rated, for the {@code ingestion} health component (docs/rating-pipeline.md, "Health"). Two primary-key
 * reads: the sequence's last number and the cursor, then the row right after the cursor; no count over the table.
 */
public final class PublishBacklog {

    private final JdbcClient jdbc;
    private final String topic;

    PublishBacklog(JdbcClient jdbc, String topic) {
        this.jdbc = jdbc;
        this.topic = topic;
    }

    /**
     * @param records       rated records committed but not yet acknowledged by the broker
     * @param oldestRatedAt when the oldest of them was rated; {@code null} when there is none
     */
    public record Backlog(long records, Instant oldestRatedAt) {
    }

    /** The backlog now (one statement, so the sequence, the cursor and the oldest row agree). */
    public Backlog now() {
        return jdbc.sql("""
                        with cursor_at as (
                            select coalesce((select last_seq from usage_publish_cursor where topic = :topic), 0) as seq)
                        select s.last_seq - c.seq as records,
                               (select r.rated_at from usage_rated r where r.seq = c.seq + 1) as oldest
                        from usage_rated_sequence s cross join cursor_at c where s.id = 1""")
                .param("topic", topic)
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    long records = Math.max(0, rs.getLong("records"));
                    return new Backlog(records, records == 0 || oldest == null ? null : oldest.toInstant());
                })
                .optional().orElse(new Backlog(0, null));
    }
}
