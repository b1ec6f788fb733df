package io.accord.rating.model;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the rating snapshot follows its tables.
 *
 * @param debounce     after a change, how long to wait for more before rebuilding (a burst makes one rebuild)
 * @param pollInterval how often to look for changes another replica committed
 */
@ConfigurationProperties("accord.rating.model")
record RatingModelProperties(Duration debounce, Duration pollInterval) {

    RatingModelProperties {
        debounce = debounce == null ? Duration.ofMillis(200) : debounce;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    }
}
