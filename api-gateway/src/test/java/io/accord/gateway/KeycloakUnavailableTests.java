package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.accord.gateway.GatewayTestSupport.assertProblem;
import static io.accord.gateway.GatewayTestSupport.bearer;

/**
 * The gateway starts while Keycloak does not answer, and answers 503 (not 401 or 500) until it can fetch the keys:
 * within its keys timeout, not never (Keycloak here takes the connection and answers nothing, as when frozen).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakUnavailableTests {

    @LocalServerPort
    int port;

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
}
