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

/** The gateway starts while Keycloak is still down, and answers 503 (not 401 or 500) until it can fetch the keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakUnavailableTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloakDown(DynamicPropertyRegistry registry) {
        registry.add("accord.security.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("accord.security.jwt.jwk-set-uri", () -> EchoBackends.down() + "/protocol/openid-connect/certs");
        registry.add("accord.gateway.backends.catalog", () -> EchoBackends.uri("catalog"));
    }

    @Test
    void startsWithoutKeycloakAndAnswersServiceUnavailableForTokens() {
        var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertProblem(client.get().uri("/api/catalog/offerings")
                .header(GatewayTestSupport.AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange(), 503, "identity-provider-unavailable");
    }
}
