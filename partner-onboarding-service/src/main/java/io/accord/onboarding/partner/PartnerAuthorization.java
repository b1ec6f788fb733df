package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may change partners; checked before the request body is read. */
@Configuration(proxyBeanMethods = false)
class PartnerAuthorization {

    private static final String PARTNER = PartnerController.PATH + "/*";
    static final String MANAGERS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "')";
    static final String EDITORS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PARTNER_ADMIN + "')";

    @Bean
    RequestAuthorization partnerChanges() {
        return requests -> {
            requests.requestMatchers(HttpMethod.GET, PartnerDuplicatesController.PATH)
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.AUDITOR);
            requests.requestMatchers(PartnerDuplicatesController.PATH, PartnerDuplicatesController.PATH + "/**")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.PUT, PARTNER + "/contacts", PARTNER + "/bank-account")
                    .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.POST, PARTNER + "/bank-account/confirmation",
                            PARTNER + "/bank-account/rejection")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.FINANCE);
            requests.requestMatchers(HttpMethod.POST, PARTNER + "/contact-erasure").hasRole(Roles.PLATFORM_ADMIN);
            requests.requestMatchers(HttpMethod.DELETE, IndividualResource.PATH + "/*").hasRole(Roles.PLATFORM_ADMIN);
            requests.requestMatchers(HttpMethod.GET, PersonalDataController.EXPORT).hasRole(Roles.PLATFORM_ADMIN);
            requests.requestMatchers(HttpMethod.POST, PartnerController.PATH, PartnerController.PATH + "/**")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.POST, OrganizationResource.PATH)
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.DELETE, OrganizationResource.PATH + "/*")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.PATCH, OrganizationResource.PATH + "/*", IndividualResource.PATH + "/*")
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.PARTNER_ADMIN);
            requests.requestMatchers(HttpMethod.POST, IndividualResource.PATH)
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.PARTNER_ADMIN);
        };
    }
}
