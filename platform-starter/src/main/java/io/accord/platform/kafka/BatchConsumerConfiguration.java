package io.accord.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;

/** The factory of Kafka batch consumers with offsets in PostgreSQL ({@link BatchConsumers}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchConsumerProperties.class)
public class BatchConsumerConfiguration {

    @Bean
    BatchConsumers batchConsumers(ObjectProvider<ConsumerFactory<?, ?>> consumerFactory, JdbcClient jdbc,
                                  PlatformTransactionManager transactions, Clock clock,
                                  BatchConsumerProperties properties) {
        return new BatchConsumers(() -> {
            ConsumerFactory<?, ?> factory = consumerFactory.getIfAvailable();
            return factory == null ? Map.of() : factory.getConfigurationProperties();
        }, jdbc, new TransactionTemplate(transactions), clock, properties);
    }

    /** The {@code batchConsumers} health component and the waiting partitions' gauge. */
    @Bean
    BatchConsumersHealth batchConsumersHealthIndicator(BatchConsumers consumers, MeterRegistry meters) {
        return new BatchConsumersHealth(consumers, meters);
    }
}
