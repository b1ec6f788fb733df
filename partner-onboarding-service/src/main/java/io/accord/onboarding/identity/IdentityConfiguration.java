package io.accord.onboarding.identity;

import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/** The feature's settings, and its role rules checked before any body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /**
     * Ordered before the partner rules, whose {@code POST /partners/**} (managers only) would otherwise also
     * match the retry and keep ops out of it, and a partner-admin out of its own users.
     */
    @Bean
    @Order(0)
    RequestAuthorization identityRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, PartnerUserController.PATH)
                .hasAnyRole(PartnerUserController.READERS)
                .requestMatchers(PartnerUserController.PATH, PartnerUserController.PATH + "/**")
                .hasAnyRole(PartnerUserController.MANAGERS)
                .requestMatchers(HttpMethod.POST, IdentityController.PATH).hasAnyRole(IdentityController.INVITERS)
                .requestMatchers(HttpMethod.GET, IdentityController.PATH).hasAnyRole(IdentityController.READERS)
                .requestMatchers(HttpMethod.POST, IdentityController.RETRY_PATH)
                .hasAnyRole(IdentityController.OPERATORS)
                .requestMatchers(HttpMethod.POST, IdentityController.INVITATION_PATH)
                .hasAnyRole(IdentityController.INVITERS);
    }
}
