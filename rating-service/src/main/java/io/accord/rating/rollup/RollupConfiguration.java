package io.accord.rating.rollup;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.time.Clock;

/**
 * Who may read the rollups (everyone signed in; the controller limits a partner to its own rows) and their lag
 * (staff), and the lag's meters.
 */
@Configuration(proxyBeanMethods = false)
class RollupConfiguration {

    @Bean
    RequestAuthorization rollupRules() {
        return requests -> {
            requests.requestMatchers(HttpMethod.GET, RollupLagController.LAG)
                    .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS, Roles.FINANCE, Roles.AUDITOR, Roles.PARTNER_MANAGER);
            requests.requestMatchers(HttpMethod.GET, RollupController.ROLLUPS)
                    .hasAnyRole(Roles.ALL.toArray(String[]::new));
        };
    }

    @Bean
    RollupLag rollupLag(MeterRegistry registry, Clock clock) {
        return new RollupLag(registry, clock);
    }
}
