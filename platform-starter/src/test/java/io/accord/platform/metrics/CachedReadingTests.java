package io.accord.platform.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A gauge's reading is taken at most once per interval, however often it is scraped, and survives a failed read. */
class CachedReadingTests {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private volatile RuntimeException failure;

    private final CachedReading<Integer> reading = new CachedReading<>("test counts", () -> {
        reads.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return reads.get() * 10;
    }, Duration.ofSeconds(10), nanos::get);

    @Test
    void scrapesWithinTheIntervalShareOneReading() {
        assertThat(reading.gauge(Integer::doubleValue)).isEqualTo(10.0);
        elapse(Duration.ofSeconds(9));
        assertThat(reading.gauge(Integer::doubleValue)).isEqualTo(10.0);
        assertThat(reads).hasValue(1);

        elapse(Duration.ofSeconds(1));
        assertThat(reading.gauge(Integer::doubleValue)).isEqualTo(20.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastReadingAndIsNotRetriedBeforeTheInterval() {
        reading.current();
        failure = new IllegalStateException("database away");
        elapse(Duration.ofSeconds(10));

        assertThat(reading.gauge(Integer::doubleValue)).isEqualTo(10.0);
        assertThat(reading.gauge(Integer::doubleValue)).isEqualTo(10.0);
        assertThat(reads).hasValue(2);

        failure = null;
        elapse(Duration.ofSeconds(10));
        assertThat(reading.gauge(Integer::doubleValue)).isEqualTo(30.0);
    }

    @Test
    void withoutASuccessfulReadingTheGaugeIsNotANumber() {
        failure = new IllegalStateException("database away");

        assertThat(reading.gauge(Integer::doubleValue)).isNaN();
        assertThat(reading.current()).isNull();
        assertThat(reads).hasValue(1);
    }

    private void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
