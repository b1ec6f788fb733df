package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.contracts.security.RequestChecks;
import io.accord.platform.PlatformProperties;
import io.accord.platform.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/** Every service is an OAuth2 resource server trusting the Keycloak realm; errors are problem+json. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityConfiguration.class);

    private static final String[] ALWAYS_PUBLIC = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    SecurityFilterChain accordSecurityFilterChain(HttpSecurity http, PlatformProperties properties,
                                                  ProblemWriter problems,
                                                  ObjectProvider<RequestAuthorization> serviceRules) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(ALWAYS_PUBLIC).permitAll();
                    properties.publicPaths().forEach(path -> requests.requestMatchers(path).permitAll());
                    requests.requestMatchers("/actuator/**").hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS);
                    serviceRules.orderedStream().forEach(rules -> rules.configure(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(PlatformSecurityConfiguration::bearerToken)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtConverter()))
                        .authenticationEntryPoint((request, response, failure) ->
                                unauthorized(problems, properties, request, response, failure))
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                                        "Your role does not allow this operation."))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler((request, response, failure) -> {
                                    if (failure instanceof AuthenticationServiceException) {
                                        keysUnavailable(problems, request, response, failure);
                                    } else {
                                        unauthorized(problems, properties, request, response, failure);
                                    }
                                });
                                return filter;
                            }
                        }))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, failure) ->
                                unauthorized(problems, properties, request, response, failure))
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                                        "Your role does not allow this operation.")));
        return http.build();
    }

    /**
     * Operations' {@code @PreAuthorize} rules checked before their arguments are read ({@link EarlyAuthorization}),
     * ahead of every other interceptor.
     */
    @Bean
    WebMvcConfigurer earlyAuthorization(ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EarlyAuthorization(expressions)).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /**
     * Spring's strict firewall with its character rules for header names, header values and parameter names checked
     * by loops ({@link RequestChecks}, the same rules as Spring's regular expressions) instead of a pattern match per
     * header and parameter of every request.
     */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall accordFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestChecks::assignedAndNotControl);
        firewall.setAllowedHeaderValues(RequestChecks::assignedAndNotControlOrTab);
        firewall.setAllowedParameterNames(RequestChecks::assignedAndNotControl);
        return firewall;
    }

    /**
     * The bearer token of the {@code Authorization} header, taken as Spring's {@code DefaultBearerTokenResolver}
     * takes it (the header only, never a query or form parameter) but without its regular expression.
     */
    static String bearerToken(HttpServletRequest request) {
        try {
            return RequestChecks.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (RequestChecks.MalformedBearerToken malformed) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(malformed.getMessage()));
        }
    }

    /**
     * A token that could not be checked, not a bad one: the realm's signing keys could not be fetched (Keycloak down
     * before this service ever fetched them, or a key it rotated to while it does not answer). 503 with
     * {@code Retry-After}, as for a database that cannot be reached, and the gateway's problem type; Spring
     * Security's default rethrew the failure, which answered 500.
     */
    private static void keysUnavailable(ProblemWriter problems, HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException failure)
            throws IOException {
        log.warn("Token not checked for {} {}, answered 503: {}", request.getMethod(), request.getRequestURI(),
                failure.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                "The identity provider could not be reached to check the token (its signing keys could not be "
                        + "fetched). Try again shortly.");
    }

    /**
     * 401 saying how to get a token (the token endpoint and client); an invalid token also says what is wrong with
     * it. A path may have its own entry point ({@link MissingCredentials}), e.g. a tracking secret instead.
     */
    private static void unauthorized(ProblemWriter problems, PlatformProperties properties,
                                     jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException failure)
            throws IOException {
        String token = request.getHeader("Authorization");
        String what = token == null || token.isBlank() ? "A valid bearer token is required."
                : "The bearer token is not valid (" + failure.getMessage() + ").";
        ProblemDetail problem = io.accord.platform.problem.Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                what + " " + properties.jwt().howToGetAToken());
        problem.setProperty("tokenEndpoint", properties.jwt().tokenEndpoint());
        problem.setProperty("clientId", properties.jwt().tokenClient());
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(request, response, problem);
    }

    /**
     * Keycloak's JWK set, fetched in the background as the service starts (it may start before Keycloak; a token
     * before then fetches it too) and kept through Keycloak's outages ({@link RealmKeys}), with issuer
     * validation of issuer, audience and token type ({@link AccessTokenValidator}). A configured public key replaces the JWK set: that is how tests sign their own tokens.
     * Tokens that passed are remembered until their expiry, at most five minutes ({@link CachingJwtDecoder}).
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformProperties properties, Clock clock, RealmKeys realmKeys) throws Exception {
        PlatformProperties.Jwt jwt = properties.jwt();
        NimbusJwtDecoder decoder = jwt.hasPublicKey()
                ? NimbusJwtDecoder.withPublicKey(readPublicKey(jwt.publicKeyLocation())).build()
                : NimbusJwtDecoder.withJwkSource(realmKeys.source()).build();
        decoder.setJwtValidator(AccessTokenValidator.of(jwt.issuerUri(), jwt.audience()));
        return new CachingJwtDecoder(decoder, clock);
    }

    /**
     * The {@code jwks} health component: the realm's JWK set reachable ({@link RealmKeysHealth}); none when tokens are
     * checked with a public key; {@code management.health.jwks.enabled=false} drops it.
     */
    @Bean
    @Conditional(ChecksTokensWithTheRealmsKeys.class)
    @ConditionalOnEnabledHealthIndicator("jwks")
    RealmKeysHealth jwksHealthIndicator(PlatformProperties properties) {
        return new RealmKeysHealth(properties.jwt().effectiveJwkSetUri(), properties.health().timeout());
    }

    /** No {@code accord.platform.jwt.public-key-location}: tokens are checked with the realm's JWK set. */
    static final class ChecksTokensWithTheRealmsKeys implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String publicKey = context.getEnvironment().getProperty("accord.platform.jwt.public-key-location");
            return publicKey == null || publicKey.isBlank();
        }
    }

    /** The realm's keys, fetched in the background as the service starts (none with a public key). */
    @Bean
    RealmKeys realmKeys(PlatformProperties properties) {
        PlatformProperties.Jwt jwt = properties.jwt();
        return new RealmKeys(jwt.hasPublicKey() ? null : jwt.effectiveJwkSetUri(), RealmKeys.CACHED,
                jwt.keysOutageTolerance(), Duration.ofSeconds(1));
    }

    /**
     * No Micrometer observation (timer, span) per security filter, authentication and authorization decision:
     * nothing reads them, and every request paid for about fifteen (visible in a flight recording of the
     * orchestration service under {@code ./accord bench orders}, as it was in the gateway's). The
     * {@code http.server.requests} metrics stay. The gateway does the same.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    Tenancy tenancy() {
        return new Tenancy();
    }

    static RSAPublicKey readPublicKey(String location) throws Exception {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read JWT public key from " + location, e);
        }
    }
}
