package io.accord.settlement.usage;

import io.accord.contracts.usage.UsageRated;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One consumer of {@code usage.rated.v1} on its own thread: poll a batch, add it to the period sums and move the
 * partitions' database offsets in one transaction, then commit the offsets to Kafka too (for lag monitoring only).
 * The database offsets are authoritative: the consumer seeks to them on every assignment and after any failure, and
 * a batch commits only if its partitions' rows are still where this consumer sought them. Records the publisher sent
 * again (a sequence at or below the partition's highest applied) are skipped.
 */
final class RatedUsagePipeline {

    private static final Logger log = LoggerFactory.getLogger(RatedUsagePipeline.class);

    private final String name;
    private final UsageAggregationProperties properties;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RatedOffsets offsets;
    private final UsageAggregator aggregator;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Map<TopicPartition, Long> expected = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    RatedUsagePipeline(String name, UsageAggregationProperties properties,
                       Supplier<Consumer<String, byte[]>> consumers, RatedOffsets offsets, UsageAggregator aggregator,
                       TransactionTemplate transactions, JsonMapper json) {
        this.name = name;
        this.properties = properties;
        this.consumers = consumers;
        this.offsets = offsets;
        this.aggregator = aggregator;
        this.transactions = transactions;
        this.json = json;
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
                log.warn("Rated usage pipeline {} did not stop within 30 s", name);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
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
                    log.info("Rated usage pipeline {}: {}; seeking to the database offsets", name,
                            fenced.getMessage());
                    seekQuietly(kafka, kafka.assignment());
                } catch (RuntimeException failure) {
                    log.warn("Rated usage pipeline {}: batch failed, reading it again after {}", name,
                            properties.retryBackoff(), failure);
                    pause();
                    seekQuietly(kafka, kafka.assignment());
                }
            }
        } catch (WakeupException stopping) {
            log.debug("Rated usage pipeline {} woken up to stop", name);
        } catch (RuntimeException failure) {
            log.error("Rated usage pipeline {} stopped", name, failure);
        } finally {
            consumer = null;
            running = false;
            stopped.countDown();
        }
    }

    private void process(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, List<UsageRated>> read = new HashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            Long position = expected.get(partition);
            if (position == null) {
                throw new Fenced("partition " + partition + " has no known database position");
            }
            long nextOffset = position;
            List<UsageRated> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (record.offset() < position) {
                    continue; // applied already (the consumer was behind its database position)
                }
                parse(record).ifPresent(events::add);
                nextOffset = record.offset() + 1;
            }
            read.put(partition, events);
            next.put(partition, nextOffset);
        }
        transactions.executeWithoutResult(status -> {
            List<TopicPartition> ordered = new ArrayList<>(next.keySet());
            ordered.sort(Comparator.comparingInt(TopicPartition::partition));
            List<UsageRated> batch = new ArrayList<>();
            for (TopicPartition partition : ordered) {
                OptionalLong applied = offsets.advance(properties.consumerGroup(), partition,
                        expected.get(partition), next.get(partition));
                if (applied.isEmpty()) {
                    throw new Fenced("partition " + partition + " moved past " + expected.get(partition)
                            + " meanwhile (another consumer processed it)");
                }
                long highest = applied.getAsLong();
                for (UsageRated event : read.get(partition)) {
                    if (event.sequence() > highest) {
                        batch.add(event);
                        highest = event.sequence();
                    } else {
                        log.debug("Rated usage {} (sequence {}) applied already", event.ratedId(), event.sequence());
                    }
                }
                if (highest > applied.getAsLong()) {
                    offsets.applied(properties.consumerGroup(), partition, highest);
                }
            }
            aggregator.add(batch);
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
    }

    /** A record that is not a readable UsageRated is logged and passed over: it must not stop settlement. */
    private java.util.Optional<UsageRated> parse(ConsumerRecord<String, byte[]> record) {
        try {
            UsageRated event = json.readValue(record.value(), UsageRated.class);
            if (event.ratedId() == null || event.usageTime() == null || event.currency() == null
                    || event.billedQuantity() == null || event.charge() == null) {
                log.error("Rated usage at {}-{}@{} lacks a required field; skipped", record.topic(),
                        record.partition(), record.offset());
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(event);
        } catch (JacksonException unreadable) {
            log.error("Rated usage at {}-{}@{} is unreadable; skipped: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.getOriginalMessage());
            return java.util.Optional.empty();
        }
    }

    private void seek(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        partitions.forEach(expected::remove);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = offsets.positions(properties.consumerGroup(), partitions);
        positions.forEach((partition, position) -> {
            if (position == RatedOffsets.BEGINNING) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, position);
            }
            expected.put(partition, position);
        });
        log.info("Rated usage pipeline {} resumes {} from the database offsets", name, positions);
    }

    private void seekQuietly(Consumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        try {
            seek(kafka, partitions);
        } catch (RuntimeException failure) {
            log.warn("Rated usage pipeline {} cannot read its database offsets yet: {}", name, failure.toString());
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
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(expected::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(expected::remove);
        }
    }

    /** The batch's partitions are not where this consumer thought: nothing was written; seek and read again. */
    static final class Fenced extends RuntimeException {
        Fenced(String message) {
            super(message, null, false, false);
        }
    }
}
