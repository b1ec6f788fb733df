package io.accord.rating.rerate;

import io.accord.contracts.Roles;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.scheduling.JobItems;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.accord.rating.ingest.RatedCorrections;
import io.accord.rating.model.RatingModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Re-rating: who may call it, and its wiring (docs/rating-rerating.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RerateProperties.class)
class RerateConfiguration {

    @Bean
    RequestAuthorization rerateRules() {
        return requests -> {
            requests.requestMatchers(HttpMethod.GET, RerateJobs.BASE, RerateJobs.BASE + "/**")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.FINANCE, Roles.AUDITOR, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.POST, RerateJobs.BASE, RerateJobs.BASE + "/**")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.FINANCE);
        };
    }

    @Bean
    RerateJobs rerateJobs(JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit,
                          Tenancy tenancy, JsonMapper json, Clock clock) {
        return new RerateJobs(jdbc, new TransactionTemplate(transactions), audit, tenancy, json, clock);
    }

    @Bean
    Corrections rerateCorrections(JdbcClient jdbc, RatedCorrections corrections, Clock clock) {
        return new Corrections(jdbc, corrections, clock);
    }

    @Bean
    RerateWorker rerateWorker(JdbcClient jdbc, PlatformTransactionManager transactions, RatingModel model,
                              JsonMapper json, Corrections corrections, RerateJobs jobs, AuditTrail audit,
                              RerateProperties properties, Clock clock) {
        return new RerateWorker(jdbc, new TransactionTemplate(transactions), model, new RatedRecords(json),
                corrections, jobs, audit, json, properties, clock);
    }

    @Bean
    PriceCorrectionTrigger priceCorrectionTrigger(JdbcClient jdbc, RerateJobs jobs, Clock clock) {
        return new PriceCorrectionTrigger(jdbc, jobs, clock);
    }

    @Bean
    VolumePeriodFinaliser volumePeriodFinaliser(JdbcClient jdbc, PlatformTransactionManager transactions,
                                                RatingModel model, JsonMapper json, Corrections corrections,
                                                RerateProperties properties, Clock clock, JobItems jobItems) {
        return new VolumePeriodFinaliser(jdbc, new TransactionTemplate(transactions), model, new RatedRecords(json),
                corrections, properties, clock, jobItems);
    }
}
