package io.accord.platform.metrics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link GaugeReadings} for the services' gauges over their tables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

    @Bean
    GaugeReadings gaugeReadings(MetricsProperties properties) {
        return new GaugeReadings(properties.readingInterval());
    }
}
