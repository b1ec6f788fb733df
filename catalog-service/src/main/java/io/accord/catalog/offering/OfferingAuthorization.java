package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may do what with offerings; the first line is checked before the request body is read. */
@Configuration(proxyBeanMethods = false)
class OfferingAuthorization {

    static final String WRITERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.AUDITOR
            + "', '" + Roles.FINANCE + "')";
    static final String REVIEWERS = "hasAnyRole('" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String QUEUE_READERS = "hasAnyRole('" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN
            + "', '" + Roles.OPS + "', '" + Roles.AUDITOR + "')";
    /** A pending change: those who read the queue, and partners (the owner only; others get a 404). */
    static final String CHANGE_READERS = "hasAnyRole('" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN
            + "', '" + Roles.OPS + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";

    @Bean
    RequestAuthorization offeringWrites() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, OfferingResources.PATH, PriceResources.PATH, ReviewController.DECISION,
                        ReviewController.WITHDRAWAL)
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN)
                // only the named partner answers its invitation as co-creator: staff do not consent for it
                .requestMatchers(HttpMethod.POST, CoCreationController.DECISION).hasRole(Roles.PARTNER_ADMIN)
                .requestMatchers(HttpMethod.PATCH, OfferingResources.PATH + "/*")
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN)
                .requestMatchers(HttpMethod.DELETE, OfferingResources.PATH + "/*")
                .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
    }
}
