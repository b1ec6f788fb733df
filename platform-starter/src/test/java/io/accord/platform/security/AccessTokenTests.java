package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Only access tokens minted for the Accord API open a service; ID and refresh tokens of the realm do not. A token
 * that passed is remembered (the exact string), a forged copy is not.
 */
@StarterTestApplication.Test
class AccessTokenTests {

    private final TestHttp http;
    private final JwtDecoder decoder;

    AccessTokenTests(@LocalServerPort int port, JwtDecoder decoder) {
        this.http = TestHttp.localPort(port);
        this.decoder = decoder;
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

    private void assertUnauthorized(String token) {
        TestHttp.Response response = http.as(token).get("/api/things/1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
        assertThat(response.body()).doesNotContain("\"id\"");
    }
}
