package io.accord.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What every {@link DatabaseOffsetConsumer} of a service shares, under {@code accord.platform.batch-consumer}.
 *
 * @param stopTimeout    how long stopping waits for the batch in progress to commit or roll back
 * @param commitToKafka  whether offsets are also committed to Kafka after each database commit (for lag monitoring
 *                       and autoscaling only; the database offsets stay authoritative)
 * @param isolationLevel the consumers' {@code isolation.level}
 */
@ConfigurationProperties("accord.platform.batch-consumer")
public record BatchConsumerProperties(@DefaultValue("30s") Duration stopTimeout,
                                      @DefaultValue("true") boolean commitToKafka,
                                      @DefaultValue("read_committed") String isolationLevel) {
}
