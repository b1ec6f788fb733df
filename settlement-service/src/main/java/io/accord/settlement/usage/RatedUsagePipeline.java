package io.accord.settlement.usage;

import io.accord.contracts.usage.UsageRated;
import io.accord.platform.kafka.BatchHandler;
import io.accord.platform.kafka.ConsumedBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the consumer of {@code usage.rated.v1} does with a batch (the poll loop and the database offsets are the
 * platform's {@link io.accord.platform.kafka.DatabaseOffsetConsumer}): parse the events outside the transaction, then
 * in the transaction that moves the partitions' offsets add them to the period sums. Records the publisher sent again
 * (a sequence at or below the partition's highest applied) are skipped.
 */
final class RatedUsagePipeline implements BatchHandler<Map<TopicPartition, List<UsageRated>>, Integer> {

    private static final Logger log = LoggerFactory.getLogger(RatedUsagePipeline.class);

    private final UsageAggregationProperties properties;
    private final AppliedSequences sequences;
    private final UsageAggregator aggregator;
    private final JsonMapper json;

    RatedUsagePipeline(UsageAggregationProperties properties, AppliedSequences sequences, UsageAggregator aggregator,
                       JsonMapper json) {
        this.properties = properties;
        this.sequences = sequences;
        this.aggregator = aggregator;
        this.json = json;
    }

    @Override
    public Map<TopicPartition, List<UsageRated>> prepare(ConsumedBatch batch) {
        Map<TopicPartition, List<UsageRated>> read = new LinkedHashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<UsageRated> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : batch.records(partition)) {
                parse(record).ifPresent(events::add);
            }
            read.put(partition, events);
        }
        return read;
    }

    @Override
    public Integer apply(Map<TopicPartition, List<UsageRated>> read) {
        List<UsageRated> batch = new ArrayList<>();
        read.forEach((partition, events) -> {
            long before = sequences.highest(properties.consumerGroup(), partition);
            long highest = before;
            for (UsageRated event : events) {
                if (event.sequence() > highest) {
                    batch.add(event);
                    highest = event.sequence();
                } else {
                    log.debug("Rated usage {} (sequence {}) applied already", event.ratedId(), event.sequence());
                }
            }
            if (highest > before) {
                sequences.applied(properties.consumerGroup(), partition, highest);
            }
        });
        aggregator.add(batch);
        return batch.size();
    }

    /** A record that is not a readable UsageRated is logged and passed over: it must not stop settlement. */
    private Optional<UsageRated> parse(ConsumerRecord<String, byte[]> record) {
        try {
            UsageRated event = json.readValue(record.value(), UsageRated.class);
            if (event.ratedId() == null || event.usageTime() == null || event.currency() == null
                    || event.billedQuantity() == null || event.charge() == null) {
                log.error("Rated usage at {}-{}@{} lacks a required field; skipped", record.topic(),
                        record.partition(), record.offset());
                return Optional.empty();
            }
            return Optional.of(event);
        } catch (JacksonException unreadable) {
            log.error("Rated usage at {}-{}@{} is unreadable; skipped: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.getOriginalMessage());
            return Optional.empty();
        }
    }
}
