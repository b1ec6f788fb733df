package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.accord.gateway.GatewayTestSupport.assertProblem;
import static io.accord.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway starts while Keycloak does not answer, and answers 503 (not 401 or 500) until it can fetch the keys:
 * within its keys timeout, not never (Keycloak here takes the connection and answers nothing, as when frozen). Its
 * {@code jwks} health component is DOWN meanwhile, while the probes' groups stay UP (no restart, no unready).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakUnavailableTests {

    private final int port;
    private final HealthEndpoint health;

    KeycloakUnavailableTests(@LocalServerPort int port, HealthEndpoint health) {
        this.port = port;
        this.health = health;
    }

    @DynamicPropertySource
    static void keycloakDown(DynamicPropertyRegistry registry) {
        registry.add("accord.security.jwt.issuer-uri", () -> TestTokens.ISSUER);
        // an echo backend's /slow path answers only when released: a Keycloak that takes requests and says nothing
        registry.add("accord.security.jwt.jwk-set-uri", () -> EchoBackends.uri("keycloak")
                + "/realms/accord/protocol/openid-connect/certs/slow");
        registry.add("accord.security.jwt.keys-timeout", () -> "1s");
        registry.add("accord.gateway.backends.catalog", () -> EchoBackends.uri("catalog"));
    }

    @Test
    void startsWithoutKeycloakAndAnswersServiceUnavailableForTokens() {
        var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        try {
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
            assertProblem(client.get().uri("/api/catalog/offerings")
                    .header(GatewayTestSupport.AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                    .exchange(), 503, "identity-provider-unavailable");
        }
        finally {
            EchoBackends.releaseSlowRequests();
        }
    }

    /** With details as ops see them: an ops token cannot be checked here, so the endpoint is asked directly. */
    @Test
    void anUnansweringRealmIsADownJwksComponentWhileLivenessAndReadinessStayUp() {
        var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        try {
            IndicatedHealthDescriptor jwks = (IndicatedHealthDescriptor) health.healthForPath("jwks");

            assertThat(jwks.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(jwks.getDetails().get("jwkSetUri")))
                    .endsWith("/realms/accord/protocol/openid-connect/certs/slow");
            assertThat(jwks.getDetails()).containsKey("error").containsEntry("timeout", "PT1S");
            assertThat(health.health().getStatus()).as("the overall health shows it").isEqualTo(Status.DOWN);
            for (String probe : new String[] {"liveness", "readiness"}) {
                client.get().uri("/actuator/health/" + probe).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
            }
        }
        finally {
            EchoBackends.releaseSlowRequests();
        }
    }
}
