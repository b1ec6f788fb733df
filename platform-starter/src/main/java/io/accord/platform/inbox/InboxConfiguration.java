package io.accord.platform.inbox;

import io.accord.contracts.Roles;
import io.accord.platform.PlatformProperties;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.retry.Backoffs;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * Idempotent consumption, the error handling every listener gets (bounded retries, then the DLT), and ops' view and
 * replay of this service's dead letters.
 */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    /** Below the service's api base path: ops' dead letters. */
    static final String ADMIN_PATH = "/admin/dead-letters";

    @Bean
    Inbox inbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager), json);
    }

    /**
     * Picked up by Boot's listener container factory. Three retries with the platform's backoff (1 s, 2 s, 4 s),
     * then {@code <topic>.DLT}, counted in {@code accord.inbox.dead.letters} ({@link DeadLetters}).
     */
    @Bean
    DefaultErrorHandler accordKafkaErrorHandler(KafkaTemplate<String, byte[]> accordKafkaTemplate,
                                                MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetters(accordKafkaTemplate, meters),
                Backoffs.exponential(Duration.ofSeconds(1), Duration.ofSeconds(4), 3));
        handler.addNotRetryableExceptions(PoisonMessageException.class);
        return handler;
    }

    @Bean
    DeadLetterReplays deadLetterReplays(ObjectProvider<KafkaListenerEndpointRegistry> listeners, KafkaProperties kafka,
                                        KafkaTemplate<String, byte[]> accordKafkaTemplate, JdbcClient jdbc,
                                        PlatformTransactionManager transactionManager, AuditTrail audit,
                                        Tenancy tenancy, Clock clock) {
        return new DeadLetterReplays(new DeadLetterTopics(listeners, kafka.buildConsumerProperties()),
                accordKafkaTemplate, jdbc, new TransactionTemplate(transactionManager), audit, tenancy, clock);
    }

    @Bean
    DeadLetterAdminController deadLetterAdminController(DeadLetterReplays deadLetterReplays) {
        return new DeadLetterAdminController(deadLetterReplays);
    }

    /** Ops and platform admins only, reading too: a dead letter's payload may carry personal data. */
    @Bean
    RequestAuthorization deadLetterAdminRules(PlatformProperties properties) {
        String path = properties.apiBasePath() + ADMIN_PATH;
        return requests -> requests.requestMatchers(path, path + "/**").hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN);
    }
}
