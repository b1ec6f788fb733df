package io.accord.rating.publish;

import io.accord.platform.PlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The publisher of {@code usage.rated.v1}, with a producer of its own (batched sends: a short linger and large
 * batches, idempotent and acks=all from the platform defaults).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
class PublishConfiguration {

    @Bean
    RatedUsagePublisher ratedUsagePublisher(JdbcClient jdbc, JsonMapper json, KafkaProperties kafka,
                                            PlatformTransactionManager transactions, PublishProperties properties,
                                            PlatformProperties platform, MeterRegistry registry) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "rating-rated-publisher");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer());
        return new RatedUsagePublisher(jdbc, json, producer, new TransactionTemplate(transactions), properties,
                platform.eventSource(), registry);
    }

    /** What the publisher has still to send, for the {@code ingestion} health component. */
    @Bean
    PublishBacklog publishBacklog(JdbcClient jdbc, PublishProperties properties) {
        return new PublishBacklog(jdbc, properties.topic());
    }
}
