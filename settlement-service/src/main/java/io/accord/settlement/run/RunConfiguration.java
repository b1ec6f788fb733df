package io.accord.settlement.run;

import io.accord.contracts.Roles;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Only finance starts runs (checked before the body is read). */
@Configuration(proxyBeanMethods = false)
class RunConfiguration {

    @Bean
    RequestAuthorization runRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, RunController.PATH).hasRole(Roles.FINANCE);
    }
}
