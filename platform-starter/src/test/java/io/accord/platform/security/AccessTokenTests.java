package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Only access tokens minted for the Accord API open a service; ID and refresh tokens of the realm do not. */
@StarterTestApplication.Test
class AccessTokenTests {

    private final TestHttp http;

    AccessTokenTests(@LocalServerPort int port) {
        this.http = TestHttp.localPort(port);
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

    private void assertUnauthorized(String token) {
        TestHttp.Response response = http.as(token).get("/api/things/1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
        assertThat(response.body()).doesNotContain("\"id\"");
    }
}
