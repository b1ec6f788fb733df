package io.accord.gateway.security;

import io.accord.contracts.Roles;
import io.accord.gateway.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;

/**
 * Coarse, per-route role checks; the services do the fine-grained ones and tenancy (ARCHITECTURE §5). Stateless:
 * no session, no saved request, no CSRF (bearer tokens only). Tokens are relayed to the services unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Header with which an applicant follows its own application without an account (checked by the service). */
    static final String APPLICATION_TRACKING_HEADER = "X-Tracking-Secret";

    private static final String[] STAFF = Roles.STAFF.toArray(String[]::new);
    private static final String[] ANY_ACCORD_ROLE = Roles.ALL.toArray(String[]::new);

    @Bean
    SecurityWebFilterChain accordSecurity(ServerHttpSecurity http, ProblemResponses problems,
                                          JwtProperties jwtProperties, ServerProperties server,
                                          ObjectProvider<ManagementServerProperties> management) {
        var denial = new ProblemDenialHandler(problems, jwtProperties, applicationPaths());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        // /livez and /readyz: the probes on the public port (add-additional-paths), for smoke checks
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz").permitAll()
                        .matchers(new MetricsScrape(management.getIfAvailable(ManagementServerProperties::new)
                                .getPort(), server.getPort())).permitAll()
                        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
                                "/v3/api-docs/**", "/docs/*/v3/api-docs").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/onboarding/applications").permitAll()
                        // what the checks require of an application: the public wizard asks before anyone applies
                        .pathMatchers(HttpMethod.GET, "/api/onboarding/applications/requirements").permitAll()
                        .matchers(applicationTracking()).permitAll()
                        .pathMatchers("/api/*/admin/**").hasAnyRole(STAFF)
                        // the gateway's own cross-service audit query and each service's trail
                        .pathMatchers("/api/audit", "/api/audit/**", "/api/*/audit/**")
                        .hasAnyRole(Roles.AUDITOR, Roles.PLATFORM_ADMIN)
                        .pathMatchers("/actuator/**").hasAnyRole(Roles.PLATFORM_ADMIN, Roles.OPS)
                        .anyExchange().hasAnyRole(ANY_ACCORD_ROLE))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(realmRolesConverter()))
                        .authenticationEntryPoint(denial)
                        .accessDeniedHandler(denial))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(denial)
                        .accessDeniedHandler(denial))
                .build();
    }

    /**
     * Reads no keys at startup: the JWK set is fetched on the first token, so Keycloak may still be starting. While
     * the keys cannot be fetched, the failure is reported as a {@link JwtException} (not a bad token), which Spring
     * Security raises as an authentication service error: the caller gets 503, not 401 or 500.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties, ResourceLoader resources) {
        NimbusReactiveJwtDecoder decoder = properties.hasPublicKey()
                ? NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(resources, properties.publicKeyLocation())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                        .webClient(keysClient(properties.keysTimeout())).build();
        decoder.setJwtValidator(accessTokenValidator(properties));
        return token -> decoder.decode(token).onErrorMap(error -> !(error instanceof JwtException),
                error -> new JwtException("Signing keys unavailable: " + error.getMessage(), error));
    }

    /**
     * Fetches the realm's keys with a connect and a response timeout. The decoder keeps the keys it fetched and
     * fetches them again only for a token naming a key it does not know; Spring's default client has no timeout,
     * so with Keycloak frozen ({@code SIGSTOP}) under {@code ./accord up}, any request whose token named an unknown
     * key (anyone can write one) got no answer at all, not even when the gateway's route timeout passed. Now it
     * gets 503 {@code identity-provider-unavailable} after the timeout.
     */
    static WebClient keysClient(Duration timeout) {
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(reactor.netty.http.client.HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()))
                        .responseTimeout(timeout)))
                .build();
    }

    /**
     * The {@code jwks} health component: the realm's JWK set reachable ({@link RealmKeysHealth}), checked with the
     * keys timeout; none when tokens are checked with a public key; {@code management.health.jwks.enabled=false}
     * drops it.
     */
    @Bean
    @Conditional(RealmKeysHealth.ChecksTokensWithTheRealmsKeys.class)
    @ConditionalOnEnabledHealthIndicator("jwks")
    RealmKeysHealth jwksHealthIndicator(JwtProperties properties) {
        return new RealmKeysHealth(properties.effectiveJwkSetUri(), properties.keysTimeout());
    }

    /**
     * Issuer, validity window, audience and token type: Keycloak signs ID tokens ({@code typ: ID}) and refresh
     * tokens ({@code typ: Refresh}) with the same key as access tokens ({@code typ: Bearer}); only the latter,
     * minted for the Accord API, pass.
     */
    static OAuth2TokenValidator<Jwt> accessTokenValidator(JwtProperties properties) {
        if (properties.audience() == null || properties.audience().isBlank()) {
            throw new IllegalStateException("accord.security.jwt.audience must name the audience of Accord's "
                    + "access tokens (default accord-api)");
        }
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<String>("typ", "Bearer"::equals));
    }

    private static ReactiveJwtAuthenticationConverterAdapter realmRolesConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoles());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** The applicant follows, amends, documents and submits its application with the tracking secret. */
    private static ServerWebExchangeMatcher applicationTracking() {
        return new AndServerWebExchangeMatcher(applicationPaths(),
                exchange -> exchange.getRequest().getHeaders().containsHeader(APPLICATION_TRACKING_HEADER)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    /** An applicant's own application and what it does with it. */
    private static ServerWebExchangeMatcher applicationPaths() {
        return ServerWebExchangeMatchers.pathMatchers("/api/onboarding/applications/{id}",
                "/api/onboarding/applications/{id}/documents", "/api/onboarding/applications/{id}/submission");
    }

    private static RSAPublicKey readPublicKey(ResourceLoader resources, String location) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read accord.security.jwt.public-key-location " + location, e);
        }
    }
}
