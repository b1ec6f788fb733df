package io.accord.settlement.usage;

import io.accord.settlement.period.SettlementPeriods;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Wires the rated usage consumer: offsets, the aggregator and the pipeline started with the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageAggregationProperties.class)
class UsageAggregationConfiguration {

    @Bean
    RatedOffsets ratedOffsets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new RatedOffsets(jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    UsageAggregator usageAggregator(SettlementPeriods periods, JdbcClient jdbc, Clock clock) {
        return new UsageAggregator(periods, jdbc, clock);
    }

    @Bean
    RatedUsageConsumers ratedUsageConsumers(UsageAggregationProperties properties, ConsumerFactory<?, ?> consumers,
                                            RatedOffsets offsets, UsageAggregator aggregator,
                                            PlatformTransactionManager transactions, JsonMapper json) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "settlement-usage");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSize());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new RatedUsageConsumers(properties, new RatedUsagePipeline("settlement-usage", properties,
                () -> (Consumer<String, byte[]>) new KafkaConsumer<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer()),
                offsets, aggregator, new TransactionTemplate(transactions), json));
    }

    /** Starts the consumer late with the application and stops it (after its batch in progress) early. */
    static final class RatedUsageConsumers implements SmartLifecycle {

        private final UsageAggregationProperties properties;
        private final RatedUsagePipeline pipeline;
        private volatile boolean started;

        RatedUsageConsumers(UsageAggregationProperties properties, RatedUsagePipeline pipeline) {
            this.properties = properties;
            this.pipeline = pipeline;
        }

        @Override
        public synchronized void start() {
            if (properties.enabled() && !started) {
                pipeline.start();
                started = true;
            }
        }

        @Override
        public synchronized void stop() {
            if (started) {
                pipeline.stop();
                started = false;
            }
        }

        @Override
        public boolean isRunning() {
            return started;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 1000;
        }
    }
}
