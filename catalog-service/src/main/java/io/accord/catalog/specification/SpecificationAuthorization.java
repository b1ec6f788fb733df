package io.accord.catalog.specification;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may create, change and delete specifications; checked before the request is matched to its handler, so a
 * caller without the right gets 403 whatever it sends (a PATCH in plain JSON, not merge-patch, would otherwise answer
 * 415 before the handler's own role check), as for offerings.
 */
@Configuration(proxyBeanMethods = false)
class SpecificationAuthorization {

    @Bean
    RequestAuthorization specificationWrites() {
        return requests -> requests.requestMatchers(HttpMethod.POST, SpecificationResources.PATH)
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN)
                .requestMatchers(HttpMethod.PATCH, SpecificationResources.PATH + "/*")
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN)
                .requestMatchers(HttpMethod.DELETE, SpecificationResources.PATH + "/*")
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
    }
}
