package io.accord.rating.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the usage pipeline: the ledger, the Kafka consumers, the offsets, the metrics and the cleanup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    UsageLedger usageLedger(DataSource dataSource, JsonMapper json, Clock clock,
                            ApplicationEventPublisher events) {
        return new UsageLedger(new LedgerWriter(dataSource, json), clock, events);
    }

    @Bean
    RatedCorrections ratedCorrections(DataSource dataSource, JsonMapper json, Clock clock) {
        return new RatedCorrections(new LedgerWriter(dataSource, json), clock);
    }

    @Bean
    PartitionOffsets partitionOffsets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new PartitionOffsets(jdbc, new TransactionTemplate(transactions), clock);
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    UsagePipelines usagePipelines(IngestProperties properties, ConsumerFactory<?, ?> consumers,
                                  PartitionOffsets offsets, UsageLedger ledger, RatingSnapshots snapshots,
                                  PlatformTransactionManager transactions, IngestMetrics metrics, Clock clock) {
        return new UsagePipelines(properties, consumers.getConfigurationProperties(), offsets, ledger, snapshots,
                new TransactionTemplate(transactions), metrics, clock);
    }

    @Bean
    UsageKeyCleanup usageKeyCleanup(JdbcClient jdbc, IngestProperties properties, Clock clock) {
        return new UsageKeyCleanup(jdbc, properties, clock);
    }
}
