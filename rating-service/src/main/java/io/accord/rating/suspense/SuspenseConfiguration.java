package io.accord.rating.suspense;

import io.accord.contracts.Roles;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.metrics.GaugeReadings;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.accord.rating.ingest.UsageLedger;
import io.accord.rating.model.RatingModel;
import io.accord.rating.engine.UsageWindow;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Suspense ops: who may call them, and their wiring; the gauges of the open suspense. */
@Configuration(proxyBeanMethods = false)
class SuspenseConfiguration {

    @Bean
    RequestAuthorization suspenseRules() {
        return requests -> {
            requests.requestMatchers(HttpMethod.GET, SuspenseController.SUSPENSE, SuspenseController.SUSPENSE + "/**")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.FINANCE, Roles.AUDITOR);
            requests.requestMatchers(HttpMethod.POST, SuspenseController.SUSPENSE + "/**")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS);
        };
    }

    @Bean
    SuspenseRecycler suspenseRecycler(JdbcClient jdbc, PlatformTransactionManager transactions, UsageLedger ledger,
                                      RatingModel model, AuditTrail audit, Tenancy tenancy, Clock clock,
                                      UsageWindow window) {
        return new SuspenseRecycler(jdbc, new TransactionTemplate(transactions), ledger, model, audit, tenancy, clock,
                window);
    }

    @Bean
    SuspenseGauges suspenseGauges(JdbcClient jdbc, Clock clock, GaugeReadings readings, MeterRegistry meters) {
        return new SuspenseGauges(jdbc, clock, readings, meters);
    }

    @Bean
    SuspenseOps suspenseOps(JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit,
                            Tenancy tenancy, Clock clock) {
        return new SuspenseOps(jdbc, new TransactionTemplate(transactions), audit, tenancy, clock);
    }
}
