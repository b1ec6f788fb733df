package io.accord.rating.rollup;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read the rollups (everyone signed in; the controller limits a partner to its own rows). */
@Configuration(proxyBeanMethods = false)
class RollupConfiguration {

    @Bean
    RequestAuthorization rollupRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, RollupController.ROLLUPS)
                .hasAnyRole(Roles.ALL.toArray(String[]::new));
    }
}
