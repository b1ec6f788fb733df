package io.accord.platform.inbox;

import io.accord.contracts.Topics;
import io.accord.platform.problem.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * This service's dead-letter topics, read directly: the {@code .DLT} of each topic its Kafka listeners consume, and
 * of the records on them those its own consumer groups dead-lettered ({@code kafka_dlt-original-consumer-group}; a
 * topic's DLT is shared by every service consuming it). Each read assigns a consumer without a group to the
 * partitions and reads up to their end as it is when the read starts, so it neither commits offsets nor joins a group.
 */
class DeadLetterTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Polls in a row that bring nothing while records are still expected: the broker does not answer. */
    private static final int EMPTY_POLLS = 50;

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final Map<String, Object> consumerProperties;

    DeadLetterTopics(ObjectProvider<KafkaListenerEndpointRegistry> listeners, Map<String, Object> kafkaConsumer) {
        this.listeners = listeners;
        Map<String, Object> properties = new HashMap<>(kafkaConsumer);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = Map.copyOf(properties);
    }

    /** Each DLT of a topic this service's listeners consume, with the consumer groups consuming that topic. */
    Map<String, Set<String>> groupsByTopic() {
        Map<String, Set<String>> groups = new TreeMap<>();
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry == null) {
            return groups;
        }
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            String group = container.getGroupId();
            if (group == null) {
                continue;
            }
            for (String topic : topics(container.getContainerProperties())) {
                groups.computeIfAbsent(Topics.deadLetter(topic), dlt -> new HashSet<>()).add(group);
            }
        }
        return groups;
    }

    /** The groups whose dead letters on {@code topic} are this service's; 404 for a topic that is not its DLT. */
    Set<String> groupsOf(String topic) {
        Set<String> groups = groupsByTopic().get(topic);
        if (groups == null) {
            throw new NotFoundException("Dead-letter topic of this service's consumers", topic);
        }
        return groups;
    }

    /** Whether {@code groups} dead-lettered the record (any other service's consumer group did not). */
    static boolean deadLetteredBy(Set<String> groups, ConsumerRecord<String, byte[]> record) {
        Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return group != null && groups.contains(new String(group.value(), StandardCharsets.UTF_8));
    }

    /**
     * Hands each record of {@code topic} (of one partition, or all) up to {@code upToOffset} (inclusive) to
     * {@code action} in partition and offset order, up to the partitions' ends when the read starts; none while the
     * topic does not exist, 404 for a partition it does not have.
     */
    void forEach(String topic, Integer partition, long upToOffset, Consumer<ConsumerRecord<String, byte[]>> action) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = partitions(consumer, topic, partition);
            if (partitions.isEmpty() && partition != null) {
                throw new NotFoundException("Partition of dead-letter topic", topic + "-" + partition);
            }
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> stops = new HashMap<>();
            for (TopicPartition each : partitions) {
                long stop = upToOffset == Long.MAX_VALUE ? ends.get(each) : Math.min(ends.get(each), upToOffset + 1);
                if (stop > starts.get(each)) {
                    stops.put(each, stop);
                }
            }
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> read = new TreeMap<>(
                    Comparator.comparingInt(TopicPartition::partition));
            readUntil(consumer, starts, stops, (record, each) ->
                    read.computeIfAbsent(each, ignored -> new ArrayList<>()).add(record));
            read.values().forEach(records -> records.forEach(action));
        }
    }

    /** The record at {@code offset} of the partition, if the partition has it (not yet deleted, not past its end). */
    Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = partitions(consumer, topic, partition);
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            TopicPartition where = partitions.getFirst();
            long start = consumer.beginningOffsets(List.of(where), TIMEOUT).get(where);
            long end = consumer.endOffsets(List.of(where), TIMEOUT).get(where);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>(1);
            readUntil(consumer, Map.of(where, offset), Map.of(where, offset + 1), (record, each) -> {
                if (record.offset() == offset) {
                    found.add(record);
                }
            });
            return found.stream().findFirst();
        }
    }

    private void readUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> starts,
                           Map<TopicPartition, Long> stops,
                           BiConsumer<ConsumerRecord<String, byte[]>, TopicPartition> action) {
        Map<TopicPartition, Long> open = new HashMap<>(stops);
        consumer.assign(open.keySet());
        open.keySet().forEach(each -> consumer.seek(each, starts.get(each)));
        int empty = 0;
        while (!open.isEmpty()) {
            var records = consumer.poll(POLL);
            empty = records.isEmpty() ? empty + 1 : 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition each = new TopicPartition(record.topic(), record.partition());
                Long stop = open.get(each);
                if (stop != null && record.offset() < stop) {
                    action.accept(record, each);
                }
            }
            open.entrySet().removeIf(each -> consumer.position(each.getKey(), TIMEOUT) >= each.getValue());
            consumer.pause(stops.keySet().stream().filter(each -> !open.containsKey(each)).toList());
            if (empty >= EMPTY_POLLS && !open.isEmpty()) {
                throw new org.apache.kafka.common.errors.TimeoutException("The broker did not deliver the records of " + open.keySet()
                        + " within " + POLL.multipliedBy(EMPTY_POLLS).toSeconds() + " s");
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic,
                                                   Integer partition) {
        List<PartitionInfo> infos = consumer.listTopics(TIMEOUT).getOrDefault(topic, List.of());
        // none while the topic does not exist
        return infos.stream()
                .filter(info -> partition == null || info.partition() == partition)
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static List<String> topics(ContainerProperties properties) {
        List<String> topics = new ArrayList<>();
        if (properties.getTopics() != null) {
            topics.addAll(List.of(properties.getTopics()));
        }
        if (properties.getTopicPartitions() != null) {
            for (TopicPartitionOffset each : properties.getTopicPartitions()) {
                topics.add(each.getTopic());
            }
        }
        return topics;
    }
}
