package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Order settings and who may do what; the request rules are checked before a body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    static final String WRITERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.AUDITOR
            + "', '" + Roles.FINANCE + "')";

    @Bean
    RequestAuthorization orderWrites() {
        String[] writers = {Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN,
                Roles.OPS};
        return requests -> requests
                .requestMatchers(HttpMethod.POST, OrderResources.PATH).hasAnyRole(writers)
                .requestMatchers(HttpMethod.PATCH, OrderResources.PATH + "/*").hasAnyRole(writers)
                .requestMatchers(HttpMethod.POST, OrderResources.CANCEL_PATH).hasAnyRole(writers);
    }
}
