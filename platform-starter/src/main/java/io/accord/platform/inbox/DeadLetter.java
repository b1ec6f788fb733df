package io.accord.platform.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A record on a {@code <topic>.DLT} as ops see it: where it is, where it came from (Spring Kafka's
 * {@code kafka_dlt-*} headers), why it was given up, whether it was replayed. The payload only when asked for.
 *
 * @param exception  the class of the listener's exception, as {@link DeadLetters} counts it, not the container's
 *                   wrappers around it that {@code kafka_dlt-exception-fqcn} names
 * @param replayedAt  when it was replayed to {@code originalTopic} (or, while {@code SENDING}, claimed for that),
 *                    {@code null} while it was not
 * @param replayState {@code SENT}: the broker took the replayed record; {@code SENDING}: a replay claimed it and was
 *                    not confirmed (yet), the record may be out ({@link ReplayClaims}); {@code null}: not replayed
 */
@Schema(name = "DeadLetter")
record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, String originalTopic,
                  Integer originalPartition, Long originalOffset, Instant originalTimestamp, String consumerGroup,
                  String eventId, String eventType, String subject, String exception, String message,
                  Instant replayedAt, String replayedBy, String replayState,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String payload) {

    private static final Set<String> WRAPPERS = Set.of(ListenerExecutionFailedException.class.getName(),
            BatchListenerFailedException.class.getName());
    private static final String CAUSED_BY = "Caused by: ";

    static DeadLetter of(ConsumerRecord<String, byte[]> record, boolean withPayload) {
        Long originalTimestamp = number(record, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        Long originalPartition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(),
                originalTopic != null ? originalTopic : withoutSuffix(record.topic()),
                originalPartition == null ? null : originalPartition.intValue(),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(record, CloudEventHeaders.ID),
                text(record, CloudEventHeaders.TYPE), text(record, CloudEventHeaders.SUBJECT),
                exception(record), text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), null, null, null,
                withPayload && record.value() != null ? new String(record.value(), StandardCharsets.UTF_8) : null);
    }

    /** {@code <dlt>-<partition>@<offset>}: the audit trail's resource id and the {@code accord-replayed-from} header. */
    String id() {
        return topic + "-" + partition + "@" + offset;
    }

    DeadLetter replayed(ReplayClaims.Claim replay) {
        return new DeadLetter(topic, partition, offset, timestamp, key, originalTopic, originalPartition,
                originalOffset, originalTimestamp, consumerGroup, eventId, eventType, subject, exception, message,
                replay.at(), replay.by(), replay.state().name(), payload);
    }

    /**
     * The first exception of the chain (the error handler's, its cause, the causes in the stack trace) that is not
     * one of the container's wrappers: a batch listener's failure reaches the DLT as a
     * {@code ListenerExecutionFailedException} caused by a {@code BatchListenerFailedException} caused by it.
     */
    private static String exception(ConsumerRecord<String, byte[]> record) {
        String thrown = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        List<String> chain = new ArrayList<>();
        chain.add(thrown);
        chain.add(text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN));
        String trace = text(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
        if (trace != null) {
            trace.lines().map(String::strip).filter(line -> line.startsWith(CAUSED_BY))
                    .map(line -> line.substring(CAUSED_BY.length()).split(":", 2)[0].strip()).forEach(chain::add);
        }
        return chain.stream().filter(name -> name != null && !WRAPPERS.contains(name)).findFirst().orElse(thrown);
    }

    private static String withoutSuffix(String topic) {
        return topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()) : topic;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the partition as a 4-byte and the offset and timestamp as 8-byte big-endian numbers. */
    private static Long number(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }
}
