package io.accord.platform.inbox;

import io.accord.platform.retry.Backoffs;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/** Idempotent consumption, and the error handling every listener gets: bounded retries, then the DLT. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

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
}
