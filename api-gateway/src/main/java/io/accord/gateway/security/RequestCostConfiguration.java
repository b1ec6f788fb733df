package io.accord.gateway.security;

import io.accord.contracts.security.RequestChecks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Clock;

/**
 * What the security checks cost per request, measured with {@code ./accord bench gateway} and JFR: token decoding
 * (JSON parsing and an RSA signature check for every request) and one Micrometer observation per security filter
 * were the largest parts of the gateway's own work.
 */
@Configuration(proxyBeanMethods = false)
class RequestCostConfiguration {

    /** A {@link CachingJwtDecoder} in front of the gateway's token decoder, whatever checks that decoder makes. */
    @Bean
    static BeanPostProcessor cachingJwtDecoder(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, clock.getObject())
                        : bean;
            }
        };
    }

    /**
     * Spring's strict firewall, with its header-value rule checked by a loop ({@link RequestChecks}): the default
     * regular expression over every header, the long {@code Authorization} header first, cost about 4 % of the
     * gateway's CPU per request (JFR, {@code ./accord bench gateway}).
     */
    @Bean
    StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(RequestChecks::assignedAndNotControl);
        return firewall;
    }

    /** The gateway's one source of time (the services take theirs from the platform starter). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * No observation (timer, span) per security filter and authorization decision: nothing reads them, and each
     * request paid for about fifteen. The gateway's {@code http.server.requests} metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
