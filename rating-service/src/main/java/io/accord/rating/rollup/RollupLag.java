package io.accord.rating.rollup;

import io.accord.rating.ingest.UsageLedger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingestion-to-rollup lag (issue 10, "Near-real-time visibility"): for every rated record, from when it was
 * received (its Kafka record timestamp, or the API's receipt) to the commit of the transaction that wrote it and its
 * rollups. A timer {@code accord.rating.rollup.lag} tagged {@code input=kafka|api} (p50/p99 published), and a gauge
 * {@code accord.rating.rollup.lag.last} of the last committed batch's highest lag in seconds.
 */
class RollupLag {

    static final String METER = "accord.rating.rollup.lag";

    private final Timer kafka;
    private final Timer api;
    private final Clock clock;
    private final AtomicLong lastLagMillis = new AtomicLong(-1);
    private final AtomicLong lastCommitMillis = new AtomicLong(-1);

    RollupLag(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        kafka = timer(registry, "kafka");
        api = timer(registry, "api");
        Gauge.builder(METER + ".last", lastLagMillis, last -> last.get() < 0 ? Double.NaN : last.get() / 1000.0)
                .description("the highest ingestion-to-rollup lag of the last committed batch").baseUnit("seconds")
                .register(registry);
    }

    private static Timer timer(MeterRegistry registry, String input) {
        return Timer.builder(METER).tag("input", input)
                .description("from a rated record's receipt (Kafka timestamp or API call) to the commit of its rollups")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(UsageLedger.RollupsWritten written) {
        long now = clock.millis();
        long highest = Math.max(record(kafka, written.kafkaReceivedMillis(), now),
                record(api, written.otherReceivedMillis(), now));
        lastLagMillis.set(highest);
        lastCommitMillis.set(now);
    }

    private static long record(Timer timer, long[] receivedMillis, long now) {
        long highest = 0;
        for (long received : receivedMillis) {
            // a producer's clock ahead of ours is no negative lag
            long lag = Math.max(0, now - received);
            timer.record(lag, TimeUnit.MILLISECONDS);
            highest = Math.max(highest, lag);
        }
        return highest;
    }

    /** This replica's view: the last batch's highest lag, when it committed, and the timers' totals. */
    record View(Instant lastCommitAt, Double lastLagSeconds, Input kafka, Input api) {
    }

    /** One input's records since start: how many, mean and highest (recent) lag, p50 and p99, in seconds. */
    record Input(long records, double meanSeconds, double maxSeconds, Double p50Seconds, Double p99Seconds) {
    }

    View view() {
        long commit = lastCommitMillis.get();
        long lag = lastLagMillis.get();
        return new View(commit < 0 ? null : Instant.ofEpochMilli(commit), lag < 0 ? null : lag / 1000.0,
                input(kafka), input(api));
    }

    private static Input input(Timer timer) {
        var snapshot = timer.takeSnapshot();
        Double p50 = null;
        Double p99 = null;
        for (var percentile : snapshot.percentileValues()) {
            if (percentile.percentile() == 0.5) {
                p50 = percentile.value(TimeUnit.SECONDS);
            } else if (percentile.percentile() == 0.99) {
                p99 = percentile.value(TimeUnit.SECONDS);
            }
        }
        return new Input(snapshot.count(), snapshot.mean(TimeUnit.SECONDS), snapshot.max(TimeUnit.SECONDS),
                snapshot.count() == 0 ? null : p50, snapshot.count() == 0 ? null : p99);
    }
}
