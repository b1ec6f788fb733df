package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ./accord dlt} against a stand-in (a JDK HTTP server) for the dev realm's token endpoint and for the gateway
 * in front of settlement's {@code admin/dead-letters}, answering as the starter's DeadLetterAdminController does
 * (DeadLetterReplayTests checks the service's side): two pages of three dead letters, replays answered REPLAYED,
 * ALREADY_REPLAYED, 404 and 409. The login is the realm file's {@code ops} user with the {@code accord-cli} client.
 */
class DeadLettersCommandTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String TOKEN = "ops-access-token";
    private static final String BASE = "/api/settlement/admin/dead-letters";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private static HttpServer platform;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        platform.createContext("/realms/accord/protocol/openid-connect/token", DeadLettersCommandTests::login);
        platform.createContext("/api/", DeadLettersCommandTests::gateway);
        platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop(0);
    }

    @Test
    void listsEveryPageAsATableOfIdTopicKeyErrorReplayStateAndAge() {
        int exit = command(settings(url(), url())).run("settlement", List.of("list"));

        List<String> lines = printed().lines().toList();
        assertThat(exit).isZero();
        assertThat(lines.getFirst()).matches("ID +TOPIC +KEY +ERROR +REPLAY +AGE");
        assertThat(lines.get(1)).matches("usage\\.rated\\.v1\\.DLT-0@7 +usage\\.rated\\.v1 +sub-1 +"
                + "IllegalStateException: no rate for offering 42 +SENT +2d");
        assertThat(lines.get(2)).matches("usage\\.rated\\.v1\\.DLT-1@3 +usage\\.rated\\.v1 +sub-2 +"
                + "DataIntegrityViolationException: duplicate key +- +3h");
        assertThat(lines.get(3)).matches("order\\.events\\.v1\\.DLT-0@0 +order\\.events\\.v1 +order-9 +"
                + "IllegalArgumentException: no such product +- +30s");
        assertThat(lines.get(4)).startsWith("3 dead letters of settlement's consumers");
        assertThat(REQUESTS).contains("login ops/ops-dev client accord-cli",
                "GET " + BASE + "?limit=1000&offset=0", "GET " + BASE + "?limit=1000&offset=2");
    }

    @Test
    void showsOneDeadLetterWithItsPayloadAndSaysWhenThereIsNone() {
        int shown = command(settings(url(), url())).run("settlement", List.of("show", "order.events.v1.DLT-0@0"));
        String one = printed();
        printed.reset();
        int missing = command(settings(url(), url())).run("settlement", List.of("show", "order.events.v1.DLT-0@5"));
        int otherTopic = command(settings(url(), url())).run("settlement", List.of("show", "catalog.events.v1.DLT-0@1"));

        assertThat(shown).isZero();
        assertThat(one).contains("order.events.v1.DLT-0@0  (30s old)", "consumerGroup      settlement",
                "exception          java.lang.IllegalArgumentException", "payload\n{\"orderId\":\"order-9\"}");
        assertThat(missing).isEqualTo(1);
        assertThat(otherTopic).isEqualTo(1);
        assertThat(printed()).contains("no dead letter order.events.v1.DLT-0@5 of settlement's consumers",
                "no dead letter catalog.events.v1.DLT-0@1 of settlement's consumers");
    }

    @Test
    void replaysEachAndPrintsWhatTheServiceDidWithIt() {
        int exit = command(settings(url(), url())).run("settlement", List.of("replay", "usage.rated.v1.DLT-1@3",
                "usage.rated.v1.DLT-0@7", "usage.rated.v1.DLT-0@99", "order.events.v1.DLT-0@0"));

        assertThat(printed().lines()).containsExactly(
                "usage.rated.v1.DLT-1@3  REPLAYED to usage.rated.v1-1@120",
                "usage.rated.v1.DLT-0@7  ALREADY_REPLAYED at 2026-12-06T08:00:00Z by olga (not sent again)",
                "usage.rated.v1.DLT-0@99  NOT FOUND: no such dead letter of settlement's consumers",
                "order.events.v1.DLT-0@0  NOT REPLAYED: Dead letter order.events.v1.DLT-0@0 is not a CloudEvent");
        assertThat(exit).as("a dead letter was not replayed").isEqualTo(1);
        assertThat(REQUESTS).contains("POST " + BASE + "/usage.rated.v1.DLT/1/3/replay");
    }

    @Test
    void saysWhenThePlatformIsNotRunningOrTheServiceNotReachable() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        int noKeycloak = command(settings(url(), closed)).run("settlement", List.of("list"));
        int noService = command(settings(url(), url())).run("dispute", List.of("list"));

        assertThat(noKeycloak).isEqualTo(1);
        assertThat(noService).isEqualTo(1);
        assertThat(printed()).contains("Keycloak does not answer at " + closed + " (ConnectException): is ./accord up"
                        + " running?",
                "the gateway cannot reach dispute (503: The service is not available); is it up? ./accord status"
                        + " dispute");
    }

    @Test
    void refusesAnUnknownServiceAnIdThatIsNoneAndAWrongPassword() {
        int unknown = command(settings(url(), url())).run("billing", List.of("list"));
        int malformed = command(settings(url(), url())).run("settlement", List.of("replay", "usage.rated.v1.DLT@3"));
        var wrongPassword = new OpsApi.Settings(URI.create(url()), URI.create(url()
                + "/realms/accord/protocol/openid-connect/token"), "accord-cli", "ops", "guess");
        int refused = command(wrongPassword).run("settlement", List.of("list"));

        assertThat(unknown).isEqualTo(2);
        assertThat(malformed).isEqualTo(2);
        assertThat(refused).isEqualTo(1);
        assertThat(printed()).contains(
                "unknown service billing; services: partner-onboarding, catalog, orchestration, rating, settlement,"
                        + " dispute",
                "not a dead letter id: usage.rated.v1.DLT@3",
                "login of ops (client accord-cli) at " + url() + "/realms/accord/protocol/openid-connect/token"
                        + " failed: Invalid user credentials");
        assertThat(DeadLettersCommand.apiBasePath("partner-onboarding")).contains("/api/onboarding");
        assertThat(DeadLettersCommand.apiBasePath("dispute")).contains("/api/disputes");
    }

    private DeadLettersCommand command(OpsApi.Settings settings) {
        return new DeadLettersCommand(new OpsApi(settings), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** As {@code ./accord} runs it, but with the stand-in's addresses: the user, password and client are defaults. */
    private static OpsApi.Settings settings(String gateway, String keycloak) {
        return OpsApi.Settings.from(PlatformConfig.defaults(projectRoot()),
                Map.of(OpsApi.Settings.GATEWAY, gateway, OpsApi.Settings.KEYCLOAK, keycloak + "/"));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String url() {
        return "http://127.0.0.1:" + platform.getAddress().getPort();
    }

    private static void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        REQUESTS.add("login " + form.get("username") + "/" + form.get("password") + " client " + form.get("client_id"));
        boolean valid = "password".equals(form.get("grant_type")) && "accord-cli".equals(form.get("client_id"))
                && "ops".equals(form.get("username")) && "ops-dev".equals(form.get("password"));
        answer(exchange, valid ? 200 : 401, valid ? Map.of("access_token", TOKEN, "token_type", "Bearer")
                : Map.of("error", "invalid_grant", "error_description", "Invalid user credentials"));
    }

    /** The gateway and settlement behind it (dispute's route answers 503, as when the service is down). */
    private static void gateway(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        REQUESTS.add(exchange.getRequestMethod() + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, problem(401, "A valid bearer token is required."));
        } else if (path.startsWith("/api/disputes/")) {
            answer(exchange, 503, problem(503, "The service is not available"));
        } else if (path.equals(BASE) && exchange.getRequestMethod().equals("GET")) {
            list(exchange, parameters(uri.getRawQuery()));
        } else if (path.startsWith(BASE + "/") && path.endsWith("/replay")) {
            replay(exchange, path.substring(BASE.length() + 1, path.length() - "/replay".length()));
        } else {
            answer(exchange, 404, problem(404, "No such resource"));
        }
    }

    /** Pages of two, whatever the limit: the command must follow X-Total-Count. */
    private static void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        String topic = query.get("topic");
        if (topic != null && !topic.equals("usage.rated.v1.DLT") && !topic.equals("order.events.v1.DLT")) {
            answer(exchange, 400, problem(400, "'" + topic + "' is not a dead-letter topic of this service's consumers"));
            return;
        }
        boolean payload = "true".equals(query.get("payload"));
        List<Map<String, Object>> all = new ArrayList<>(List.of(
                letter("usage.rated.v1.DLT", 0, 7, NOW.minus(Duration.ofDays(2)), "sub-1", "java.lang.IllegalStateException",
                        "no rate for\n offering 42", "SENT", payload),
                letter("usage.rated.v1.DLT", 1, 3, NOW.minus(Duration.ofHours(3)), "sub-2",
                        "org.springframework.dao.DataIntegrityViolationException", "Listener method 'void"
                                + " io.accord.settlement.Usage.on(java.util.List<java.lang.String>)' threw exception;"
                                + " duplicate key", null, payload),
                letter("order.events.v1.DLT", 0, 0, NOW.minusSeconds(30), "order-9", "java.lang.IllegalArgumentException",
                        "no such product", null, payload)));
        all.removeIf(letter -> topic != null && !letter.get("topic").equals(topic));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        exchange.getResponseHeaders().set("X-Total-Count", String.valueOf(all.size()));
        answer(exchange, 200, all.subList(Math.min(offset, all.size()), Math.min(offset + 2, all.size())));
    }

    private static void replay(HttpExchange exchange, String id) throws IOException {
        switch (id) {
            case "usage.rated.v1.DLT/1/3" -> answer(exchange, 200, Map.of("deadLetter", "usage.rated.v1.DLT-1@3",
                    "outcome", "REPLAYED", "replayedTo", "usage.rated.v1-1@120", "replayedAt", NOW.toString(),
                    "replayedBy", "ops"));
            case "usage.rated.v1.DLT/0/7" -> answer(exchange, 200, Map.of("deadLetter", "usage.rated.v1.DLT-0@7",
                    "outcome", "ALREADY_REPLAYED", "replayedTo", "usage.rated.v1-0@80",
                    "replayedAt", "2026-12-06T08:00:00Z", "replayedBy", "olga"));
            case "order.events.v1.DLT/0/0" -> answer(exchange, 409,
                    problem(409, "Dead letter order.events.v1.DLT-0@0 is not a CloudEvent"));
            default -> answer(exchange, 404, problem(404, "Dead letter of this service's consumers "
                    + id + " not found"));
        }
    }

    private static Map<String, Object> letter(String topic, int partition, long offset, Instant at, String key,
                                              String exception, String message, String replayState, boolean payload) {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("topic", topic);
        letter.put("partition", partition);
        letter.put("offset", offset);
        letter.put("timestamp", at.toString());
        letter.put("key", key);
        letter.put("originalTopic", topic.replace(".DLT", ""));
        letter.put("originalPartition", partition);
        letter.put("originalOffset", offset + 100);
        letter.put("consumerGroup", "settlement");
        letter.put("exception", exception);
        letter.put("message", message);
        letter.put("replayState", replayState);
        if (payload) {
            letter.put("payload", "{\"orderId\":\"" + key + "\"}");
        }
        return letter;
    }

    private static Map<String, Object> problem(int status, String detail) {
        return Map.of("type", "https://accord.dev/problems/x", "title", "T", "status", status, "detail", detail);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        try (exchange) {
            byte[] json = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    private static Map<String, String> parameters(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(directory.resolve("accord"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
