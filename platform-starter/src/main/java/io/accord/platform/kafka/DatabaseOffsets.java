package io.accord.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Consumed positions of Kafka partitions kept in a service's own PostgreSQL table, authoritative over Kafka's
 * committed offsets: a {@link DatabaseOffsetConsumer} seeks to them whenever it is assigned a partition, and a
 * batch's transaction moves them on only from the position its consumer sought to (else another consumer processed
 * those records meanwhile, and the batch is dropped). The table (named by the service, created by its migrations)
 * has at least {@code consumer_group text, topic text, kafka_partition int, next_offset bigint,
 * updated_at timestamptz}, primary key {@code (consumer_group, topic, kafka_partition)}; a service may add columns
 * of its own and update them in the batch's transaction (the row is locked by {@link #advance} until commit).
 */
public class DatabaseOffsets {

    /** The position of a partition never consumed: from its beginning. */
    public static final long BEGINNING = -1;

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String table;

    public DatabaseOffsets(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.table = table;
    }

    /** The table holding the positions. */
    public String table() {
        return table;
    }

    /** The next offset to consume of each partition ({@link #BEGINNING} when never consumed), in its own transaction. */
    public Map<TopicPartition, Long> positions(String group, Collection<TopicPartition> partitions) {
        return transactions.execute(status -> {
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                jdbc.sql("insert into " + table + " (consumer_group, topic, kafka_partition, next_offset, updated_at)"
                                + " values (:group, :topic, :partition, :beginning, :now) on conflict do nothing")
                        .param("group", group).param("topic", partition.topic())
                        .param("partition", partition.partition()).param("beginning", BEGINNING)
                        .param("now", Timestamp.from(clock.instant())).update();
                positions.put(partition, jdbc.sql("select next_offset from " + table
                                + " where consumer_group = :group and topic = :topic and kafka_partition = :partition")
                        .param("group", group).param("topic", partition.topic())
                        .param("partition", partition.partition()).query(Long.class).single());
            }
            return positions;
        });
    }

    /**
     * In the batch's transaction: moves the partition from {@code expected} to {@code next}, locking its row until
     * commit; {@code false} when the row is no longer at {@code expected} (another consumer got there first).
     */
    public boolean advance(String group, TopicPartition partition, long expected, long next) {
        return jdbc.sql("update " + table + " set next_offset = :next, updated_at = :now"
                        + " where consumer_group = :group and topic = :topic and kafka_partition = :partition"
                        + " and next_offset = :expected")
                .param("next", next).param("now", Timestamp.from(clock.instant())).param("group", group)
                .param("topic", partition.topic()).param("partition", partition.partition())
                .param("expected", expected).update() == 1;
    }

    /** Every partition's position of a group and topic (e.g. for a pending count: end offset minus position). */
    public Map<Integer, Long> all(String group, String topic) {
        Map<Integer, Long> positions = new HashMap<>();
        jdbc.sql("select kafka_partition, next_offset from " + table
                        + " where consumer_group = :group and topic = :topic")
                .param("group", group).param("topic", topic)
                .query((rs, row) -> positions.put(rs.getInt(1), rs.getLong(2))).list();
        return positions;
    }
}
