package io.accord.platform.outbox;

import io.accord.contracts.Roles;
import io.accord.platform.PlatformProperties;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.security.RequestAuthorization;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and its relay. Every service publishes through these, nothing else. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OutboxConfiguration {

    /** Below the service's api base path: ops' view of parked events. */
    static final String ADMIN_PATH = "/admin/outbox";

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json) {
        return new Outbox(jdbc, json);
    }

    /** Raw bytes: the relay sends the JSON exactly as committed, and the DLT recoverer forwards as received. */
    @Bean
    KafkaTemplate<String, byte[]> accordKafkaTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties()));
    }

    @Bean
    OutboxCleanup outboxCleanup(JdbcClient jdbc, PlatformProperties properties, java.time.Clock clock) {
        return new OutboxCleanup(jdbc, properties, clock);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, byte[]> accordKafkaTemplate,
                            PlatformTransactionManager transactionManager, PlatformProperties properties,
                            java.time.Clock clock) {
        return new OutboxRelay(jdbc, accordKafkaTemplate, new TransactionTemplate(transactionManager), properties,
                clock);
    }

    /** The {@code outbox} health component and the backlog and parked gauges. */
    @Bean
    OutboxHealth outboxHealthIndicator(JdbcClient jdbc, MeterRegistry meters) {
        return new OutboxHealth(jdbc, meters);
    }

    @Bean
    ParkedEvents parkedEvents(JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditTrail audit) {
        return new ParkedEvents(jdbc, new TransactionTemplate(transactionManager), audit);
    }

    @Bean
    OutboxAdminController outboxAdminController(ParkedEvents parkedEvents) {
        return new OutboxAdminController(parkedEvents);
    }

    @Bean
    RequestAuthorization outboxAdminRules(PlatformProperties properties) {
        // auditors read everything, change nothing
        return requests -> requests
                .requestMatchers(HttpMethod.GET, properties.apiBasePath() + ADMIN_PATH + "/**")
                .hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN, Roles.AUDITOR)
                .requestMatchers(properties.apiBasePath() + ADMIN_PATH + "/**")
                .hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN);
    }
}
