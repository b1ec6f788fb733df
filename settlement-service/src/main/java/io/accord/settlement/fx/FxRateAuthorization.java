package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Checked before the body is read: a caller who may not load or correct rates gets 403 whatever it sent; only finance
 * confirms or rejects (a second finance user: four-eyes; the loader may withdraw its own proposal).
 */
@Configuration(proxyBeanMethods = false)
class FxRateAuthorization {

    @Bean
    RequestAuthorization fxRateRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, FxRateResources.PATH,
                        FxRateResources.PATH + "/*/correction")
                .hasAnyRole(Roles.FINANCE, Roles.PLATFORM_ADMIN)
                .requestMatchers(HttpMethod.POST, FxRateResources.PATH + "/*/confirmation",
                        FxRateResources.PATH + "/*/rejection").hasRole(Roles.FINANCE)
                .requestMatchers(HttpMethod.GET, FxRateResources.PATH, FxRateResources.PATH + "/**")
                .hasAnyRole(Roles.FINANCE, Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.OPS);
    }
}
