package io.accord.portal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A logged-in portal user as the login leaves it: the OIDC user with its realm roles in the security context, and
 * its tokens in the HTTP session (where the gateway client takes them from).
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static RequestPostProcessor partner(String username) {
        return user(username, "partner-token", Instant.now().plusSeconds(300), null, PortalTestSupport.PARTNER_A,
                username.startsWith("partner-user") ? "partner-user" : "partner-admin");
    }

    public static RequestPostProcessor staff(String username, String role) {
        return user(username, role + "-token", Instant.now().plusSeconds(300), null, null, role);
    }

    public static RequestPostProcessor user(String username, String accessToken, Instant expiresAt,
                                            String refreshToken, String partnerId, String... roles) {
        return request -> {
            Map<String, Object> claims = new HashMap<>(Map.of("sub", "sub-" + username,
                    "preferred_username", username, "name", username));
            if (partnerId != null) {
                claims.put("partner_id", partnerId);
            }
            Instant issuedAt = expiresAt.minusSeconds(900);
            OidcIdToken idToken = new OidcIdToken("id-token", issuedAt, expiresAt.plusSeconds(3600), claims);
            List<GrantedAuthority> authorities = Arrays.stream(roles)
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            DefaultOidcUser user = new DefaultOidcUser(authorities, idToken, "preferred_username");
            OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, authorities, "keycloak");
            ClientRegistration registration = WebApplicationContextUtils
                    .getRequiredWebApplicationContext(request.getServletContext())
                    .getBean(ClientRegistrationRepository.class).findByRegistrationId("keycloak");
            OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, username,
                    new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, issuedAt, expiresAt),
                    refreshToken == null ? null : new OAuth2RefreshToken(refreshToken, issuedAt));
            new HttpSessionOAuth2AuthorizedClientRepository().saveAuthorizedClient(client, authentication, request,
                    new MockHttpServletResponse());
            return authentication(authentication).postProcessRequest(request);
        };
    }
}
