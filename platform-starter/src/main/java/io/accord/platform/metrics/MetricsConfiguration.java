package io.accord.platform.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link GaugeReadings} for the services' gauges over their tables, and the filters every service's meters get. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

    @Bean
    GaugeReadings gaugeReadings(MetricsProperties properties) {
        return new GaugeReadings(properties.readingInterval());
    }

    /** Applied by Boot to every meter registry: one series per topic of the Kafka client's metrics. */
    @Bean
    MeterFilter kafkaTopicTags() {
        return new KafkaTopicTags();
    }
}
