package io.accord.rating.publish;

import io.accord.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The rated-usage publisher's settings, under {@code accord.rating.publish}.
 *
 * @param enabled      whether this replica publishes (one replica at a time does, whichever holds the cursor)
 * @param topic        the rated usage topic
 * @param batchSize    the most rated records sent before waiting for the broker's acknowledgements
 * @param idleWait     how long to wait for new rated records when there are none
 * @param sendTimeout  how long to wait for a batch's acknowledgements before retrying it
 * @param retryBackoff the pause after a failed batch
 */
@ConfigurationProperties("accord.rating.publish")
record PublishProperties(@DefaultValue("true") boolean enabled,
                         @DefaultValue(Topics.USAGE_RATED) String topic,
                         @DefaultValue("2000") int batchSize,
                         @DefaultValue("100ms") Duration idleWait,
                         @DefaultValue("30s") Duration sendTimeout,
                         @DefaultValue("1s") Duration retryBackoff) {
}
