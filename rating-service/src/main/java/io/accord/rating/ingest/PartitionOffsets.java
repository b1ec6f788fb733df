package io.accord.rating.ingest;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The consumed positions of the raw topic's partitions, kept in PostgreSQL (table {@code usage_offset}) and
 * authoritative: a consumer seeks to them whenever it is assigned a partition, and a batch's transaction moves them
 * on only from the position its consumer sought to (else another consumer processed those records meanwhile, and
 * the batch is dropped).
 */
class PartitionOffsets {

    /** The position of a partition never consumed: from its beginning. */
    static final long BEGINNING = -1;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PartitionOffsets(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The next offset to consume of each partition ({@link #BEGINNING} when never consumed). */
    Map<TopicPartition, Long> positions(String group, Collection<TopicPartition> partitions) {
        return transactions.execute(status -> {
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                jdbc.sql("""
                                insert into usage_offset (consumer_group, topic, kafka_partition, next_offset, updated_at)
                                values (:group, :topic, :partition, :beginning, :now) on conflict do nothing""")
                        .param("group", group).param("topic", partition.topic())
                        .param("partition", partition.partition()).param("beginning", BEGINNING)
                        .param("now", Timestamp.from(clock.instant())).update();
                positions.put(partition, jdbc.sql("""
                                select next_offset from usage_offset
                                where consumer_group = :group and topic = :topic and kafka_partition = :partition""")
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
    boolean advance(String group, TopicPartition partition, long expected, long next) {
        return jdbc.sql("""
                        update usage_offset set next_offset = :next, updated_at = :now
                        where consumer_group = :group and topic = :topic and kafka_partition = :partition
                          and next_offset = :expected""")
                .param("next", next).param("now", Timestamp.from(clock.instant())).param("group", group)
                .param("topic", partition.topic()).param("partition", partition.partition())
                .param("expected", expected).update() == 1;
    }

    /** Every partition's position of a group and topic, for the reconciliation. */
    Map<Integer, Long> all(String group, String topic) {
        Map<Integer, Long> positions = new HashMap<>();
        jdbc.sql("select kafka_partition, next_offset from usage_offset where consumer_group = :group and topic = :topic")
                .param("group", group).param("topic", topic)
                .query((rs, row) -> positions.put(rs.getInt(1), rs.getLong(2))).list();
        return positions;
    }
}
