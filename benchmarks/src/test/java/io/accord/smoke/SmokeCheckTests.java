package io.accord.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The smoke client against a loopback stand-in for Keycloak's token endpoint and the gateway (a unit test of the
 * client: what it asks, how it judges answers, what it prints). The real gateway: docs/deploy-kubernetes.md.
 */
class SmokeCheckTests {

    private HttpServer server;
    private final Map<String, Integer> statusOverrides = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void passesWhenTheGatewayIsHealthyAndEveryServiceAnswersItsReadAndItsOpenApiDocument() {
        assertThat(run(Map.of("ACCORD_CI_CLIENT_SECRET", "s3cret"))).isTrue();

        String output = output();
        assertThat(output).contains("PASS gateway health", "PASS token for ci-pipeline",
                "PASS dispute read /api/disputes/audit?limit=1", "PASS rating OpenAPI /docs/rating/v3/api-docs")
                .doesNotContain("FAIL").doesNotContain("s3cret")
                .endsWith("smoke: 14 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void oneFailingReadFailsTheRunAndIsNamedWhileTheOtherChecksStillRun() {
        statusOverrides.put("/api/settlement/audit", 403);

        assertThat(run(Map.of("ACCORD_CI_CLIENT_SECRET", "s3cret"))).isFalse();

        assertThat(output()).contains("FAIL settlement read /api/settlement/audit?limit=1", "HTTP 403 (expected 200)",
                "PASS dispute read", "smoke: 13 passed, 1 failed");
    }

    @Test
    void aRejectedClientSecretFailsTheTokenAndEveryAuthenticatedRead() {
        assertThat(run(Map.of("ACCORD_CI_CLIENT_SECRET", "wrong"))).isFalse();

        assertThat(output()).contains("FAIL token for ci-pipeline", "HTTP 401", "no token (see above)",
                "PASS catalog OpenAPI", "smoke: 7 passed, 7 failed");
    }

    @Test
    void withoutTheVariableItUsesTheDevelopmentRealmsDocumentedSecretAndSaysSo() {
        SmokeOptions options = SmokeOptions.parse(new String[] {"--base-url", "http://localhost:8080"}, Map.of());

        assertThat(options.clientSecret()).isEqualTo("ci-pipeline-dev-secret");
        assertThat(options.devSecret()).isTrue();
        assertThat(run(Map.of())).isFalse();
        assertThat(output()).contains("ACCORD_CI_CLIENT_SECRET not set");
    }

    @Test
    void optionsTakeASpaceOrAnEqualsSignAndKeepABasePathPrefix() {
        SmokeOptions options = SmokeOptions.parse(new String[] {"--base-url", "https://api.example/accord/",
                "--keycloak-url=https://auth.example", "--timeout", "3"}, Map.of("ACCORD_CI_CLIENT_SECRET", "x"));

        assertThat(options.gateway("/readyz")).hasToString("https://api.example/accord/readyz");
        assertThat(options.tokenEndpoint())
                .hasToString("https://auth.example/realms/accord/protocol/openid-connect/token");
        assertThat(options.timeout()).hasSeconds(3);
        assertThatIllegalArgumentException().isThrownBy(() -> SmokeOptions.parse(new String[] {"--base-url"},
                Map.of())).withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> SmokeOptions.parse(new String[] {"--base-url",
                "api.example"}, Map.of())).withMessageContaining("not an http(s) URL");
        assertThatIllegalArgumentException().isThrownBy(() -> SmokeOptions.parse(new String[] {"--bogus", "1"},
                Map.of())).withMessageContaining("unknown option --bogus");
    }

    private boolean run(Map<String, String> environment) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        SmokeOptions options = SmokeOptions.parse(new String[] {"--base-url", url, "--keycloak-url", url},
                environment);
        try (HttpClient client = HttpClient.newHttpClient()) {
            return new SmokeCheck(options, client, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        }
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = "{}";
        int status = 200;
        if (path.equals("/realms/accord/protocol/openid-connect/token")) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean valid = form.contains("grant_type=client_credentials") && form.contains("client_id=ci-pipeline")
                    && form.contains("client_secret=s3cret");
            status = valid ? 200 : 401;
            body = valid ? "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\"}" : "{\"error\":\"unauthorized_client\"}";
        } else if (path.equals("/readyz")) {
            body = "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}";
        } else if (path.startsWith("/docs/")) {
            body = "{\"openapi\":\"3.1.0\",\"paths\":{}}";
        } else {
            boolean authorized = "Bearer token-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            status = authorized ? 200 : 401;
            exchange.getResponseHeaders().add("X-Total-Count", "0");
        }
        status = statusOverrides.getOrDefault(path, status);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
