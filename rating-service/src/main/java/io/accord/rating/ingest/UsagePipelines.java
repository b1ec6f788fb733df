package io.accord.rating.ingest;

import io.accord.platform.kafka.BatchConsumerSettings;
import io.accord.platform.kafka.BatchConsumers;
import io.accord.platform.kafka.DatabaseOffsetConsumer;
import io.accord.platform.kafka.DatabaseOffsets;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts this replica's consumers of the raw usage topic ({@code consumers} threads, each its own member of the
 * consumer group, offsets in {@code usage_offset}) with the application, and stops them (after their batch in
 * progress) before it shuts down.
 */
class UsagePipelines implements SmartLifecycle {

    private final IngestProperties properties;
    private final BatchConsumers consumers;
    private final DatabaseOffsets offsets;
    private final UsagePipeline pipeline;
    private final List<DatabaseOffsetConsumer<?, ?>> running = new ArrayList<>();

    UsagePipelines(IngestProperties properties, BatchConsumers consumers, DatabaseOffsets offsets,
                   UsagePipeline pipeline) {
        this.properties = properties;
        this.consumers = consumers;
        this.offsets = offsets;
        this.pipeline = pipeline;
    }

    /** A consumer of the group, not started; the application's own are started by {@link #start()}. */
    DatabaseOffsetConsumer<?, ?> newPipeline(String name) {
        return consumers.consumer(new BatchConsumerSettings(name, properties.topic(), properties.consumerGroup(),
                properties.batchSize(), properties.pollTimeout(), properties.retryBackoff()), offsets, pipeline);
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || !running.isEmpty()) {
            return;
        }
        for (int i = 0; i < properties.consumers(); i++) {
            DatabaseOffsetConsumer<?, ?> consumer = newPipeline("rating-usage-" + i);
            consumer.start();
            running.add(consumer);
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(DatabaseOffsetConsumer::stop);
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
