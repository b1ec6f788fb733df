package io.accord.rating.ingest;

import io.accord.platform.kafka.BatchHandler;
import io.accord.platform.kafka.ConsumedBatch;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.ingest.UsageLedger.Incoming;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a consumer of the raw usage topic does with a batch (the poll loop, the database offsets and their fencing
 * are the platform's {@link io.accord.platform.kafka.DatabaseOffsetConsumer}): parse every record outside the
 * transaction and take the rating snapshot once, then, in the transaction that also moves the partitions' database
 * offsets, rate and write everything the batch comes to ({@link UsageLedger#record}); count it after the commit.
 */
final class UsagePipeline implements BatchHandler<UsagePipeline.Parsed, UsageLedger.Result> {

    private final IngestProperties properties;
    private final UsageLedger ledger;
    private final RatingSnapshots snapshots;
    private final IngestMetrics metrics;
    private final Clock clock;

    UsagePipeline(IngestProperties properties, UsageLedger ledger, RatingSnapshots snapshots, IngestMetrics metrics,
                  Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A batch's records as the ledger takes them, and the engine over the snapshot taken once for the batch;
     * {@code ledgerDone} holds when the ledger returned ({@link System#nanoTime}), for the commit's stage time.
     */
    record Parsed(List<Incoming> records, RatingEngine engine, long[] ledgerDone) {
    }

    @Override
    public void beforeFirstPoll() {
        if (!snapshots.awaitCurrent(properties.modelWait())) {
            org.slf4j.LoggerFactory.getLogger(UsagePipeline.class).warn(
                    "Usage pipeline starts rating although the read models are not current after {}",
                    properties.modelWait());
        }
    }

    @Override
    public Parsed prepare(ConsumedBatch batch) {
        long started = System.nanoTime();
        List<Incoming> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> record : batch.records()) {
            records.add(incoming(record));
        }
        metrics.stage(IngestMetrics.Stage.PARSE, System.nanoTime() - started);
        return new Parsed(records, properties.window().engine(snapshots.current(), clock),
                new long[1]);
    }

    @Override
    public UsageLedger.Result apply(Parsed batch) {
        UsageLedger.Result result = ledger.record(batch.records(), batch.engine());
        batch.ledgerDone()[0] = System.nanoTime();
        return result;
    }

    @Override
    public void committed(Parsed batch, UsageLedger.Result result, long elapsedNanos) {
        metrics.stage(IngestMetrics.Stage.COMMIT, System.nanoTime() - batch.ledgerDone()[0]);
        metrics.batch(result, batch.records(), elapsedNanos, clock.instant());
    }

    /**
     * A record the database refused although it passed every check (the platform's consumer found it by applying its
     * batch in parts): kept as an {@code INVALID} suspense record with its raw value and the refusal, so that it is
     * counted and visible and can be recycled once the cause is fixed; only its source and usage id are kept as read
     * (claimed like any identified record), since any other field may be what the database refused.
     */
    @Override
    public Parsed setAside(ConsumedBatch record, RuntimeException failure, String reason) {
        List<Incoming> records = new ArrayList<>(1);
        for (ConsumerRecord<String, byte[]> consumed : record.records()) {
            Incoming incoming = incoming(consumed);
            UsageRecord identity = new UsageRecord(incoming.usage().source(), incoming.usage().usageId(), null, null,
                    null, null, null, null, null, null);
            records.add(new Incoming(identity, "the database refused the record (" + reason + "; details in the"
                    + " rating service's log at " + consumed.topic() + "-" + consumed.partition() + " offset "
                    + consumed.offset() + ")",
                    incoming.payload(), incoming.receivedAt(), incoming.kafkaPartition(), incoming.kafkaOffset()));
        }
        metrics.setAside(records.size());
        return new Parsed(records, properties.window().engine(snapshots.current(), clock),
                new long[1]);
    }

    @Override
    public void fenced(String reason) {
        metrics.fenced();
    }

    @Override
    public void failed(RuntimeException failure) {
        metrics.failed();
    }

    private static Incoming incoming(ConsumerRecord<String, byte[]> record) {
        UsageParser.Parsed parsed = UsageParser.parse(record.value());
        Instant received = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.EPOCH;
        return new Incoming(parsed.record(), parsed.problem(), record.value(), received, record.partition(),
                record.offset());
    }
}
