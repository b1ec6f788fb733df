package io.accord.rating.ingest;

import io.accord.platform.kafka.BatchConsumers;
import io.accord.platform.kafka.DatabaseOffsets;
import io.micrometer.core.instrument.MeterRegistry;
import io.accord.rating.engine.UsageWindow;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the usage pipeline: the ledger, the Kafka consumers, the offsets, the metrics and the cleanup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    /** The usage times every input rates (Kafka, REST, files, recycling), from {@code accord.rating.ingest}. */
    @Bean
    UsageWindow usageWindow(IngestProperties properties) {
        return properties.window();
    }

    @Bean
    UsageLedger usageLedger(DataSource dataSource, Clock clock, ApplicationEventPublisher events,
                            IngestMetrics metrics) {
        return new UsageLedger(new LedgerWriter(dataSource), clock, events, metrics);
    }

    @Bean
    RatedCorrections ratedCorrections(DataSource dataSource, Clock clock) {
        return new RatedCorrections(new LedgerWriter(dataSource), clock);
    }

    /** The authoritative positions of the raw topic's partitions (table {@code usage_offset}). */
    @Bean
    DatabaseOffsets usageOffsets(BatchConsumers consumers) {
        return consumers.offsets("usage_offset");
    }

    /** The pipeline's lag behind the raw topic, for the {@code ingestion} health component. */
    @Bean
    RawTopicLag rawTopicLag(JdbcClient jdbc, Admin usageTopicAdmin, DatabaseOffsets offsets,
                            IngestProperties properties) {
        return new RawTopicLag(jdbc, usageTopicAdmin, offsets, properties);
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    UsagePipelines usagePipelines(IngestProperties properties, BatchConsumers consumers, DatabaseOffsets offsets,
                                  UsageLedger ledger, RatingSnapshots snapshots, IngestMetrics metrics, Clock clock) {
        return new UsagePipelines(properties, consumers, offsets,
                new UsagePipeline(properties, ledger, snapshots, metrics, clock));
    }

    @Bean
    UsageKeyCleanup usageKeyCleanup(JdbcClient jdbc, PlatformTransactionManager transactions,
                                    IngestProperties properties, Clock clock) {
        return new UsageKeyCleanup(jdbc, new TransactionTemplate(transactions), properties, clock);
    }
}
