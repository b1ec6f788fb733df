package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.rating.engine.UsageWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The usage pipeline's settings, under {@code accord.rating.ingest}.
 *
 * @param enabled        whether this replica consumes the raw topic at all
 * @param topic          the raw usage topic
 * @param consumerGroup  the Kafka consumer group the replicas share (and the key of the offsets kept in the database)
 * @param consumers      consumer threads per replica (each its own KafkaConsumer in the group)
 * @param batchSize      the most records one poll, and so one database transaction, takes
 * @param pollTimeout    how long a poll waits for records
 * @param tooOldAfter    usage older than this (usage time) is suspended as TOO_OLD; duplicate markers are kept this
 *                       long plus a day
 * @param maxAhead       usage dated further than this after the service's clock is suspended as INVALID (usage is
 *                       rated once it happened; a day covers clocks and time zones set wrong)
 * @param retryBackoff   the pause after a failed batch (database or broker down) before it is read again
 * @param modelWait      how long the pipeline waits at start for the read models to be current before it rates
 * @param keyCleanup     how often the duplicate markers older than the window are deleted
 */
@ConfigurationProperties("accord.rating.ingest")
record IngestProperties(@DefaultValue("true") boolean enabled,
                        @DefaultValue(Topics.USAGE_RAW) String topic,
                        @DefaultValue("rating-usage") String consumerGroup,
                        @DefaultValue("1") int consumers,
                        @DefaultValue("2000") int batchSize,
                        @DefaultValue("200ms") Duration pollTimeout,
                        @DefaultValue("45d") Duration tooOldAfter,
                        @DefaultValue("1d") Duration maxAhead,
                        @DefaultValue("1s") Duration retryBackoff,
                        @DefaultValue("60s") Duration modelWait,
                        @DefaultValue("1h") Duration keyCleanup) {

    /** The usage times the inputs rate. */
    UsageWindow window() {
        return new UsageWindow(tooOldAfter, maxAhead);
    }
}
