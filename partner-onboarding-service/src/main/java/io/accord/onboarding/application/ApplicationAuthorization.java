package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Applicants have no account: their endpoints are public (the gateway rate-limits them) and guarded by the
 * tracking secret. Review decisions need a partner manager, checked before the body is read.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationAuthorization {

    @Bean
    RequestAuthorization applicationRules() {
        return requests -> {
            requests.requestMatchers(ApplicationView.PATH, ApplicationView.PATH + "/**").permitAll();
            requests.requestMatchers(HttpMethod.POST, ApplicationErasureController.ERASURE.replace("{id}", "*"))
                    .hasRole(Roles.PLATFORM_ADMIN);
            requests.requestMatchers(HttpMethod.POST, ReviewController.PATH + "/**")
                    .hasAnyRole(Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
            requests.requestMatchers(ReviewController.PATH, ReviewController.PATH + "/**")
                    .hasAnyRole(Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.AUDITOR);
        };
    }
}
