package io.accord.gateway;

import io.accord.contracts.Roles;
import io.accord.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Netty, the firewall or the router refuse (undecodable or traversing paths, NUL bytes, semicolons,
 * doubled slashes, oversized request lines and headers) get a 4xx problem+json from the gateway itself. A path the
 * gateway may pass on (a long id, bytes that are not UTF-8) reaches the service, whose own answer to it is
 * problem+json (platform-starter's MalformedRequestTests). Sent over a raw socket: HTTP clients refuse such URIs.
 */
class MalformedRequestTests extends EchoBackedGatewaySupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String token = "Authorization: Bearer " + TestTokens.staff(Roles.OPS);

    @Test
    void everyMalformedPathIsAnsweredWithAProblemOrLeftToTheService() {
        RawHttp http = new RawHttp(port);
        List<String> wrong = new ArrayList<>();
        for (String path : RawHttp.malformedPathsUnder("/api/catalog/things")) {
            for (String[] headers : List.of(new String[] {token}, new String[0])) {
                RawHttp.Response response = http.get(path, headers);
                boolean forwarded = headers.length == 1 && response.status() == 200
                        && response.body().contains("\"backend\":\"catalog\"");
                if (!isProblem(response) && !forwarded) {
                    wrong.add(path + " -> " + response);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void traversalEncodedSeparatorsAndUndecodablePathsAreNeverForwarded() {
        RawHttp http = new RawHttp(port);
        for (String path : List.of("/api/catalog/things/%2e%2e%2f%2e%2e%2fetc", "/api/catalog/things/..%2f",
                "/api/catalog/things/%00", "/api/catalog/things/%zz", "/api/catalog/things/1;x=y",
                "//api/catalog/things/1", "/api/catalog/../actuator/env")) {
            RawHttp.Response response = http.get(path, token);

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(isProblem(response)).as(path + " -> " + response).isTrue();
            assertThat(response.header("X-Correlation-Id")).as(path).isNotBlank();
        }
    }

    @Test
    void anOverlongRequestLineIsAProblem() {
        RawHttp.Response response = new RawHttp(port).get("/api/catalog/things/" + "7".repeat(20_000), token);

        assertThat(response.status()).isEqualTo(414);
        assertThat(isProblem(response)).as(response.toString()).isTrue();
    }

    @Test
    void anOverlongHeaderIsAProblem() {
        RawHttp.Response response = new RawHttp(port).get("/api/catalog/things/1", token,
                "X-Filler: " + "x".repeat(20_000));

        assertThat(response.status()).isEqualTo(431);
        assertThat(isProblem(response)).as(response.toString()).isTrue();
    }

    @Test
    void aMalformedRequestLineOrMethodIsAProblem() {
        for (String line : List.of("GET /api/catalog/things/a b HTTP/1.1", "BREW /api/catalog/things/1 HTTP/1.1")) {
            RawHttp.Response response = new RawHttp(port).send(line, token);

            assertThat(isProblem(response)).as(line + " -> " + response).isTrue();
        }
    }

    /**
     * Once a 400 saying the path holds an encoded slash; the services answer the same (platform-starter's
     * MalformedRequestTests), and neither names methods in an Allow it does not know for the path.
     */
    @Test
    void aMethodNoRouteAnswersIs405WhenHttpDefinesItElse501AndIsNotForwarded() {
        RawHttp http = new RawHttp(port);
        for (String[] headers : List.of(new String[] {token}, new String[0])) {
            RawHttp.Response trace = http.send("TRACE /api/catalog/things/1 HTTP/1.1", headers);
            assertThat(trace.status()).as(trace.toString()).isEqualTo(405);
            assertThat(isProblem(trace)).as(trace.toString()).isTrue();
            assertThat(trace.header("Allow")).as(trace.toString()).isNull();
            assertThat(JSON.readTree(trace.body()).path("detail").asString()).startsWith("TRACE is not supported");

            for (String method : List.of("FOO", "BREW", "PROPFIND")) {
                RawHttp.Response unknown = http.send(method + " /api/catalog/things/1 HTTP/1.1", headers);
                assertThat(unknown.status()).as(unknown.toString()).isEqualTo(501);
                assertThat(isProblem(unknown)).as(unknown.toString()).isTrue();
                assertThat(unknown.body()).doesNotContain("\"backend\"");
                assertThat(JSON.readTree(unknown.body()).path("detail").asString())
                        .startsWith("The method " + method + " is not implemented");
            }
        }
    }

    @Test
    void aWellFormedRequestIsStillForwarded() {
        RawHttp.Response response = new RawHttp(port).get("/api/catalog/things/42", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"backend\":\"catalog\"");
    }

    private static boolean isProblem(RawHttp.Response response) {
        if (response.status() < 400 || response.status() >= 500 && response.status() != 501
                || response.header("Content-Type") == null
                || !response.header("Content-Type").startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("status").asInt() == response.status() && body.path("type").isString();
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
