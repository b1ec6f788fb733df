package io.accord.portal.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.accord.portal.gateway.TokenEndpoint;
import io.accord.portal.problem.ProblemAnswer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Login with Keycloak (authorization code + PKCE; a public client, or a confidential one when a client secret is
 * configured), tokens kept in the server's session, CSRF protection on every form and htmx request, and each page
 * guarded by the roles {@link PortalPage} names.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The one client registration: every gateway call is authorized with this user's token from it. */
    static final String REGISTRATION_ID = PortalClient.REGISTRATION_ID;

    @Bean
    ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak, PublicUrlProperties portal) {
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Accord")
                .clientId(keycloak.clientId())
                // a public client: Spring Security sends a PKCE S256 challenge, the realm requires it
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        if (keycloak.confidential()) {
            // a confidential client (Kubernetes, a secret from a Secret) authenticates at the token endpoint and
            // still sends the PKCE challenge
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientSecret(keycloak.clientSecret());
        }
        ClientRegistration registration = builder
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // the configured origin, not the request's (a forged Host header would otherwise be sent along)
                .redirectUri(portal.of("/login/oauth2/code/{registrationId}"))
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuerUri())
                // the browser goes to the issuer; the portal's own calls may take an in-cluster back channel
                .authorizationUri(keycloak.endpoint("auth"))
                .tokenUri(keycloak.backChannelEndpoint("token"))
                .jwkSetUri(keycloak.backChannelEndpoint("certs"))
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout")))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * The user's tokens live in its HTTP session (in memory), so they end with the session (logout, timeout) and
     * never reach the browser, which holds only the session cookie.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token and refreshes it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients,
                                                          KeycloakProperties keycloak) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        RestClientRefreshTokenTokenResponseClient refresh = TokenEndpoint.refreshClient(keycloak.connectTimeout(),
                keycloak.readTimeout());
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken(token -> token.accessTokenResponseClient(refresh)).build());
        return manager;
    }

    /** The ID token's user, with Accord's realm roles from the access token as {@code ROLE_<role>} authorities. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            AccessTokenRoles.of(request.getAccessToken().getTokenValue()).forEach(role ->
                    authorities.add(new SimpleGrantedAuthority(PortalUser.ROLE_PREFIX + role)));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                       OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService,
                                       Environment environment, KeycloakProperties keycloak,
                                       PublicUrlProperties portal,
                                       org.springframework.web.servlet.LocaleResolver localeResolver) {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri(portal.of("/"));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                            "/actuator/health/**").permitAll();
                    requests.requestMatchers(new MetricsScrape(environment.getProperty("management.server.port",
                            Integer.class), environment.getProperty("server.port", Integer.class))).permitAll();
                    for (PortalPage page : PortalPage.values()) {
                        requests.requestMatchers(page.path(), page.path() + "/**")
                                .hasAnyRole(page.roles().toArray(String[]::new));
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2Login(login -> login.withObjectPostProcessor(new UnknownRegistrations())
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService))
                        // Keycloak's login page in the portal's language (ui_locales)
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(
                                new LoginLanguage(registrations, localeResolver)))
                        .tokenEndpoint(token -> token.accessTokenResponseClient(TokenEndpoint.authorizationCodeClient(
                                keycloak.connectTimeout(), keycloak.readTimeout()))))
                .oauth2Client(Customizer.withDefaults())
                // a refusal keeps its reason for the error page (a form without its CSRF token says so); a client
                // that prefers JSON gets 401 problem+json, any other the redirect to Keycloak's login (as
                // oauth2Login's own entry point, which these two come before, but at the configured origin: the
                // entry point otherwise builds its absolute URL from the request's Host header)
                .exceptionHandling(errors -> errors.accessDeniedHandler(Refusals.handler())
                        .defaultAuthenticationEntryPointFor((request, response, notLoggedIn) -> ProblemAnswer.write(
                                request, response, HttpServletResponse.SC_UNAUTHORIZED,
                                "Log in to the portal first (a browser session)."), ProblemAnswer::prefersJson)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(
                                portal.of("/oauth2/authorization/" + REGISTRATION_ID)), AnyRequestMatcher.INSTANCE))
                .logout(out -> out.logoutSuccessHandler(logout))
                // a Content-Security-Policy of the portal's own scripts and styles only, and no Referer to others
                // (SecurityHeaders; Tomcat's own refusals carry them too, ContainerErrors); the headers are written
                // before the page runs, not after: a download streams on another thread (Gateway.download), and
                // headers written after the request's thread returned raced its writing
                // (ConcurrentModificationException on the response's headers in InvoicesControllerTests)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                SecurityHeaders.contentSecurityPolicy(keycloak)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }));
        // CSRF stays on (Spring Security's default, session-stored token): forms carry it as _csrf, htmx sends it
        // as X-CSRF-TOKEN (layout.html)
        return http.build();
    }
}
