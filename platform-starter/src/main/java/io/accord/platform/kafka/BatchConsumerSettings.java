package io.accord.platform.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * One {@link DatabaseOffsetConsumer}'s settings.
 *
 * @param name         the consumer's thread name and Kafka client id
 * @param topic        the topic consumed
 * @param group        the Kafka consumer group the replicas share, also the key of the database offsets
 * @param batchSize    the most records one poll, and so one database transaction, takes ({@code max.poll.records})
 * @param pollTimeout  how long a poll waits for records
 * @param retryBackoff the pause after a failed batch before it is read again
 */
public record BatchConsumerSettings(String name, String topic, String group, int batchSize, Duration pollTimeout,
                                    Duration retryBackoff) {

    public BatchConsumerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
    }

    /** The same settings under another name (another member of the group on this replica). */
    public BatchConsumerSettings named(String other) {
        return new BatchConsumerSettings(other, topic, group, batchSize, pollTimeout, retryBackoff);
    }
}
