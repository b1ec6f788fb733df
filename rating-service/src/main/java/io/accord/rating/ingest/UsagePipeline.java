package io.accord.rating.ingest;

import io.accord.rating.engine.RatingEngine;
import io.accord.rating.ingest.UsageLedger.Incoming;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One consumer of the raw usage topic in the group, on its own thread: poll a batch, rate it, write it and the
 * consumed offsets in one transaction, then commit the offsets to Kafka as well (only for lag monitoring). The
 * offsets in PostgreSQL are authoritative: the consumer seeks to them on every partition assignment and after any
 * failure, and a batch commits only if its partitions' database offsets are still where this consumer sought them,
 * so a record is processed by exactly one committed transaction whatever the rebalances, restarts and crashes.
 */
final class UsagePipeline {

    private static final Logger log = LoggerFactory.getLogger(UsagePipeline.class);

    private final String name;
    private final IngestProperties properties;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final PartitionOffsets offsets;
    private final UsageLedger ledger;
    private final RatingSnapshots snapshots;
    private final TransactionTemplate transactions;
    private final IngestMetrics metrics;
    private final Clock clock;
    /** Where this consumer sought each assigned partition, i.e. the database offset it expects to move on from. */
    private final Map<TopicPartition, Long> expected = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Set<TopicPartition> assigned = Set.of();
    private final AtomicLong processed = new AtomicLong();
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    UsagePipeline(String name, IngestProperties properties, Supplier<Consumer<String, byte[]>> consumers,
                  PartitionOffsets offsets, UsageLedger ledger, RatingSnapshots snapshots,
                  TransactionTemplate transactions, IngestMetrics metrics, Clock clock) {
        this.name = name;
        this.properties = properties;
        this.consumers = consumers;
        this.offsets = offsets;
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    /** Stops after the batch in progress (which commits or rolls back as a whole) and leaves the group. */
    void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                log.warn("Usage pipeline {} did not stop within 30 s", name);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partitions this consumer holds now (for tests and ops). */
    Set<TopicPartition> assigned() {
        return assigned;
    }

    /** How many records this consumer's committed batches held. */
    long processed() {
        return processed.get();
    }

    boolean isRunning() {
        return running && stopped.getCount() > 0;
    }

    private void run() {
        if (!snapshots.awaitCurrent(properties.modelWait())) {
            log.warn("Usage pipeline {} starts rating although the read models are not current after {}", name,
                    properties.modelWait());
        }
        try (Consumer<String, byte[]> kafka = consumers.get()) {
            consumer = kafka;
            kafka.subscribe(List.of(properties.topic()), new Rebalancing(kafka));
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = kafka.poll(properties.pollTimeout());
                    if (!records.isEmpty()) {
                        process(kafka, records);
                    }
                } catch (WakeupException wakeup) {
                    break;
                } catch (Fenced fenced) {
                    log.info("Usage pipeline {}: {}; seeking to the database offsets", name, fenced.getMessage());
                    metrics.fenced();
                    seekQuietly(kafka, kafka.assignment());
                } catch (RuntimeException failure) {
                    log.warn("Usage pipeline {}: batch failed, reading it again after {}", name,
                            properties.retryBackoff(), failure);
                    metrics.failed();
                    pause();
                    seekQuietly(kafka, kafka.assignment());
                }
            }
        } catch (WakeupException stopping) {
            log.debug("Usage pipeline {} woken up to stop", name);
        } catch (RuntimeException failure) {
            log.error("Usage pipeline {} stopped", name, failure);
        } finally {
            consumer = null;
            running = false;
            stopped.countDown();
        }
    }

    private void process(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        long started = System.nanoTime();
        List<Incoming> batch = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            Long position = expected.get(partition);
            if (position == null) {
                throw new Fenced("partition " + partition + " has no known database position");
            }
            long nextOffset = position;
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (record.offset() < position) {
                    continue; // processed already (the consumer was behind its database position)
                }
                batch.add(incoming(record));
                nextOffset = record.offset() + 1;
            }
            next.put(partition, nextOffset);
        }
        RatingEngine engine = new RatingEngine(snapshots.current(), clock, properties.tooOldAfter());
        UsageLedger.Result result = transactions.execute(status -> {
            List<TopicPartition> ordered = new ArrayList<>(next.keySet());
            ordered.sort(Comparator.comparingInt(TopicPartition::partition));
            for (TopicPartition partition : ordered) {
                if (!offsets.advance(properties.consumerGroup(), partition, expected.get(partition),
                        next.get(partition))) {
                    throw new Fenced("partition " + partition + " moved past " + expected.get(partition)
                            + " meanwhile (another consumer processed it)");
                }
            }
            return ledger.record(batch, engine);
        });
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((partition, offset) -> {
            expected.put(partition, offset);
            commit.put(partition, new OffsetAndMetadata(offset));
        });
        kafka.commitAsync(commit, (committed, failure) -> {
            if (failure != null) {
                log.debug("Kafka offset commit (monitoring only) failed: {}", failure.toString());
            }
        });
        processed.addAndGet(batch.size());
        metrics.batch(result, batch, System.nanoTime() - started, clock.instant());
    }

    private static Incoming incoming(ConsumerRecord<String, byte[]> record) {
        UsageParser.Parsed parsed = UsageParser.parse(record.value());
        Instant received = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.EPOCH;
        return new Incoming(parsed.record(), parsed.problem(), record.value(), received, record.partition(),
                record.offset());
    }

    /** Seeks each partition to its database offset; on failure the partitions stay unknown until the next try. */
    private void seek(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        partitions.forEach(expected::remove);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = offsets.positions(properties.consumerGroup(), partitions);
        positions.forEach((partition, position) -> {
            if (position == PartitionOffsets.BEGINNING) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, position);
            }
            expected.put(partition, position);
        });
        log.info("Usage pipeline {} resumes {} from the database offsets", name, positions);
    }

    private void seekQuietly(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        try {
            seek(kafka, partitions);
        } catch (RuntimeException failure) {
            log.warn("Usage pipeline {} cannot read its database offsets yet: {}", name, failure.toString());
            pause();
        }
    }

    private void pause() {
        try {
            stopped.await(properties.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Seeks newly assigned partitions to their database offsets; forgets revoked or lost ones. */
    private final class Rebalancing implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> kafka;

        Rebalancing(Consumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekQuietly(kafka, partitions);
            assigned = Set.copyOf(kafka.assignment());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(expected::remove);
            assigned = Set.of();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(expected::remove);
            assigned = Set.of();
        }
    }

    /** The batch's partitions are not where this consumer thought: nothing was written; seek and read again. */
    static final class Fenced extends RuntimeException {
        Fenced(String message) {
            super(message, null, false, false);
        }
    }
}
