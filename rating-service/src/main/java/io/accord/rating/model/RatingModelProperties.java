package io.accord.rating.model;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the rating snapshot follows its tables.
 *
 * @param debounce     after a change, how long to wait for more before rebuilding (a burst makes one rebuild)
 * @param pollInterval how often to look for changes another replica committed
 * @param fullBuildEvery how often at most a snapshot is derived from the previous one with the changed product
 *                       instances only: after this long, the next change rebuilds it from all rows
 * @param maxChangedProducts the most changed product instances applied to the previous snapshot; more rebuild it
 */
@ConfigurationProperties("accord.rating.model")
record RatingModelProperties(Duration debounce, Duration pollInterval, Duration fullBuildEvery,
                             Integer maxChangedProducts) {

    RatingModelProperties {
        debounce = debounce == null ? Duration.ofMillis(200) : debounce;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        fullBuildEvery = fullBuildEvery == null ? Duration.ofHours(1) : fullBuildEvery;
        maxChangedProducts = maxChangedProducts == null ? 20_000 : maxChangedProducts;
        if (maxChangedProducts < 0) {
            throw new IllegalArgumentException("accord.rating.model.max-changed-products must not be negative");
        }
    }
}
