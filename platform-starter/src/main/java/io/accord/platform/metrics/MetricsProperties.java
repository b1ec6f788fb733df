package io.accord.platform.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Gauges that query the database, under {@code accord.platform.metrics}.
 *
 * @param readingInterval how old a {@link CachedReading} may be before a scrape reads it again: however often
 *                        Prometheus (or anyone) scrapes, each such gauge queries at most once per interval per replica
 */
@ConfigurationProperties("accord.platform.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration readingInterval) {
}
