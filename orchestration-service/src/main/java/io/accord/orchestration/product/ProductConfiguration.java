package io.accord.orchestration.product;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may do what with product instances; the request rules are checked before a body is read. */
@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

    /**
     * CSP staff, who suspend, resume and terminate any instance, and a partner's users, who suspend and resume the
     * instances their partner bought (both partner roles, as for the orders that modify or delete them);
     * {@link ProductInventory#move} holds the partner's limits.
     */
    static final String CHANGERS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.AUDITOR
            + "', '" + Roles.FINANCE + "')";

    @Bean
    RequestAuthorization productStatusChanges() {
        return requests -> requests
                .requestMatchers(HttpMethod.PATCH, ProductResources.PATH + "/*")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.PARTNER_MANAGER, Roles.PARTNER_ADMIN,
                        Roles.PARTNER_USER);
    }
}
