package io.accord.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * Starts the real gateway on a random port, trusting {@link TestTokens}' key. Subclasses say where the backends
 * are; the ones that extend {@link EchoBackedGatewaySupport} share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add("accord.security.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("accord.security.jwt.public-key-location", TestTokens::publicKeyLocation);
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    static void assertProblem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://accord.dev/problems/" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty()
                .jsonPath("$.correlationId").isNotEmpty();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static final String AUTHORIZATION = HttpHeaders.AUTHORIZATION;
}
