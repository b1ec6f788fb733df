package io.accord.platform.idempotency;

import io.accord.platform.problem.ProblemWriter;
import io.accord.platform.web.BodyBudget;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code Idempotency-Key} support for every service's writes; {@code accord.platform.idempotency.*}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "accord.platform.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, PlatformTransactionManager transactions,
                                      IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, transactions, properties);
    }

    /**
     * Right after Spring Security's filter (whatever order a service gives it): the caller is authenticated by
     * then, and requests refused with 401 or 403 never reach the key store.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems,
                                                                IdempotencyProperties properties, BodyBudget budget,
                                                                ObjectProvider<SecurityFilterProperties> security) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, problems, properties, budget));
        registration.setOrder(security.getIfAvailable(SecurityFilterProperties::new).getOrder() + 1);
        return registration;
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store) {
        return new IdempotencyCleanup(store);
    }

    @Bean
    IdempotencyApiDocs idempotencyApiDocs() {
        return new IdempotencyApiDocs();
    }
}
