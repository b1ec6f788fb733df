package io.accord.rating.ingest;

import io.accord.platform.kafka.DatabaseOffsets;
import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.security.Tenancy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** The fate and reconciliation APIs: who may call them, and the Kafka admin client that tells what is pending. */
@Configuration(proxyBeanMethods = false)
class IngestApiConfiguration {

    @Bean
    RequestAuthorization usageFateRules() {
        return requests -> {
            requests.requestMatchers(HttpMethod.GET, UsageFateController.USAGE + "/**")
                    .hasAnyRole(Roles.ALL.toArray(String[]::new));
            // a partner reads its own source's counts (UsageFateController#reconcile)
            requests.requestMatchers(HttpMethod.GET, UsageFateController.RECONCILIATION)
                    .hasAnyRole(Roles.ALL.toArray(String[]::new));
            // and the duplicates of its own source (UsageFateController#duplicates)
            requests.requestMatchers(HttpMethod.GET, UsageFateController.DUPLICATES)
                    .hasAnyRole(Roles.ALL.toArray(String[]::new));
        };
    }

    @Bean
    UsageFates usageFates(JdbcClient jdbc, JsonMapper json, Tenancy tenancy) {
        return new UsageFates(jdbc, json, tenancy);
    }

    @Bean
    Duplicates usageDuplicates(JdbcClient jdbc) {
        return new Duplicates(jdbc);
    }

    @Bean(destroyMethod = "close")
    Admin usageTopicAdmin(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildAdminProperties();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(config);
    }

    @Bean
    Reconciliation reconciliation(JdbcClient jdbc, Admin usageTopicAdmin, DatabaseOffsets offsets,
                                  IngestProperties properties) {
        return new Reconciliation(jdbc, usageTopicAdmin, offsets, properties);
    }
}
