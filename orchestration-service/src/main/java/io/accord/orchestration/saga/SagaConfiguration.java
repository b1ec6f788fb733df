package io.accord.orchestration.saga;

import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The engine's settings, and the fallout API's role rules checked before any body is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaProperties.class)
class SagaConfiguration {

    @Bean
    RequestAuthorization falloutRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, FalloutController.FALLOUT, FalloutController.SAGA)
                .hasAnyRole(FalloutController.READERS)
                .requestMatchers(HttpMethod.POST, FalloutController.ACTIONS).hasAnyRole(FalloutController.OPERATORS);
    }
}
