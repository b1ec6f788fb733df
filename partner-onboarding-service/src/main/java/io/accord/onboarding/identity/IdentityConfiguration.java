package io.accord.onboarding.identity;

import io.accord.platform.metrics.GaugeReadings;
import io.accord.platform.security.RequestAuthorization;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The feature's settings, its role rules checked before any body is read, and its gauge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /**
     * Ordered before the partner rules, whose {@code POST /partners/**} (managers only) would otherwise also
     * match the retry and keep ops out of it, and a partner-admin out of its own users.
     */
    @Bean
    ProvisioningGauges provisioningGauges(JdbcClient jdbc, GaugeReadings readings, MeterRegistry meters) {
        return new ProvisioningGauges(jdbc, readings, meters);
    }

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
