package io.accord.rating.export;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

/** The rated-records export: who may call it, and its wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
class ExportConfiguration {

    @Bean
    RequestAuthorization exportRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, RatedExportController.RATED)
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.FINANCE, Roles.AUDITOR, Roles.PARTNER_MANAGER,
                        Roles.PARTNER_ADMIN, Roles.PARTNER_USER);
    }

    @Bean
    RatedExport ratedExport(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json,
                            ExportProperties properties) {
        return new RatedExport(dataSource, transactions, json, properties.pageSize());
    }
}
