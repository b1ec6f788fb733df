package io.accord.catalog.category;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Staff shape the category tree; every authenticated caller reads it. Checked before the request body is read. */
@Configuration(proxyBeanMethods = false)
class CategoryAuthorization {

    static final String EDITORS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "')";

    @Bean
    RequestAuthorization categoryChanges() {
        return requests -> {
            requests.requestMatchers(HttpMethod.POST, CategoryResources.PATH)
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.PATCH, CategoryResources.PATH + "/*")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.DELETE, CategoryResources.PATH + "/*")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
        };
    }
}
