package io.accord.rating.ingest;

import io.accord.rating.ingest.UsageLedger.Incoming;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's meters: {@code accord.rating.ingest.records} (by outcome; its rate is events/s),
 * {@code accord.rating.ingest.batch} (poll returned to transaction committed), {@code accord.rating.ingest.lag}
 * (per record, from its Kafka timestamp, i.e. ingestion, to the commit of its rated record and rollups), and
 * {@code accord.rating.ingest.retries} (batches read again after a failure or a fence), and
 * {@code accord.rating.ingest.stage} (per {@link Stage}: where a batch's time goes; its sum over its count is the mean
 * per batch, what {@code ./accord bench rating} prints), and {@code accord.rating.ingest.duplicates.conflicting}
 * (duplicates whose content differs from their original's, from every input, counted once their batch committed).
 */
class IngestMetrics {

    /** The parts of a batch's time, in the order a batch passes them (some more than once). */
    enum Stage {
        /** the raw records parsed (pipeline only) */
        PARSE,
        /** the duplicate markers inserted ({@code usage_key}) */
        DUPLICATES,
        /** the engine's two passes */
        RATE,
        /** tier accumulators locked, added to and stored */
        ACCUMULATORS,
        /** suspense, duplicates, rollups, counters and the rated rows written */
        WRITE,
        /** from the ledger's return to the transaction's commit (pipeline only) */
        COMMIT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The HELP line on-call reads next to the AccordRatingIngestStalled alert. */
    static final String RETRIES_DESCRIPTION = "usage batches read again after a failure (cause=failure: the database"
            + " or broker failed the batch) or after another replica took the partitions (cause=fenced)";

    private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);

    private final Counter rated;
    private final Counter suspended;
    private final Counter duplicates;
    private final Timer batch;
    private final Timer lag;
    private final Counter failed;
    private final Counter fenced;
    private final Counter setAside;
    private final Counter conflictingDuplicates;

    IngestMetrics(MeterRegistry registry) {
        rated = Counter.builder("accord.rating.ingest.records").tag("outcome", "rated")
                .description("usage records processed").register(registry);
        suspended = Counter.builder("accord.rating.ingest.records").tag("outcome", "suspended")
                .description("usage records processed").register(registry);
        duplicates = Counter.builder("accord.rating.ingest.records").tag("outcome", "duplicate")
                .description("usage records processed").register(registry);
        batch = Timer.builder("accord.rating.ingest.batch").description("from poll to database commit of a batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        lag = Timer.builder("accord.rating.ingest.lag")
                .description("from a record's Kafka timestamp to the commit of its rating and rollups")
                .publishPercentiles(0.5, 0.99).register(registry);
        failed = Counter.builder("accord.rating.ingest.retries").tag("cause", "failure")
                .description(RETRIES_DESCRIPTION).register(registry);
        fenced = Counter.builder("accord.rating.ingest.retries").tag("cause", "fenced")
                .description(RETRIES_DESCRIPTION).register(registry);
        setAside = Counter.builder("accord.rating.ingest.set-aside")
                .description("records the database refused, kept as INVALID suspense records").register(registry);
        conflictingDuplicates = Counter.builder("accord.rating.ingest.duplicates.conflicting")
                .description("usage records sent again with a usage id received before but other content (quantity,"
                        + " time, subscriber, product...): not rated, to be looked into").register(registry);
        for (Stage stage : Stage.values()) {
            stages.put(stage, Timer.builder("accord.rating.ingest.stage").tag("stage", stage.tag())
                    .description("time of a batch spent in this stage").register(registry));
        }
    }

    /** Records that a batch spent {@code nanos} in {@code stage}. */
    void stage(Stage stage, long nanos) {
        stages.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A stopwatch for one batch's stages, on one thread. */
    Laps laps() {
        return new Laps(this);
    }

    /**
     * Adds the time since the last lap to a stage; {@link #record} records each stage the batch passed once, its
     * laps added up.
     */
    static final class Laps {

        private final IngestMetrics metrics;
        private final long[] nanos = new long[Stage.values().length];
        private long last = System.nanoTime();

        private Laps(IngestMetrics metrics) {
            this.metrics = metrics;
        }

        void lap(Stage stage) {
            long now = System.nanoTime();
            nanos[stage.ordinal()] += now - last;
            last = now;
        }

        void record() {
            for (Stage stage : Stage.values()) {
                if (nanos[stage.ordinal()] > 0) {
                    metrics.stage(stage, nanos[stage.ordinal()]);
                }
            }
        }
    }

    void batch(UsageLedger.Result result, List<Incoming> records, long nanos, Instant committed) {
        rated.increment(result.rated());
        suspended.increment(result.suspended());
        duplicates.increment(result.duplicates());
        batch.record(nanos, TimeUnit.NANOSECONDS);
        long now = committed.toEpochMilli();
        for (Incoming record : records) {
            long received = record.receivedAt().toEpochMilli();
            if (received > 0) {
                lag.record(Math.max(0, now - received), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Counts {@code records} conflicting duplicates once the current transaction commits (a batch rolled back and
     * read again is counted once).
     */
    void conflictingDuplicatesAfterCommit(int records) {
        if (records == 0) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                conflictingDuplicates.increment(records);
            }
        });
    }

    void failed() {
        failed.increment();
    }

    void fenced() {
        fenced.increment();
    }

    void setAside(int records) {
        setAside.increment(records);
    }
}
