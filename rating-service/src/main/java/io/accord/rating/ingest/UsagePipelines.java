package io.accord.rating.ingest;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts this replica's consumers of the raw usage topic ({@code consumers} threads, each its own member of the
 * consumer group) with the application, and stops them (after their batch in progress) before it shuts down.
 */
class UsagePipelines implements SmartLifecycle {

    private final IngestProperties properties;
    private final Map<String, Object> kafkaConfig;
    private final PartitionOffsets offsets;
    private final UsageLedger ledger;
    private final RatingSnapshots snapshots;
    private final TransactionTemplate transactions;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final List<UsagePipeline> running = new ArrayList<>();

    UsagePipelines(IngestProperties properties, Map<String, Object> kafkaConfig, PartitionOffsets offsets,
                   UsageLedger ledger, RatingSnapshots snapshots, TransactionTemplate transactions,
                   IngestMetrics metrics, Clock clock) {
        this.properties = properties;
        this.kafkaConfig = kafkaConfig;
        this.offsets = offsets;
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A consumer of the group, not started; the application's own are started by {@link #start()}. */
    UsagePipeline newPipeline(String name) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSize());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new UsagePipeline(name, properties,
                () -> (Consumer<String, byte[]>) new KafkaConsumer<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer()),
                offsets, ledger, snapshots, transactions, metrics, clock);
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || !running.isEmpty()) {
            return;
        }
        for (int i = 0; i < properties.consumers(); i++) {
            UsagePipeline pipeline = newPipeline("rating-usage-" + i);
            pipeline.start();
            running.add(pipeline);
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(UsagePipeline::stop);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    /** Late in the start, early in the stop: the web server and the read models' listeners run around it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
