package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.testsupport.RawHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container or the firewall refuses before any controller runs (undecodable or traversing
 * paths, NUL bytes, semicolons, doubled slashes, oversized request lines and headers, unreadable media type
 * headers) still get a 4xx problem+json, never Tomcat's HTML error page or an empty body. Sent over a raw socket: HTTP clients refuse to send such URIs.
 */
@StarterTestApplication.Test
class MalformedRequestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawHttp http;
    private final String token = "Authorization: Bearer " + TestJwt.staff("olga", Roles.OPS);

    MalformedRequestTests(@LocalServerPort int port) {
        this.http = new RawHttp(port);
    }

    @Test
    void everyMalformedPathIsAnsweredWithAProblem() {
        List<String> wrong = new ArrayList<>();
        for (String path : RawHttp.MALFORMED_PATHS) {
            for (String[] headers : List.of(new String[] {token}, new String[0])) {
                RawHttp.Response response = http.get(path, headers);
                if (!isProblem(response) && !(response.status() == 200 && headers.length == 1)) {
                    wrong.add(path + " -> " + response);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anOverlongRequestLineIsAProblem() {
        RawHttp.Response response = http.get("/api/things/" + "7".repeat(20_000), token);

        assertThat(response.status()).isEqualTo(414);
        assertThat(isProblem(response)).as(response.toString()).isTrue();
    }

    @Test
    void anOverlongHeaderIsAProblem() {
        RawHttp.Response response = http.get("/api/things/1", token, "X-Filler: " + "x".repeat(20_000));

        assertThat(response.status()).isEqualTo(431);
        assertThat(isProblem(response)).as(response.toString()).isTrue();
    }

    @Test
    void aMalformedRequestLineOrMethodIsAProblem() {
        for (String line : List.of("GET /api/things/a b HTTP/1.1", "G\u0001T /api/things/1 HTTP/1.1",
                "BREW /api/things/1 HTTP/1.1", "GET /api/things/1 HTTP/9.9")) {
            RawHttp.Response response = http.send(line, token);

            assertThat(response.status()).as(line).isBetween(400, 505);
            assertThat(isProblem(response)).as(line + " -> " + response).isTrue();
        }
    }

    /**
     * Once a 400 saying the path holds an encoded slash (the firewall refuses the method first), and for TRACE, which
     * Tomcat refuses, a 405 whose Allow listed every method the servlet has, not the path's.
     */
    @Test
    void aMethodNoOperationAnswersIs405WhenHttpDefinesItElse501() {
        RawHttp.Response trace = http.send("TRACE /api/things/1 HTTP/1.1", token);
        assertThat(trace.status()).as(trace.toString()).isEqualTo(405);
        assertThat(isProblem(trace)).as(trace.toString()).isTrue();
        assertThat(JSON.readTree(trace.body()).path("detail").asString()).startsWith("TRACE is not supported");

        for (String method : List.of("FOO", "BREW", "PROPFIND")) {
            for (String[] headers : List.of(new String[] {token}, new String[0])) {
                RawHttp.Response unknown = http.send(method + " /api/things/1 HTTP/1.1", headers);
                assertThat(unknown.status()).as(unknown.toString()).isEqualTo(501);
                assertThat(isProblem(unknown)).as(unknown.toString()).isTrue();
                assertThat(JSON.readTree(unknown.body()).path("detail").asString())
                        .startsWith("The method " + method + " is not implemented");
            }
        }
    }

    /**
     * RFC 9110 requires an Allow on every 405; until 2026-12-07 the TRACE and CONNECT refusals had none (Tomcat's own
     * for TRACE listed every method of the servlet, where OPTIONS on the path said GET, HEAD, OPTIONS).
     */
    @Test
    void aRefusedTraceOrConnectAllowsWhatOptionsOnThePathAllows() {
        for (String path : List.of("/api/things/1", "/api/guarded")) {
            Set<String> options = methods(http.send("OPTIONS " + path + " HTTP/1.1", token).header("Allow"));
            assertThat(options).as(path).isNotEmpty();
            for (String method : List.of("TRACE", "CONNECT")) {
                for (String[] headers : List.of(new String[] {token}, new String[0])) {
                    RawHttp.Response refused = http.send(method + " " + path + " HTTP/1.1", headers);
                    assertThat(refused.status()).as(refused.toString()).isEqualTo(405);
                    assertThat(isProblem(refused)).as(refused.toString()).isTrue();
                    assertThat(methods(refused.header("Allow"))).as(method + " " + path + " -> " + refused)
                            .isEqualTo(options);
                }
            }
        }
        RawHttp.Response nowhere = http.send("TRACE /api/nowhere/at/all HTTP/1.1", token);
        assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(405);
        assertThat(methods(nowhere.header("Allow"))).as(nowhere.toString())
                .containsExactlyInAnyOrder("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    }

    private static Set<String> methods(String allow) {
        if (allow == null) {
            return Set.of();
        }
        return Arrays.stream(allow.split(",")).map(String::trim).filter(method -> !method.isEmpty())
                .collect(Collectors.toSet());
    }

    @Test
    void anUnreadableAcceptOrContentTypeIsAProblemNamingTheHeader() {
        for (String header : List.of("Accept: */*;q=abc", "Accept: application/json;q=2", "Accept: json",
                "Content-Type: json", "Content-Type: application/*", "Content-Type: application/json; charset=\"")) {
            RawHttp.Response response = http.get("/api/things/42", token, header);

            assertThat(response.status()).as(header + " -> " + response).isEqualTo(400);
            assertThat(isProblem(response)).as(header + " -> " + response).isTrue();
            assertThat(JSON.readTree(response.body()).path("detail").asString())
                    .contains("The " + header.substring(0, header.indexOf(':')) + " header '");
        }
        RawHttp.Response listed = http.get("/api/things/42", token, "Accept: application/json;q=0.5, text/csv");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    }

    @Test
    void aControllerStillAnswersNormally() {
        RawHttp.Response response = http.get("/api/things/42", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"42\"");
    }

    private static boolean isProblem(RawHttp.Response response) {
        if (response.status() < 400 || response.status() >= 500 && response.status() != 501
                && response.status() != 505
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
