package io.accord.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/** The portal's client at Keycloak, as Kubernetes configures it (issue 14): back channel, public or confidential. */
class ClientRegistrationTests {

    static final String ISSUER = "https://auth.accord.example/realms/accord";
    static final String IN_CLUSTER = "http://accord-keycloak-service:8080/realms/accord";
    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(2);
    static final PublicUrlProperties PORTAL =
            new PublicUrlProperties(java.net.URI.create("https://portal.accord.example/"));

    @Test
    void withoutABackChannelEveryEndpointIsTheIssuersAndTheClientIsPublic() {
        ClientRegistration client = registration(new KeycloakProperties(ISSUER, "self-care-portal", null, null,
                TIMEOUT, TIMEOUT));

        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(client.getProviderDetails().getTokenUri()).isEqualTo(ISSUER + "/protocol/openid-connect/token");
        assertThat(client.getProviderDetails().getJwkSetUri()).isEqualTo(ISSUER + "/protocol/openid-connect/certs");
    }

    @Test
    void theBrowserGoesToThePublicIssuerWhileThePortalsOwnCallsTakeTheBackChannel() {
        ClientRegistration client = registration(new KeycloakProperties(ISSUER, "self-care-portal", "",
                IN_CLUSTER + "/", TIMEOUT, TIMEOUT));

        assertThat(client.getProviderDetails().getAuthorizationUri())
                .isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(client.getProviderDetails().getConfigurationMetadata())
                .containsEntry("end_session_endpoint", ISSUER + "/protocol/openid-connect/logout");
        // ID tokens must still carry the public issuer
        assertThat(client.getProviderDetails().getIssuerUri()).isEqualTo(ISSUER);
        assertThat(client.getProviderDetails().getTokenUri())
                .isEqualTo(IN_CLUSTER + "/protocol/openid-connect/token");
        assertThat(client.getProviderDetails().getJwkSetUri())
                .isEqualTo(IN_CLUSTER + "/protocol/openid-connect/certs");
        assertThat(client.getClientAuthenticationMethod()).as("a blank secret is no secret")
                .isEqualTo(ClientAuthenticationMethod.NONE);
    }

    @Test
    void aConfidentialClientAuthenticatesWithItsSecretAndStillSendsAPkceChallenge() {
        ClientRegistrationRepository registrations = new SecurityConfiguration()
                .clientRegistrations(new KeycloakProperties(ISSUER, "self-care-portal", "s3cret", IN_CLUSTER,
                        TIMEOUT, TIMEOUT), PORTAL);
        ClientRegistration client = registrations.findByRegistrationId(PortalClient.REGISTRATION_ID);

        assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(client.getClientSecret()).isEqualTo("s3cret");
        MockHttpServletRequest login = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        login.setServletPath("/oauth2/authorization/keycloak");
        login.setServerName("evil.example");
        login.addHeader("Host", "evil.example");
        OAuth2AuthorizationRequest request = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization").resolve(login);
        assertThat(request.getAuthorizationUri()).isEqualTo(ISSUER + "/protocol/openid-connect/auth");
        assertThat(request.getRedirectUri()).as("the configured origin, not the request's Host")
                .isEqualTo("https://portal.accord.example/login/oauth2/code/keycloak");
        assertThat(request.getAdditionalParameters()).containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");
    }

    private static ClientRegistration registration(KeycloakProperties keycloak) {
        return new SecurityConfiguration().clientRegistrations(keycloak, PORTAL)
                .findByRegistrationId(PortalClient.REGISTRATION_ID);
    }
}
