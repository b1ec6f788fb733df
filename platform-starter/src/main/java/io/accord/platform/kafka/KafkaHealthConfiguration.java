package io.accord.platform.kafka;

import io.accord.platform.PlatformProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health component ({@link KafkaHealth}); {@code management.health.kafka.enabled=false} drops it. */
@Configuration(proxyBeanMethods = false)
public class KafkaHealthConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealth kafkaHealthIndicator(KafkaAdmin kafkaAdmin, PlatformProperties properties) {
        return new KafkaHealth(kafkaAdmin.getConfigurationProperties(), properties.health().timeout());
    }
}
