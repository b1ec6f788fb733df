package io.accord.onboarding.document;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Partner admins (for their own partner) and the staff who manage partners upload; every Accord role reads,
 * within its tenancy. Checked before the body is read, so a refused upload is 403 whatever it carried.
 */
@Configuration(proxyBeanMethods = false)
class DocumentAuthorization {

    static final String UPLOADERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.PARTNER_MANAGER + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "')";

    @Bean
    RequestAuthorization documentRules() {
        String all = DocumentController.PATH + "/**";
        return requests -> {
            requests.requestMatchers(HttpMethod.POST, DocumentController.PATH, all)
                    .hasAnyRole(Roles.PARTNER_ADMIN, Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.GET, DocumentController.PATH, all)
                    .hasAnyRole(Roles.ALL.toArray(String[]::new));
        };
    }
}
