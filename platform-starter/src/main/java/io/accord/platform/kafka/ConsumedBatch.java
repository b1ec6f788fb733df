package io.accord.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;

/**
 * The records of one poll that the consumer has not processed yet (those before a partition's database position
 * are left out), partition by partition in ascending partition number, each partition's in offset order.
 *
 * @param partitions the batch's partitions, ascending
 * @param byPartition each partition's records (possibly none, when the poll held only records processed already)
 * @param count      how many records the batch holds
 */
public record ConsumedBatch(List<TopicPartition> partitions,
                            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition, int count) {

    /** One partition's records, in offset order. */
    public List<ConsumerRecord<String, byte[]>> records(TopicPartition partition) {
        return byPartition.getOrDefault(partition, List.of());
    }

    /** Every record: partition by partition, each in offset order. */
    public Iterable<ConsumerRecord<String, byte[]>> records() {
        return () -> partitions.stream().flatMap(partition -> records(partition).stream()).iterator();
    }
}
