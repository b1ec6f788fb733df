package io.accord.settlement.usage;

import io.accord.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The usage aggregation's settings, under {@code accord.settlement.usage}.
 *
 * @param enabled       whether this replica consumes the rated usage topic at all
 * @param topic         the rated usage topic
 * @param consumerGroup the Kafka consumer group the replicas share (and the key of the offsets kept in PostgreSQL)
 * @param batchSize     the most records one poll, and so one database transaction, takes
 * @param pollTimeout   how long a poll waits for records
 * @param retryBackoff  the pause after a failed batch before it is read again
 */
@ConfigurationProperties("accord.settlement.usage")
record UsageAggregationProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue(Topics.USAGE_RATED) String topic,
                                  @DefaultValue("settlement-usage") String consumerGroup,
                                  @DefaultValue("2000") int batchSize,
                                  @DefaultValue("200ms") Duration pollTimeout,
                                  @DefaultValue("1s") Duration retryBackoff) {
}
