package io.accord.platform.kafka;

import io.accord.platform.problem.FailureKind;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One member of a consumer group on its own thread, a plain poll loop (not a listener container), whose offsets live
 * in PostgreSQL ({@link DatabaseOffsets}): poll a batch, {@linkplain BatchHandler#prepare prepare} it, then in one
 * transaction move each partition's database offset past the batch and {@linkplain BatchHandler#apply apply} it,
 * then commit the offsets to Kafka too, asynchronously and only so that consumer lag can be monitored.
 *
 * <p>The database offsets are authoritative: the consumer seeks to them on every partition assignment and after any
 * failure, and a batch commits only if its partitions' rows are still where this consumer sought them (else another
 * consumer processed them meanwhile: the batch is dropped, the consumer seeks and reads again). So each record is
 * processed by exactly one committed transaction whatever the rebalances, restarts and crashes. Partitions' rows are
 * locked in ascending partition order, so concurrent batches queue but never deadlock on them.
 *
 * <p>A batch that fails in a way one of its records may have caused is applied again in parts to find that record
 * (see {@link BatchHandler}): one record the database refuses does not stop its partition, nor any other, for good.
 * While the record's partition waits for it (paused in Kafka, the record tried alone again every retry backoff), the
 * consumer's other partitions go on at full speed; the log has the whole failure once, then a line at attempts 4, 8,
 * 16, ... ({@link #waiting()} tells which partitions wait, and where).
 *
 * @param <T> the handler's prepared batch
 * @param <R> what applying a batch came to
 */
public final class DatabaseOffsetConsumer<T, R> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOffsetConsumer.class);

    private final BatchConsumerSettings settings;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final DatabaseOffsets offsets;
    private final TransactionTemplate transactions;
    private final BatchHandler<T, R> handler;
    private final Duration stopTimeout;
    private final boolean commitToKafka;
    /** Where this consumer sought each assigned partition, i.e. the database offset it expects to move on from. */
    private final Map<TopicPartition, Long> expected = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    /** Partitions waiting at a record that failed alone (the consumer's thread only); {@link #waitingView} to read. */
    private final Map<TopicPartition, Waiting> waiting = new HashMap<>();
    private volatile Map<TopicPartition, Long> waitingView = Map.of();
    /** Batches failed whole in a row, and the kind of the last failure (the consumer's thread only): for the log. */
    private int failuresInARow;
    private String lastFailureKind;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    DatabaseOffsetConsumer(BatchConsumerSettings settings, Supplier<Consumer<String, byte[]>> consumers,
                           DatabaseOffsets offsets, TransactionTemplate transactions, BatchHandler<T, R> handler,
                           Duration stopTimeout, boolean commitToKafka) {
        this.settings = settings;
        this.consumers = consumers;
        this.offsets = offsets;
        this.transactions = transactions;
        this.handler = handler;
        this.stopTimeout = stopTimeout;
        this.commitToKafka = commitToKafka;
    }

    /** Starts the poll loop on its own thread (once). */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(settings.name()).daemon(true).start(this::run);
    }

    /** Stops after the batch in progress (which commits or rolls back as a whole) and leaves the group. */
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (this) {
            if (thread == null) {
                return;
            }
        }
        try {
            if (!stopped.await(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Consumer {} did not stop within {}", settings.name(), stopTimeout);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partitions this consumer holds now. */
    public Set<TopicPartition> assigned() {
        return assigned;
    }

    /**
     * The partitions that wait at a record which fails alone and which the handler did not set aside, with that
     * record's offset: they are tried again every retry backoff while the consumer's other partitions go on.
     */
    public Map<TopicPartition, Long> waiting() {
        return waitingView;
    }

    /** How many records this consumer's committed batches held. */
    public long processed() {
        return processed.get();
    }

    public boolean isRunning() {
        return running && stopped.getCount() > 0;
    }

    public BatchConsumerSettings settings() {
        return settings;
    }

    private void run() {
        try {
            handler.beforeFirstPoll();
        } catch (RuntimeException failure) {
            log.warn("Consumer {}: preparing to poll failed; polling anyway", settings.name(), failure);
        }
        try (Consumer<String, byte[]> kafka = consumers.get()) {
            consumer = kafka;
            kafka.subscribe(List.of(settings.topic()), new Rebalancing(kafka));
            while (running) {
                try {
                    resumeDue(kafka);
                    ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        process(kafka, records);
                    }
                } catch (WakeupException wakeup) {
                    break;
                } catch (Fenced fenced) {
                    log.info("Consumer {}: {}; seeking to the database offsets", settings.name(), fenced.getMessage());
                    handler.fenced(fenced.getMessage());
                    seekQuietly(kafka, kafka.assignment());
                } catch (RuntimeException failure) {
                    logFailure(failure);
                    handler.failed(failure);
                    pause();
                    seekQuietly(kafka, kafka.assignment());
                }
            }
        } catch (WakeupException stopping) {
            log.debug("Consumer {} woken up to stop", settings.name());
        } catch (RuntimeException failure) {
            log.error("Consumer {} stopped", settings.name(), failure);
        } finally {
            consumer = null;
            running = false;
            assigned = Set.of();
            waiting.clear();
            waitingView = Map.of();
            stopped.countDown();
        }
    }

    /**
     * A failed batch (database or broker down, a conflict) is logged with its stack trace the first time, and when the
     * kind of failure changes; while the same failure goes on, one line at failures 2, 4, 8, ... in a row, so that an
     * outage of minutes does not write a stack trace every backoff.
     */
    private void logFailure(RuntimeException failure) {
        String kind = FailureKind.of(failure);
        failuresInARow++;
        if (failuresInARow == 1 || !kind.equals(lastFailureKind)) {
            log.warn("Consumer {}: batch failed, reading it again after {}", settings.name(), settings.retryBackoff(),
                    failure);
        } else if (Integer.bitCount(failuresInARow) == 1) {
            log.warn("Consumer {}: batches still fail ({}), {} times in a row; reading again every {}",
                    settings.name(), kind, failuresInARow, settings.retryBackoff());
        }
        lastFailureKind = kind;
    }

    private void process(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        long started = System.nanoTime();
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        partitions.sort(Comparator.comparingInt(TopicPartition::partition));
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long position = expected.get(partition);
            if (position == null) {
                throw new Fenced("partition " + partition + " has no known database position");
            }
            List<ConsumerRecord<String, byte[]>> fresh = records.records(partition);
            int skip = 0;
            while (skip < fresh.size() && fresh.get(skip).offset() < position) {
                skip++; // processed already (the consumer was behind its database position)
            }
            byPartition.put(partition, skip > 0 ? fresh.subList(skip, fresh.size()) : fresh);
        }
        retryWaiting(kafka, partitions, byPartition);
        if (partitions.isEmpty()) {
            return;
        }
        try {
            commit(kafka, partitions, byPartition, null, started);
        } catch (Fenced fenced) {
            throw fenced;
        } catch (RuntimeException failure) {
            if (!RecordFailures.mayBeRecord(failure)) {
                throw failure;
            }
            log.warn("Consumer {}: a batch failed ({}); applying it in parts to find the record",
                    settings.name(), FailureKind.of(failure));
            handler.failed(failure);
            for (TopicPartition partition : partitions) {
                isolate(kafka, partition, byPartition.get(partition));
            }
        }
    }

    /**
     * Applies one partition's records of a failed batch in parts: the rest of the records at once, halving a part that
     * fails, so that the records before the one that fails commit; that record's partition then
     * {@linkplain #hold waits} (the other partitions go on) and the record is tried alone again after the retry
     * backoff. A failure no record may have caused ends the isolation: the batch is read again from the database
     * offsets.
     */
    private void isolate(Consumer<String, byte[]> kafka, TopicPartition partition,
                         List<ConsumerRecord<String, byte[]>> records) {
        int from = 0;
        int size = records.size();
        while (from < records.size()) {
            List<ConsumerRecord<String, byte[]>> part = records.subList(from, Math.min(records.size(), from + size));
            RuntimeException failure = applyPart(kafka, partition, part);
            if (failure == null) {
                from += part.size();
                size = records.size() - from;
            } else if (part.size() > 1) {
                size = (part.size() + 1) / 2;
            } else {
                log.warn("Consumer {}: record {} at offset {} fails alone ({}); trying it again after {}",
                        settings.name(), partition, part.getFirst().offset(), FailureKind.of(failure),
                        settings.retryBackoff());
                hold(kafka, partition, part.getFirst().offset(), 1);
                return;
            }
        }
    }

    /**
     * Applies records of one partition in a transaction of their own: {@code null} when they committed, else the
     * failure one of them may have caused (the handler told of it). Any other failure is thrown.
     */
    private RuntimeException applyPart(Consumer<String, byte[]> kafka, TopicPartition partition,
                                       List<ConsumerRecord<String, byte[]>> part) {
        try {
            commit(kafka, List.of(partition), Map.of(partition, part), null, System.nanoTime());
            return null;
        } catch (Fenced fenced) {
            throw fenced;
        } catch (RuntimeException failure) {
            if (!RecordFailures.mayBeRecord(failure)) {
                throw failure;
            }
            handler.failed(failure);
            return failure;
        }
    }

    /**
     * First the record each waiting partition of the batch waits at, alone: applied, or set aside, its partition's
     * other records join the batch; failing again, the partition waits once more and leaves the batch.
     */
    private void retryWaiting(Consumer<String, byte[]> kafka, List<TopicPartition> partitions,
                              Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition) {
        for (TopicPartition partition : List.copyOf(partitions)) {
            Waiting wait = waiting.get(partition);
            if (wait == null) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> records = byPartition.get(partition);
            if (records.isEmpty() || records.getFirst().offset() != wait.offset()) {
                release(partition); // the record is no longer there (another consumer, the log's retention)
                continue;
            }
            if (retryAlone(kafka, partition, records.getFirst(), wait.attempts() + 1)) {
                byPartition.put(partition, records.subList(1, records.size()));
            } else {
                partitions.remove(partition);
            }
        }
    }

    /** Whether the record a partition waited at was applied (or set aside); otherwise the partition waits again. */
    private boolean retryAlone(Consumer<String, byte[]> kafka, TopicPartition partition,
                               ConsumerRecord<String, byte[]> record, int attempt) {
        RuntimeException failure = applyPart(kafka, partition, List.of(record));
        if (failure == null) {
            log.info("Consumer {}: record {} at offset {} applied at attempt {}; its partition goes on",
                    settings.name(), partition, record.offset(), attempt);
            release(partition);
            return true;
        }
        String reason = FailureKind.of(failure);
        ConsumedBatch alone = new ConsumedBatch(List.of(partition), Map.of(partition, List.of(record)), 1);
        T instead = handler.setAside(alone, failure, reason);
        if (instead != null) {
            log.error("Consumer {}: record {} at offset {} fails alone ({}); set aside", settings.name(),
                    partition, record.offset(), reason, failure);
            commit(kafka, List.of(partition), Map.of(partition, List.of(record)), instead, System.nanoTime());
            release(partition);
            return true;
        }
        if (attempt == 2) {
            log.error("Consumer {}: record {} at offset {} fails alone ({}); its partition waits for it, tried"
                            + " again every {}, while the other partitions go on", settings.name(), partition,
                    record.offset(), reason, settings.retryBackoff(), failure);
        } else if (Integer.bitCount(attempt) == 1) { // attempts 4, 8, 16, ...: the log is not flooded
            log.warn("Consumer {}: record {} at offset {} still fails ({}) at attempt {}; its partition waits",
                    settings.name(), partition, record.offset(), reason, attempt);
        }
        hold(kafka, partition, record.offset(), attempt);
        return false;
    }

    /**
     * Makes a partition wait at a record: Kafka stops fetching it (paused, sought back to the record) until the retry
     * backoff has passed, while the consumer's other partitions go on.
     */
    private void hold(Consumer<String, byte[]> kafka, TopicPartition partition, long offset, int attempts) {
        kafka.seek(partition, offset);
        kafka.pause(List.of(partition));
        waiting.put(partition, new Waiting(offset, System.nanoTime() + settings.retryBackoff().toNanos(), attempts));
        publishWaiting();
    }

    /** Lets Kafka fetch the waiting partitions whose backoff has passed; their record is then tried alone first. */
    private void resumeDue(Consumer<String, byte[]> kafka) {
        if (waiting.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<TopicPartition> due = new ArrayList<>();
        waiting.forEach((partition, wait) -> {
            if (now - wait.retryAt() >= 0) {
                due.add(partition);
            }
        });
        due.retainAll(kafka.paused());
        if (!due.isEmpty()) {
            kafka.resume(due);
        }
    }

    private void release(TopicPartition partition) {
        if (waiting.remove(partition) != null) {
            publishWaiting();
        }
    }

    private void publishWaiting() {
        Map<TopicPartition, Long> view = new HashMap<>();
        waiting.forEach((partition, wait) -> view.put(partition, wait.offset()));
        waitingView = Map.copyOf(view);
    }

    /**
     * Applies the records ({@code prepared} if given, else what the handler prepares of them) in one transaction that
     * moves each partition's database offset past them; then counts them and commits the offsets to Kafka too.
     */
    private void commit(Consumer<String, byte[]> kafka, List<TopicPartition> partitions,
                        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition, T prepared,
                        long started) {
        Map<TopicPartition, Long> next = new HashMap<>();
        int count = 0;
        for (TopicPartition partition : partitions) {
            List<ConsumerRecord<String, byte[]>> fresh = byPartition.get(partition);
            next.put(partition, fresh.isEmpty() ? expected.get(partition) : fresh.getLast().offset() + 1);
            count += fresh.size();
        }
        T batch = prepared != null ? prepared
                : handler.prepare(new ConsumedBatch(List.copyOf(partitions), byPartition, count));
        R result = transactions.execute(status -> {
            for (TopicPartition partition : partitions) {
                if (!offsets.advance(settings.group(), partition, expected.get(partition), next.get(partition))) {
                    throw new Fenced("partition " + partition + " moved past " + expected.get(partition)
                            + " meanwhile (another consumer processed it)");
                }
            }
            return handler.apply(batch);
        });
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((partition, offset) -> {
            expected.put(partition, offset);
            commit.put(partition, new OffsetAndMetadata(offset));
        });
        processed.addAndGet(count);
        failuresInARow = 0;
        handler.committed(batch, result, System.nanoTime() - started);
        if (commitToKafka) {
            kafka.commitAsync(commit, (committed, failure) -> {
                if (failure != null) {
                    log.debug("Kafka offset commit (monitoring only) failed: {}", failure.toString());
                }
            });
        }
    }

    /** Seeks each partition to its database offset; on failure the partitions stay unknown until the next try. */
    private void seek(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        partitions.forEach(expected::remove);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = offsets.positions(settings.group(), partitions);
        positions.forEach((partition, position) -> {
            if (position == DatabaseOffsets.BEGINNING) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, position);
            }
            expected.put(partition, position);
        });
        log.info("Consumer {} resumes {} from the database offsets", settings.name(), positions);
    }

    private void seekQuietly(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        try {
            seek(kafka, partitions);
        } catch (RuntimeException failure) {
            log.warn("Consumer {} cannot read its database offsets yet: {}", settings.name(), failure.toString());
            pause();
        }
    }

    private void pause() {
        try {
            stopped.await(settings.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
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
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(expected::remove);
            partitions.forEach(DatabaseOffsetConsumer.this::release);
            assigned = Set.of();
        }
    }

    /** A partition waiting at the record at {@code offset}, paused in Kafka until {@code retryAt} (nano time). */
    private record Waiting(long offset, long retryAt, int attempts) {
    }

    /** The batch's partitions are not where this consumer thought: nothing was written; seek and read again. */
    static final class Fenced extends RuntimeException {
        Fenced(String message) {
            super(message, null, false, false);
        }
    }
}
