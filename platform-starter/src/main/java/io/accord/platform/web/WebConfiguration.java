package io.accord.platform.web;

import io.accord.platform.problem.ProblemWriter;
import io.accord.platform.time.SupportedTimes;
import jakarta.servlet.Filter;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.autoconfigure.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Registers the correlation id filter ahead of security, so even a 401 carries the id, and right after it the
 * refusals of a NUL character in the query and of an unreadable Accept or Content-Type header; and serves every HTTP
 * request on a virtual thread of its own; and {@code If-Match}: as a controller's {@link IfMatch} parameter
 * ({@link IfMatchArguments}) and on a GET ({@link IfMatchOnReads}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        return first(new CorrelationIdFilter(), 0);
    }

    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter(ProblemWriter problems) {
        return first(new NulCharacterFilter(problems), 1);
    }

    @Bean
    FilterRegistrationBean<MediaTypeHeaderFilter> mediaTypeHeaderFilter(ProblemWriter problems) {
        return first(new MediaTypeHeaderFilter(problems), 2);
    }

    /** A filter among the first of every request, ahead of security: {@code place} 0 runs first. */
    private static <F extends Filter> FilterRegistrationBean<F> first(F filter, int place) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + place);
        return registration;
    }

    /**
     * {@code If-Match} is evaluated on a GET or HEAD too ({@link IfMatchOnReads}, ahead of Spring's handling of
     * {@code ResponseEntity} answers, which only evaluates {@code If-None-Match} there).
     */
    @Bean
    static BeanPostProcessor ifMatchOnReads() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    adapter.setReturnValueHandlers(adapter.getReturnValueHandlers().stream()
                            .map(handler -> handler instanceof ResponseEntityReturnValueHandler
                                    || handler instanceof HttpEntityMethodProcessor ? new IfMatchOnReads(handler)
                                    : handler)
                            .toList());
                }
                return bean;
            }
        };
    }

    /**
     * A controller parameter {@code IfMatch ifMatch} is the request's {@code If-Match} header
     * ({@link IfMatchArguments}), instead of each operation reading the header as text and parsing it.
     */
    @Bean
    WebMvcConfigurer ifMatchArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IfMatchArguments());
            }
        };
    }

    /**
     * Typed time parameters ({@code @RequestParam Instant at}, {@code LocalDate}, {@code OffsetDateTime}) read as
     * ISO-8601 and only within {@link SupportedTimes}' range: registered after Spring's own converters, so they are
     * the ones used, {@code @DateTimeFormat} or not.
     */
    @Bean
    WebMvcConfigurer supportedTimeParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                // a date alone is its midnight UTC, in every time parameter (some operations took one, others
                // refused it: /api/rating/rollups?from=2026-12-06 against /api/rating/rated?from=2026-12-06)
                registry.addConverter(String.class, Instant.class,
                        text -> SupportedTimes.parameter(text, value -> dateTime(value).toInstant()));
                registry.addConverter(String.class, OffsetDateTime.class,
                        text -> SupportedTimes.parameter(text, WebConfiguration::dateTime));
                registry.addConverter(String.class, LocalDate.class,
                        text -> SupportedTimes.parameter(text, LocalDate::parse));
            }
        };
    }

    /**
     * A query parameter the operation does not read is a 400 naming it ({@link KnownQueryParameters};
     * {@code accord.platform.strict-query-parameters}, default on), once the caller's role is known to allow the
     * operation (EarlyAuthorization runs first).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "accord.platform.strict-query-parameters", matchIfMissing = true)
    WebMvcConfigurer knownQueryParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new KnownQueryParameters()).order(Ordered.HIGHEST_PRECEDENCE + 1);
            }
        };
    }

    /**
     * Each HTTP request on a virtual thread of its own, instead of Tomcat's pool of 200 platform threads
     * ({@code accord.platform.virtual-request-threads}, default on).
     *
     * <p>A request holds its thread while its body arrives, and after an early answer (401, 404, 413) while Tomcat
     * reads and drops the rest of it. With the pool, 230 connections sending a body a byte a second, anonymous
     * ones included, took all 200 threads straight at rating's port: every other request, {@code /actuator/health}
     * too, waited until they stopped (on Kubernetes the probes, on the management port, would have kept the pod
     * "ready" meanwhile). A parked virtual thread costs a few hundred bytes; what a request may take that matters
     * is bounded elsewhere: database connections by the pool, body bytes in memory by
     * {@code max-body-bytes-in-flight}, bytes on disk by {@code upload-spool-budget}, open connections by Tomcat's
     * {@code max-connections}. Only Tomcat's threads change: Kafka consumers, relays and
     * scheduled jobs keep their platform threads. On JDK 21, a virtual thread blocked inside {@code synchronized}
     * holds its carrier; nothing on a request's path does I/O there (the JDBC driver and the pool use locks).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    @ConditionalOnBooleanProperty(name = "accord.platform.virtual-request-threads", matchIfMissing = true)
    static class VirtualRequestThreads {

        @Bean
        TomcatVirtualThreadsWebServerFactoryCustomizer accordVirtualRequestThreads() {
            return new TomcatVirtualThreadsWebServerFactoryCustomizer();
        }
    }

    /** An ISO-8601 date-time with offset, or a date alone: its midnight UTC. */
    static OffsetDateTime dateTime(String value) {
        return value.indexOf('T') < 0 && value.indexOf('t') < 0
                ? LocalDate.parse(value).atStartOfDay().atOffset(java.time.ZoneOffset.UTC) : OffsetDateTime.parse(value);
    }
}
