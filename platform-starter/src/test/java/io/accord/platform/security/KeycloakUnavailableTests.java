package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose realm keys cannot be fetched (Keycloak down since it started) answers a token 503 to retry, the
 * gateway's {@code identity-provider-unavailable}: the token could not be checked, it is not known to be bad. Once a
 * 500 (Spring Security rethrew the failure).
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=platform-starter", "spring.kafka.bootstrap-servers=127.0.0.1:1"})
@ContextConfiguration(initializers = {StarterTestApplication.Infrastructure.class,
        KeycloakUnavailableTests.KeycloakDown.class})
class KeycloakUnavailableTests {

    private final TestHttp http;

    KeycloakUnavailableTests(@LocalServerPort int port) {
        this.http = TestHttp.localPort(port);
    }

    @Test
    void aTokenThatCannotBeCheckedIsAServiceUnavailableToRetryNotAServerError() {
        TestHttp.Response unchecked = http.as(TestJwt.staff("olga", Roles.OPS)).get("/api/things/1");
        TestHttp.Response anonymous = http.get("/api/things/1");

        assertThat(unchecked.status()).as(unchecked.toString()).isEqualTo(503);
        assertThat(unchecked.contentType()).startsWith("application/problem+json");
        assertThat(unchecked.json().path("type").asString()).endsWith("/identity-provider-unavailable");
        assertThat(unchecked.header("Retry-After")).isEqualTo("5");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /** No public key: the realm's keys are fetched from a JWK set endpoint, where nothing listens (port 1). */
    static class KeycloakDown implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("accord.platform.jwt.public-key-location=",
                    "accord.platform.jwt.jwk-set-uri=http://127.0.0.1:1/realms/accord/protocol/openid-connect/certs"
            ).applyTo(context);
        }
    }
}
