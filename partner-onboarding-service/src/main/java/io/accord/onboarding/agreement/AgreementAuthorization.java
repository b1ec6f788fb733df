package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what with agreements, checked before the request body is read: staff managers draft, change and
 * delete drafts, propose and terminate versions and manage templates, only a partner admin countersigns, only
 * staff read templates.
 */
@Configuration(proxyBeanMethods = false)
class AgreementAuthorization {

    static final String MANAGERS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "')";
    static final String PARTNER_ADMIN = "hasRole('" + Roles.PARTNER_ADMIN + "')";
    static final String STAFF = Roles.ANY_STAFF;

    @Bean
    RequestAuthorization agreementRules() {
        String agreements = AgreementController.PATH;
        String templates = AgreementTemplateController.PATH;
        return requests -> requests
                .requestMatchers(HttpMethod.POST, agreements + "/*/countersignature").hasRole(Roles.PARTNER_ADMIN)
                .requestMatchers(HttpMethod.POST, agreements, agreements + "/**")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)
                .requestMatchers(HttpMethod.PATCH, agreements + "/*")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)
                .requestMatchers(HttpMethod.DELETE, agreements + "/*")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)
                .requestMatchers(HttpMethod.POST, templates, templates + "/**")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)
                .requestMatchers(templates, templates + "/**").hasAnyRole(Roles.STAFF.toArray(String[]::new));
    }
}
