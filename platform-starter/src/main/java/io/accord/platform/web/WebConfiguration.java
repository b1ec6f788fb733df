package io.accord.platform.web;

import io.accord.platform.problem.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the correlation id filter ahead of security, so even a 401 carries the id, and right after it the
 * refusal of a NUL character in the query.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter(ProblemWriter problems) {
        FilterRegistrationBean<NulCharacterFilter> registration =
                new FilterRegistrationBean<>(new NulCharacterFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
