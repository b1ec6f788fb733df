package io.accord.settlement.usage;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The consumed positions of the rated topic's partitions (table {@code usage_offset}), authoritative: the consumer
 * seeks to them on every assignment, and a batch moves them on only from where its consumer sought. Each row also
 * keeps the highest {@code ce_sequence} applied from the partition: the publisher sends a record again only after
 * the ones it sent before, so a sequence at or below it is a redelivery and is ignored.
 */
class RatedOffsets {

    /** The position of a partition never consumed: from its beginning. */
    static final long BEGINNING = -1;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RatedOffsets(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
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
     * commit, and returns the highest sequence applied so far; empty when the row is no longer at {@code expected}
     * (another consumer processed those records meanwhile).
     */
    OptionalLong advance(String group, TopicPartition partition, long expected, long next) {
        return jdbc.sql("""
                        update usage_offset set next_offset = :next, updated_at = :now
                        where consumer_group = :group and topic = :topic and kafka_partition = :partition
                          and next_offset = :expected
                        returning max_sequence""")
                .param("next", next).param("now", Timestamp.from(clock.instant())).param("group", group)
                .param("topic", partition.topic()).param("partition", partition.partition())
                .param("expected", expected).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** In the batch's transaction, after {@link #advance}: the highest sequence now applied from the partition. */
    void applied(String group, TopicPartition partition, long maxSequence) {
        jdbc.sql("""
                        update usage_offset set max_sequence = :max
                        where consumer_group = :group and topic = :topic and kafka_partition = :partition""")
                .param("max", maxSequence).param("group", group).param("topic", partition.topic())
                .param("partition", partition.partition()).update();
    }
}
