package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may submit offerings; checked before the request body is read. */
@Configuration(proxyBeanMethods = false)
class OfferingAuthorization {

    @Bean
    RequestAuthorization offeringSubmissions() {
        return requests -> requests.requestMatchers(HttpMethod.POST, OfferingResources.PATH)
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
    }
}
