package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Only partner managers and platform admins change partners; checked before the request body is read. */
@Configuration(proxyBeanMethods = false)
class PartnerAuthorization {

    @Bean
    RequestAuthorization partnerChanges() {
        return requests -> requests.requestMatchers(HttpMethod.POST, PartnerController.PATH, PartnerController.PATH + "/**")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
    }
}
