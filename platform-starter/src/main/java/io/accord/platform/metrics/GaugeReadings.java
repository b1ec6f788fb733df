package io.accord.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes the {@link CachedReading readings} that a service's gauges over its tables read from, each taken at most
 * once per {@code accord.platform.metrics.reading-interval}: a gauge that ran its count query on every scrape would
 * cost the database as much as the scrapes are frequent.
 */
public class GaugeReadings {

    private final Duration interval;

    GaugeReadings(Duration interval) {
        this.interval = interval;
    }

    /**
     * A reading of {@code read} (typically one grouped count query), taken on the first scrape after the last one
     * is older than the interval.
     *
     * Micrometer holds a gauge's object weakly: register the gauges over it with {@code strongReference(true)}
     * unless a bean keeps it.
     *
     * @param what names the reading in the warning logged when it fails
     */
    public <T> CachedReading<T> of(String what, Supplier<T> read) {
        return new CachedReading<>(what, read, interval, System::nanoTime);
    }
}
