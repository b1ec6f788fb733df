package io.accord.rating.usage;

import io.accord.contracts.Roles;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import io.accord.platform.upload.UploadSpool;
import io.accord.rating.ingest.UsageLedger;
import io.accord.rating.model.RatingModel;
import io.accord.rating.engine.UsageWindow;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The TMF635 usage input: who may call it, and its wiring to the usage ledger. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageFileProperties.class)
class UsageApiConfiguration {

    @Bean
    RequestAuthorization usageApiRules() {
        return requests -> {
            requests.requestMatchers(HttpMethod.POST, UsageController.USAGE, UsageController.BATCH,
                            UsageFileController.FILES, UsageFileController.FILES + "/*/resume",
                            UsageFileController.FILES + "/*/cancel")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);
            requests.requestMatchers(HttpMethod.GET, UsageController.USAGE, UsageController.USAGE + "/**",
                            UsageFileController.FILES, UsageFileController.FILES + "/**")
                    .hasAnyRole(Roles.ALL.toArray(String[]::new));
        };
    }

    @Bean
    UsageFileStore usageFileStore(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
        return new UsageFileStore(jdbc, batchJdbc);
    }

    @Bean
    UsageFileRunner usageFileRunner(UsageFileStore store, UsageSubmissions submissions,
                                    UsageFileProperties properties, PlatformTransactionManager transactions,
                                    JsonMapper json, Clock clock) {
        return new UsageFileRunner(store, submissions, properties, new TransactionTemplate(transactions), json, clock);
    }

    @Bean
    UsageFileJobs usageFileJobs(UsageFileStore store, UsageFileRunner runner, UsageSubmissions submissions,
                                UsageFileProperties properties, PlatformTransactionManager transactions,
                                Tenancy tenancy, JsonMapper json, Clock clock, UploadSpool spool,
                                AuditTrail audit) {
        return new UsageFileJobs(store, runner, submissions, properties, new TransactionTemplate(transactions),
                tenancy, json, clock, spool, audit);
    }

    @Bean
    UsageSubmissions usageSubmissions(UsageLedger ledger, RatingModel model, PlatformTransactionManager transactions,
                                      JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc, JsonMapper json,
                                      Tenancy tenancy, Clock clock, UsageWindow window, AuditTrail audit) {
        return new UsageSubmissions(ledger, model, new TransactionTemplate(transactions), jdbc, batchJdbc, json,
                tenancy, clock, window, new ResentUsage(jdbc, audit));
    }
}
