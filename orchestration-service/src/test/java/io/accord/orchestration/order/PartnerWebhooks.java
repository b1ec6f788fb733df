package io.accord.orchestration.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback interface standing in for partners' activation systems: each partner's
 * webhook is {@code /partners/<partnerId>}; it records every request (as JSON, and as received with its signature
 * headers) and answers what the test scripted (one answer after the other, the last repeating; none scripted:
 * {@code 200 ACTIVATED}).
 */
final class PartnerWebhooks implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String body) {
    }

    /** A request as the partner received it: the signature headers and the exact body. */
    record Signed(String timestamp, String signature, String stepId, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private final Map<String, List<Signed>> signed = new ConcurrentHashMap<>();

    PartnerWebhooks() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/partners/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String urlOf(String partnerId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/partners/" + partnerId;
    }

    void answers(String partnerId, Answer... scripted) {
        answers.put(partnerId, List.of(scripted));
    }

    List<JsonNode> received(String partnerId) {
        return List.copyOf(received.getOrDefault(partnerId, List.of()));
    }

    List<Signed> signed(String partnerId) {
        return List.copyOf(signed.getOrDefault(partnerId, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String partnerId = exchange.getRequestURI().getPath().substring("/partners/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<JsonNode> log = received.computeIfAbsent(partnerId, id -> Collections.synchronizedList(new ArrayList<>()));
        signed.computeIfAbsent(partnerId, id -> Collections.synchronizedList(new ArrayList<>())).add(new Signed(
                exchange.getRequestHeaders().getFirst("X-Accord-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Accord-Signature"),
                exchange.getRequestHeaders().getFirst("X-Accord-Step-Id"), body));
        log.add(JSON.readTree(body));
        List<Answer> script = answers.getOrDefault(partnerId, List.of(new Answer(200, "{\"status\":\"ACTIVATED\"}")));
        Answer answer = script.get(Math.min(log.size() - 1, script.size() - 1));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
