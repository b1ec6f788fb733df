package io.accord.orchestration.quote;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Quote settings and who may do what; the request rules are checked before a body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuoteProperties.class)
class QuoteConfiguration {

    static final String WRITERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.AUDITOR
            + "', '" + Roles.FINANCE + "')";

    @Bean
    RequestAuthorization quoteWrites() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, QuoteResources.PATH)
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN,
                        Roles.OPS)
                .requestMatchers(HttpMethod.PATCH, QuoteResources.PATH + "/*")
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN,
                        Roles.OPS);
    }
}
