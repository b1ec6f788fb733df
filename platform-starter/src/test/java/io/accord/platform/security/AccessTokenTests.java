package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Only access tokens minted for the Accord API open a service; ID and refresh tokens of the realm do not. A token
 * that passed is remembered (the exact string), a forged copy is not. The header's token and the firewall's
 * character rules are checked by the shared loops (RequestChecks).
 */
@StarterTestApplication.Test
class AccessTokenTests {

    private final TestHttp http;
    private final JwtDecoder decoder;
    private final FilterChainProxy filters;

    AccessTokenTests(@LocalServerPort int port, JwtDecoder decoder, FilterChainProxy filters) {
        this.http = TestHttp.localPort(port);
        this.decoder = decoder;
        this.filters = filters;
    }

    @Test
    void anAccessTokenForTheAccordApiIsAccepted() {
        TestHttp.Response response = http.as(TestJwt.staff("olga", Roles.OPS)).get("/api/things/1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("id").asString()).isEqualTo("1");
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorizedProblem() {
        assertUnauthorized(TestJwt.forAudience("account", "olga", Roles.OPS));
        assertUnauthorized(TestJwt.forAudience(null, "olga", Roles.OPS));
    }

    @Test
    void idAndRefreshTokensAreNotAccessTokens() {
        assertUnauthorized(TestJwt.ofType("ID", "olga", Roles.OPS));
        assertUnauthorized(TestJwt.ofType("Refresh", "olga", Roles.OPS));
        assertUnauthorized(TestJwt.ofType(null, "olga", Roles.OPS));
    }

    @Test
    void aTokenThatPassedIsRememberedAndAForgedCopyIsCheckedEveryTime() {
        String token = TestJwt.staff("olga", Roles.OPS);
        assertThat(decoder.decode(token)).isSameAs(decoder.decode(token));
        assertThat(http.as(token).get("/api/things/1").status()).isEqualTo(200);

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ";
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(forged));
            assertUnauthorized(forged);
        }
    }

    @Test
    void aMalformedBearerHeaderIsUnauthorizedSayingSoAndAnotherSchemeCarriesNoToken() {
        TestHttp.Response malformed = http.header("Authorization", "Bearer abc def").get("/api/things/1");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().path("detail").asString()).contains("Bearer token is malformed");

        TestHttp.Response basic = http.header("Authorization", "Basic b2xnYTpzZWNyZXQ=").get("/api/things/1");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().path("detail").asString()).as("no token taken from it")
                .contains("Full authentication is required").doesNotContain("malformed");
    }

    @Test
    void theFirewallChecksHeaderCharactersWithTheSharedRules() {
        // Spring Security wraps the chain the requests pass through in a composite proxy bean
        Object chain = ReflectionTestUtils.getField(filters, "springSecurityFilterChain");
        HttpFirewall firewall = (HttpFirewall) ReflectionTestUtils.getField(chain != null ? chain : filters, "firewall");
        assertThat(firewall).isInstanceOf(StrictHttpFirewall.class);
        assertThat(String.valueOf(ReflectionTestUtils.getField(firewall, "allowedHeaderValues")))
                .as("a method reference of ours, not Spring's pattern").contains("PlatformSecurityConfiguration");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things/1");
        request.addHeader("X-Tabbed", "a\tb");
        request.addHeader("X-Control", "a\u0001b");
        request.addHeader("X-Unassigned", "a\u0378b");

        HttpServletRequest checked = firewall.getFirewalledRequest(request);

        assertThat(checked.getHeader("X-Tabbed")).isEqualTo("a\tb");
        assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> checked.getHeader("X-Control"));
        assertThatExceptionOfType(RequestRejectedException.class)
                .isThrownBy(() -> checked.getHeader("X-Unassigned"));
    }

    private void assertUnauthorized(String token) {
        TestHttp.Response response = http.as(token).get("/api/things/1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
        assertThat(response.body()).doesNotContain("\"id\"");
    }
}
