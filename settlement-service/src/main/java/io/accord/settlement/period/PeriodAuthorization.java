package io.accord.settlement.period;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Only finance closes periods early; checked before the body is read (and again by {@code @PreAuthorize}). */
@Configuration(proxyBeanMethods = false)
class PeriodAuthorization {

    @Bean
    RequestAuthorization periodRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, PeriodController.PATH + "/*/early-close")
                .hasRole(Roles.FINANCE);
    }
}
