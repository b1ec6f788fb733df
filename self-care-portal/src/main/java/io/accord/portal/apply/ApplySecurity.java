package io.accord.portal.apply;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.accord.portal.security.Refusals;

/**
 * The application wizard is public: a prospective partner has no account. Its own filter chain, ahead of the
 * portal's login chain, lets anyone in and keeps CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
class ApplySecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain applicationWizard(HttpSecurity http) {
        http.securityMatcher("/apply", "/apply/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler(Refusals.handler()));
        return http.build();
    }
}
