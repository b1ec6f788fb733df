package io.accord.settlement.usage;

import io.accord.platform.kafka.BatchConsumerSettings;
import io.accord.platform.kafka.BatchConsumers;
import io.accord.platform.kafka.DatabaseOffsetConsumer;
import io.accord.settlement.period.SettlementPeriods;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Wires the rated usage consumer: the platform's batch consumer (offsets in {@code usage_offset}), the applied
 * sequences, the aggregator, started with the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageAggregationProperties.class)
class UsageAggregationConfiguration {

    @Bean
    AppliedSequences appliedSequences(JdbcClient jdbc) {
        return new AppliedSequences(jdbc);
    }

    @Bean
    UsageAggregator usageAggregator(SettlementPeriods periods, JdbcClient jdbc, Clock clock) {
        return new UsageAggregator(periods, jdbc, clock);
    }

    @Bean
    RatedUsageConsumers ratedUsageConsumers(UsageAggregationProperties properties, BatchConsumers consumers,
                                            AppliedSequences sequences, UsageAggregator aggregator, JsonMapper json) {
        BatchConsumerSettings settings = new BatchConsumerSettings("settlement-usage", properties.topic(),
                properties.consumerGroup(), properties.batchSize(), properties.pollTimeout(),
                properties.retryBackoff());
        return new RatedUsageConsumers(properties, consumers.consumer(settings, consumers.offsets("usage_offset"),
                new RatedUsagePipeline(properties, sequences, aggregator, json)));
    }

    /** Starts the consumer late with the application and stops it (after its batch in progress) early. */
    static final class RatedUsageConsumers implements SmartLifecycle {

        private final UsageAggregationProperties properties;
        private final DatabaseOffsetConsumer<?, ?> pipeline;
        private volatile boolean started;

        RatedUsageConsumers(UsageAggregationProperties properties, DatabaseOffsetConsumer<?, ?> pipeline) {
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
