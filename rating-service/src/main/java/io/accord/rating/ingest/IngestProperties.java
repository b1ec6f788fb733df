package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.rating.engine.QuantityLimits;
import io.accord.rating.engine.UsageWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param maxRecordDuration the longest duration (time units) one record may measure, in whole seconds; longer is
 *                       suspended as INVALID (a mediation error; a real one is rated by a recycle after raising it)
 * @param maxRecordData  the largest data volume one record may measure (binary: 10TB = 10 x 1,024^4 B), likewise
 * @param maxRecordCount the largest count (events, messages, API calls) one record may measure, likewise
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
                        @DefaultValue("7d") Duration maxRecordDuration,
                        @DefaultValue("10TB") DataSize maxRecordData,
                        @DefaultValue("1000000") long maxRecordCount,
                        @DefaultValue("1s") Duration retryBackoff,
                        @DefaultValue("60s") Duration modelWait,
                        @DefaultValue("1h") Duration keyCleanup) {

    /** The usage times and quantities the inputs rate. */
    UsageWindow window() {
        return new UsageWindow(tooOldAfter, maxAhead,
                new QuantityLimits(maxRecordDuration.toSeconds(), maxRecordData.toBytes(), maxRecordCount));
    }
}
