package io.accord.rating.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The {@code ingestion} health component's settings, under {@code accord.rating.health}
 * (docs/rating-pipeline.md, "Health"). The thresholds only turn the component DEGRADED (HTTP 200), never DOWN.
 *
 * @param maxLag        more records than this on the raw topic not yet processed is DEGRADED
 * @param maxPublishAge an unpublished rated record older than this is DEGRADED
 * @param cacheFor      how long one measurement answers every health request
 * @param brokerTimeout how long the broker may take to give the topic's offsets; after it the lag is unknown
 */
@ConfigurationProperties("accord.rating.health")
record HealthProperties(@DefaultValue("1000000") long maxLag,
                        @DefaultValue("5m") Duration maxPublishAge,
                        @DefaultValue("5s") Duration cacheFor,
                        @DefaultValue("2s") Duration brokerTimeout) {

    HealthProperties {
        if (maxLag < 0 || maxPublishAge.isNegative() || cacheFor.isNegative() || brokerTimeout.isNegative()
                || brokerTimeout.isZero()) {
            throw new IllegalArgumentException("accord.rating.health: max-lag, max-publish-age and cache-for must not"
                    + " be negative, broker-timeout must be positive");
        }
    }
}
