package io.accord.catalog.importjob;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Import job settings, and who may upload (or resume a job): checked before the (possibly large) request body is
 * read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportConfiguration {

    @Bean
    RequestAuthorization importJobUploads() {
        return requests -> requests.requestMatchers(HttpMethod.POST, ImportJobView.PATH,
                        ImportJobView.PATH + "/*/resume")
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
    }
}
