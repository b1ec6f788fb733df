package io.accord.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Makes {@link DatabaseOffsetConsumer}s (auto-configured as a bean): Kafka consumers from the service's
 * {@code spring.kafka} settings (keys as strings, values as bytes, no auto commit, {@code earliest},
 * {@code max.poll.records} = the batch size), transactions and offsets over the service's own database.
 */
public class BatchConsumers {

    private final Supplier<Map<String, Object>> kafkaConfig;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BatchConsumerProperties properties;
    private final List<DatabaseOffsetConsumer<?, ?>> made = new CopyOnWriteArrayList<>();

    public BatchConsumers(Supplier<Map<String, Object>> kafkaConfig, JdbcClient jdbc, TransactionTemplate transactions,
                          Clock clock, BatchConsumerProperties properties) {
        this.kafkaConfig = kafkaConfig;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** The positions kept in {@code table} (see {@link DatabaseOffsets} for its columns). */
    public DatabaseOffsets offsets(String table) {
        return new DatabaseOffsets(jdbc, transactions, clock, table);
    }

    /** A consumer of the group, not started yet, whose positions live in {@code offsets}. */
    public <T, R> DatabaseOffsetConsumer<T, R> consumer(BatchConsumerSettings settings, DatabaseOffsets offsets,
                                                        BatchHandler<T, R> handler) {
        Map<String, Object> config = new HashMap<>(kafkaConfig.get());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, properties.isolationLevel());
        DatabaseOffsetConsumer<T, R> consumer = new DatabaseOffsetConsumer<>(settings,
                () -> (Consumer<String, byte[]>) new KafkaConsumer<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer()),
                offsets, transactions, handler, properties.stopTimeout(), properties.commitToKafka());
        made.add(consumer);
        return consumer;
    }

    /** The consumers made so far (for their health). */
    List<DatabaseOffsetConsumer<?, ?>> made() {
        return made;
    }
}
