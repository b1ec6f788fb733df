package io.accord.launcher;

import io.accord.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./accord events TOPIC [-n COUNT] [-f]}: the newest events of a topic on the running platform's broker,
 * one line each (time, CloudEvents type, key, subject, sequence, on a {@code .DLT} topic where the record came from
 * and why it was dead-lettered, then the JSON data), optionally followed. It reads
 * without a consumer group, so it moves no service's offsets.
 */
final class EventsCommand {

    private static final Duration POLL = Duration.ofMillis(500);
    /** The prefix of the headers Spring Kafka's DeadLetterPublishingRecoverer adds (KafkaHeaders.DLT_...). */
    private static final String DLT = "kafka_dlt-";

    private final String bootstrapServers;
    private final PrintStream out;

    EventsCommand(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    int run(String topic, int count, boolean follow) {
        if (!Topics.allWithDeadLetters().contains(topic)) {
            out.println("unknown topic " + topic + "; topics: " + String.join(", ", Topics.allWithDeadLetters()));
            return 2;
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                out.println("no events yet: topic " + topic + " does not exist on " + bootstrapServers);
                return 0;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(assigned);
            seekToNewest(consumer, assigned, count);
            printNewest(consumer, count);
            while (follow) {
                consumer.poll(POLL).forEach(record -> out.println(line(record)));
            }
            return 0;
        } catch (TimeoutException e) {
            out.println("no Kafka broker answers on " + bootstrapServers + ": is ./accord up running?");
            return 1;
        }
    }

    /** Up to {@code count} records back from each partition's end: enough to pick the newest {@code count}. */
    private static void seekToNewest(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, int count) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - count));
        }
    }

    private void printNewest(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int emptyPolls = 0; emptyPolls < 2; ) {
            var batch = consumer.poll(POLL);
            if (batch.isEmpty()) {
                emptyPolls++;
            }
            batch.forEach(records::add);
        }
        records.stream().sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
                .skip(Math.max(0, records.size() - count)).forEach(record -> out.println(line(record)));
        if (records.isEmpty()) {
            out.println("no events on " + consumer.assignment().iterator().next().topic() + " yet");
        }
    }

    static String line(ConsumerRecord<String, String> record) {
        return Instant.ofEpochMilli(record.timestamp()) + " " + header(record, "ce_type") + " key=" + record.key()
                + " subject=" + header(record, "ce_subject") + " sequence=" + header(record, "ce_sequence")
                + deadLetter(record) + " " + record.value();
    }

    /**
     * For a record on a {@code .DLT} topic, what Spring Kafka's dead-letter recoverer put in its {@code kafka_dlt-*}
     * headers: where the record came from and why it was given up ({@code original=topic-partition@offset}, the
     * consumer group, the exception's class and message, the cause's class); nothing for other records.
     */
    static String deadLetter(ConsumerRecord<String, String> record) {
        Header topic = record.headers().lastHeader(DLT + "original-topic");
        Header exception = record.headers().lastHeader(DLT + "exception-fqcn");
        if (topic == null && exception == null) {
            return "";
        }
        String cause = header(record, DLT + "exception-cause-fqcn");
        return " original=" + header(record, DLT + "original-topic") + "-" + number(record, "original-partition")
                + "@" + number(record, "original-offset") + " group=" + header(record, DLT + "original-consumer-group")
                + " exception=" + header(record, DLT + "exception-fqcn")
                + ("-".equals(cause) ? "" : " cause=" + cause)
                + " message=\"" + header(record, DLT + "exception-message").replaceAll("\\s+", " ") + "\"";
    }

    /** Spring Kafka writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static String number(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(DLT + name);
        if (header == null) {
            return "-";
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> String.valueOf(ByteBuffer.wrap(value).getInt());
            case Long.BYTES -> String.valueOf(ByteBuffer.wrap(value).getLong());
            default -> new String(value, StandardCharsets.UTF_8);
        };
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return properties;
    }
}
