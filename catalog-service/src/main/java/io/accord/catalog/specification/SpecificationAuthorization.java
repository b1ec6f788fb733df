package io.accord.catalog.specification;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may create specifications; checked before the request body is read. */
@Configuration(proxyBeanMethods = false)
class SpecificationAuthorization {

    @Bean
    RequestAuthorization specificationWrites() {
        return requests -> requests.requestMatchers(HttpMethod.POST, SpecificationResources.PATH)
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
    }
}
