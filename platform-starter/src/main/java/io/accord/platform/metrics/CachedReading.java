package io.accord.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A value read for gauges (from {@link GaugeReadings}): read again only when the last reading is older than the
 * interval, by one caller at a time while the others keep the last reading. A failed read (the database away) is
 * logged and keeps the last reading until the next interval, so an outage does not turn every scrape into a wait
 * for a connection.
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> read;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private volatile T value;
    private volatile long readAt;
    private volatile boolean tried;

    CachedReading(String what, Supplier<T> read, Duration interval, LongSupplier nanoTime) {
        this.what = what;
        this.read = read;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A gauge's value from the current reading; NaN while there has been no successful one. */
    public double gauge(ToDoubleFunction<T> of) {
        T current = current();
        return current == null ? Double.NaN : of.applyAsDouble(current);
    }

    /** The current reading, read again first if it is older than the interval; null until one succeeded. */
    public T current() {
        if (stale()) {
            synchronized (this) {
                if (stale()) {
                    refresh();
                }
            }
        }
        return value;
    }

    private boolean stale() {
        return !tried || nanoTime.getAsLong() - readAt >= intervalNanos;
    }

    private void refresh() {
        try {
            value = read.get();
        } catch (RuntimeException failure) {
            log.warn("Could not read {} for its gauges; they keep the last reading: {}", what, failure.toString());
        } finally {
            readAt = nanoTime.getAsLong();
            tried = true;
        }
    }
}
