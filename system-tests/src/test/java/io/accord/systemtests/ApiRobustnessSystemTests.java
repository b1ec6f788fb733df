package io.accord.systemtests;

import io.accord.launcher.Platform;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of every service's OpenAPI document, sent what a careless client sends (an id of the wrong shape,
 * a body that is not what its {@code Content-Type} claims), straight to the service and through the gateway: a 4xx
 * problem+json, never a 5xx. Nothing is changed: every write is refused for its body or names no resource.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
class ApiRobustnessSystemTests {

    private static final List<String> SERVICES = List.of("partner-onboarding", "catalog", "orchestration", "rating",
            "settlement", "dispute");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Multipart bodies that are none: no boundary; a part cut off before its closing boundary. */
    private static final List<Probe> BROKEN_MULTIPART = List.of(
            new Probe("{\"file\": \"x\"}", "multipart/form-data", true),
            new Probe("--b0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nab",
                    "multipart/form-data; boundary=b0und4ry", true));

    private static final Probe NO_BODY = new Probe(null, null, false);

    private Platform platform;
    private Keycloak keycloak;

    @BeforeAll
    void usePlatform(SharedPlatform.Running running) {
        platform = running.platform;
        keycloak = running.keycloak;
    }

    @Test
    void everyOperationAnswersBrokenInputWithAProblemNeverAServerError() {
        List<String> tokens = List.of(keycloak.token("platform-admin"), keycloak.token("partner-admin"));
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String service : SERVICES) {
            String direct = platform.serviceUrl(service);
            JsonNode paths = new TestHttp(direct).get("/v3/api-docs").json().get("paths");
            assertThat(paths.size()).as(service + " documents its operations").isPositive();
            for (var path : paths.properties()) {
                String target = path.getKey().replaceAll("\\{[^}]+}", "null");
                for (var operation : path.getValue().properties()) {
                    String method = operation.getKey();
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    List<Probe> probes = probes(method, target, operation.getValue());
                    for (Probe probe : probes) {
                        for (String token : tokens) {
                            for (String base : List.of(direct, platform.gatewayUrl())) {
                                TestHttp.Response response = send(new TestHttp(base).as(token),
                                        method.toUpperCase(), target, probe);
                                sent++;
                                if (!acceptable(response, probe.refused())) {
                                    wrong.add(method.toUpperCase() + " " + base + target + " " + probe
                                            + " -> " + response);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(500);
        assertThat(wrong).isEmpty();
    }

    /**
     * Every read, sent an {@code Accept} header that is no media type list (400, not an empty 404), and each of its
     * time-like query parameters a time Java reads but no database stores (a 4xx problem, or ignored; never the 500
     * they were), straight and through the gateway.
     */
    @Test
    void everyReadRefusesAnUnreadableAcceptAndAnUnsupportedTime() {
        String token = keycloak.token("platform-admin");
        List<String> wrong = new ArrayList<>();
        int times = 0;
        for (String service : SERVICES) {
            String direct = platform.serviceUrl(service);
            JsonNode paths = new TestHttp(direct).get("/v3/api-docs").json().get("paths");
            for (var path : paths.properties()) {
                JsonNode read = path.getValue().path("get");
                if (read.isMissingNode()) {
                    continue;
                }
                String target = path.getKey().replaceAll("\\{[^}]+}", "null");
                for (String base : List.of(direct, platform.gatewayUrl())) {
                    TestHttp client = new TestHttp(base).as(token);
                    TestHttp.Response unreadable = send(client.header("Accept", "*/*;q=abc"), "GET", target, NO_BODY);
                    if (unreadable.status() != 400 || !acceptable(unreadable, true)) {
                        wrong.add("GET " + base + target + " Accept: */*;q=abc -> " + unreadable);
                    }
                    for (String parameter : timeParameters(read)) {
                        for (String time : List.of("-999999999-01-01T00:00:00Z", "%2B300000-01-01")) {
                            String query = target + "?" + parameter + "=" + time;
                            TestHttp.Response response = send(client, "GET", query, NO_BODY);
                            times++;
                            if (!acceptable(response, false)) {
                                wrong.add("GET " + base + query + " -> " + response);
                            }
                        }
                    }
                }
            }
        }
        assertThat(times).as("time parameters probed").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    /** The query parameters documented as a date or date-time, or named as times are ({@code from}, {@code at}). */
    private static List<String> timeParameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String format = parameter.path("schema").path("format").asString("");
            if (parameter.path("in").asString().equals("query") && (format.startsWith("date")
                    || name.matches("from|to|at|since|until|.*(From|To|At|Date)"))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * A read or delete of an id of the wrong shape; a write with each broken body its content type can get. A write
     * without a body and without an id is left out: it would act.
     */
    private static List<Probe> probes(String method, String target, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (method.equals("get") || method.equals("delete")) {
            return target.contains("null") ? List.of(new Probe(null, null, false)) : List.of();
        }
        if (content.isMissingNode() || content.isEmpty()) {
            return target.contains("null") ? List.of(new Probe(null, null, false)) : List.of();
        }
        List<Probe> probes = new ArrayList<>();
        List<String> types = new ArrayList<>(content.propertyNames());
        // a file an import job streams (JSON or CSV) is read row by row after it was taken: a row it cannot read
        // fails the job with the line, so there a broken body may be accepted
        boolean file = types.contains("text/csv");
        for (String type : types) {
            if (type.startsWith("multipart/")) {
                probes.addAll(BROKEN_MULTIPART);
            } else if (type.endsWith("json")) {
                probes.add(new Probe("{\"name\": ", type, !file));
                probes.add(new Probe("[{\"id\": tru}]", type, !file));
            }
        }
        if (!types.contains("text/plain") && !types.contains("*/*")) {
            probes.add(new Probe("name=x", "text/plain", true));
        }
        return probes;
    }

    /** Past the gateway's rate limit of the caller: its answer (a problem too) is waited out, as a client would. */
    private static TestHttp.Response send(TestHttp client, String method, String target, Probe probe) {
        return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> client.send(method, target, probe.body(), probe.contentType()),
                        response -> response.status() != 429);
    }

    /** Never a 5xx; a 4xx is problem+json; a body that must be refused is. */
    private static boolean acceptable(TestHttp.Response response, boolean refused) {
        int status = response.status();
        if (status >= 500 || refused && status < 400) {
            return false;
        }
        return status < 400 || response.contentType() != null
                && response.contentType().startsWith("application/problem+json");
    }

    /** @param refused whether the operation must refuse it (4xx), not only answer it without a server error */
    private record Probe(String body, String contentType, boolean refused) {

        @Override
        public String toString() {
            return body == null ? "(no body)" : contentType + " " + body.replace("\r\n", "\\r\\n");
        }
    }
}
