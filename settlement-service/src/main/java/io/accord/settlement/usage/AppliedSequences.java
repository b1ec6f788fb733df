package io.accord.settlement.usage;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The highest {@code ce_sequence} applied from each partition of the rated topic, a column of the partition's
 * offsets row ({@code usage_offset.max_sequence}; the offsets themselves are the platform's
 * {@link io.accord.platform.kafka.DatabaseOffsets}). The publisher sends a record again only after the ones it sent
 * before, so a sequence at or below it is a redelivery and is ignored. Read and written in the batch's transaction,
 * after the platform consumer moved (and so locked) the row.
 */
class AppliedSequences {

    private final JdbcClient jdbc;

    AppliedSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest sequence applied so far from the partition (0 when none). */
    long highest(String group, TopicPartition partition) {
        return jdbc.sql("""
                        select max_sequence from usage_offset
                        where consumer_group = :group and topic = :topic and kafka_partition = :partition""")
                .param("group", group).param("topic", partition.topic()).param("partition", partition.partition())
                .query(Long.class).optional().orElse(0L);
    }

    /** The highest sequence now applied from the partition. */
    void applied(String group, TopicPartition partition, long maxSequence) {
        jdbc.sql("""
                        update usage_offset set max_sequence = :max
                        where consumer_group = :group and topic = :topic and kafka_partition = :partition""")
                .param("max", maxSequence).param("group", group).param("topic", partition.topic())
                .param("partition", partition.partition()).update();
    }
}
