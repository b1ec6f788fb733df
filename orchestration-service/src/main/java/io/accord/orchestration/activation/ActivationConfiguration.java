package io.accord.orchestration.activation;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The feature's settings, and who may change endpoints and answer activations, checked before any body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivationProperties.class)
class ActivationConfiguration {

    @Bean
    RequestAuthorization activationRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, EndpointResources.PATH, EndpointResources.ROTATE, AckController.PATH)
                .hasRole(Roles.PARTNER_ADMIN);
    }
}
