package io.accord.orchestration.inventory;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Ops and platform admins change inventory; auditors and partner managers read it all; partners read their own
 * pools and levels, not items. Checked before the body is read (a refused upload is 403 whatever it carried),
 * and again by {@code @PreAuthorize} on each operation.
 */
@Configuration(proxyBeanMethods = false)
class InventoryAuthorization {

    static final String WRITERS = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String STAFF_READERS = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "')";
    static final String POOL_READERS = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";

    @Bean
    RequestAuthorization inventoryRules() {
        String all = InventoryResources.BASE + "/**";
        String items = InventoryResources.POOLS + "/*/items";
        return requests -> {
            requests.requestMatchers(HttpMethod.POST, all).hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN);
            requests.requestMatchers(HttpMethod.PUT, all).hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN);
            requests.requestMatchers(HttpMethod.GET, items, items + "/**")
                    .hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.GET, all).hasAnyRole(Roles.OPS, Roles.PLATFORM_ADMIN, Roles.AUDITOR,
                    Roles.PARTNER_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);
        };
    }
}
