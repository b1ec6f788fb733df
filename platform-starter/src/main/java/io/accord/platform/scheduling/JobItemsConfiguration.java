package io.accord.platform.scheduling;

import io.accord.contracts.Roles;
import io.accord.platform.PlatformProperties;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.security.RequestAuthorization;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** {@link JobItems} for the services' scheduled jobs, and ops' view of their failing items. */
@Configuration(proxyBeanMethods = false)
public class JobItemsConfiguration {

    /** Below the service's api base path. */
    static final String ADMIN_PATH = "/admin/jobs";

    @Bean
    JobItems jobItems(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                      MeterRegistry registry) {
        return new JobItems(jdbc, transactionManager, clock, registry);
    }

    @Bean
    JobFailures jobFailures(JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditTrail audit,
                            Clock clock) {
        return new JobFailures(jdbc, new TransactionTemplate(transactionManager), audit, clock);
    }

    @Bean
    JobFailuresController jobFailuresController(JobFailures failures) {
        return new JobFailuresController(failures);
    }

    @Bean
    RequestAuthorization jobFailuresRules(PlatformProperties properties) {
        // auditors read everything, change nothing
        return requests -> requests
                .requestMatchers(HttpMethod.GET, properties.apiBasePath() + ADMIN_PATH + "/**")
                .hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN, Roles.AUDITOR)
                .requestMatchers(properties.apiBasePath() + ADMIN_PATH + "/**")
                .hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN);
    }
}
