package io.accord.rating.ingest;

import io.accord.rating.ingest.UsageLedger.Incoming;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's meters: {@code accord.rating.ingest.records} (by outcome; its rate is events/s),
 * {@code accord.rating.ingest.batch} (poll returned to transaction committed), {@code accord.rating.ingest.lag}
 * (per record, from its Kafka timestamp, i.e. ingestion, to the commit of its rated record and rollups), and
 * {@code accord.rating.ingest.retries} (batches read again after a failure or a fence).
 */
class IngestMetrics {

    private final Counter rated;
    private final Counter suspended;
    private final Counter duplicates;
    private final Timer batch;
    private final Timer lag;
    private final Counter failed;
    private final Counter fenced;

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
        failed = Counter.builder("accord.rating.ingest.retries").tag("cause", "failure").register(registry);
        fenced = Counter.builder("accord.rating.ingest.retries").tag("cause", "fenced").register(registry);
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

    void failed() {
        failed.increment();
    }

    void fenced() {
        fenced.increment();
    }
}
