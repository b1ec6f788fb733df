package io.accord.rating.health;

import io.accord.rating.ingest.RawTopicLag;
import io.accord.rating.publish.PublishBacklog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Rating's own health components. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class HealthConfiguration {

    /** The {@code ingestion} health component (the name is the bean's, without "HealthIndicator"). */
    @Bean
    IngestionHealth ingestionHealthIndicator(RawTopicLag lag, PublishBacklog backlog, HealthProperties properties,
                                             Clock clock) {
        return new IngestionHealth(lag::measure, backlog::now, properties, clock);
    }
}
