package io.accord.platform.security;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
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
 * 500 (Spring Security rethrew the failure). Its {@code jwks} health component is DOWN, and so is {@code kafka} (no
 * broker either), while the probes' groups stay UP: neither outage is a reason to restart or unready a pod.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=platform-starter", "spring.kafka.bootstrap-servers=127.0.0.1:1",
                "accord.platform.health.timeout=500ms"})
@ContextConfiguration(initializers = {StarterTestApplication.Infrastructure.class,
        KeycloakUnavailableTests.KeycloakDown.class})
class KeycloakUnavailableTests {

    private final TestHttp http;
    private final HealthEndpoint health;

    KeycloakUnavailableTests(@LocalServerPort int port, HealthEndpoint health) {
        this.http = TestHttp.localPort(port);
        this.health = health;
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

    /** With details as ops see them: an ops token cannot be checked here, so the endpoint is asked directly. */
    @Test
    void anUnreachableRealmAndBrokerAreDownComponentsWhileLivenessAndReadinessStayUp() {
        IndicatedHealthDescriptor jwks = (IndicatedHealthDescriptor) health.healthForPath("jwks");
        IndicatedHealthDescriptor kafka = (IndicatedHealthDescriptor) health.healthForPath("kafka");

        assertThat(jwks.getStatus()).isEqualTo(Status.DOWN);
        assertThat(jwks.getDetails()).containsEntry("jwkSetUri",
                "http://127.0.0.1:1/realms/accord/protocol/openid-connect/certs").containsKey("error");
        assertThat(kafka.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(kafka.getDetails().get("bootstrapServers"))).contains("127.0.0.1:1");
        assertThat(kafka.getDetails()).containsKey("error").containsEntry("timeout", "PT0.5S");
        assertThat(health.health().getStatus()).as("the overall health shows them").isEqualTo(Status.DOWN);
        for (String probe : new String[] {"liveness", "readiness"}) {
            TestHttp.Response group = http.get("/actuator/health/" + probe);
            assertThat(group.status()).as(probe).isEqualTo(200);
            assertThat(group.json().get("status").asString()).isEqualTo("UP");
        }
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
