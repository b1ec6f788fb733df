package io.accord.portal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for the API gateway (and Keycloak's token endpoint) in the portal's controller
 * tests: answers what a test told it per method and path, records every request it got.
 */
public final class StubGateway {

    public static final StubGateway INSTANCE = start();

    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    public record Request(String method, String path, String query, String authorization, String accept,
                          String body) {
    }

    /** A request with all its headers, for an answer computed from it ({@link #respond}). */
    public record Exchange(Request request, com.sun.net.httpserver.Headers headers) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<Exchange, Answer>> responders = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, com.sun.net.httpserver.Headers>> requestHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> heldMidway = new ConcurrentHashMap<>();

    private StubGateway(HttpServer server) {
        this.server = server;
    }

    private static StubGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubGateway stub = new StubGateway(server);
            server.createContext("/", stub::handle);
            // a held answer (hold) must not hold up the others
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub gateway", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        held.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        held.clear();
        heldMidway.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        heldMidway.clear();
        answers.clear();
        responders.clear();
        requests.clear();
        requestHeaders.clear();
    }

    public void answerJson(String method, String path, String json) {
        answerJson(method, path, 200, json, Map.of());
    }

    public void answerJson(String method, String path, int status, String json, Map<String, String> headers) {
        answers.put(method + " " + path, new Answer(status, status >= 400 ? "application/problem+json"
                : "application/json", json.getBytes(StandardCharsets.UTF_8), headers));
    }

    public void answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
    }

    /**
     * Answers each request to this method and path with what {@code responder} makes of it: a resource that changes
     * as the test's requests change it (e.g. a version that a stale If-Match does not match).
     */
    public void respond(String method, String path, java.util.function.Function<Exchange, Answer> responder) {
        responders.put(method + " " + path, responder);
    }

    /**
     * Takes requests to this method and path and answers none of them until the returned latch is counted down (or
     * 60 s have passed), as a server that stopped answering: for the caller's read timeout.
     */
    public java.util.concurrent.CountDownLatch hold(String method, String path) {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        held.put(method + " " + path, release);
        return release;
    }

    /**
     * Answers requests to this method and path with the first half of the answer's body, then sends the rest only
     * once the returned latch is counted down (or 60 s have passed): a large file on its way.
     */
    public java.util.concurrent.CountDownLatch holdMidway(String method, String path) {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        heldMidway.put(method + " " + path, release);
        return release;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** A header of the first request to this method and path ({@code null} when there was none). */
    public String header(String method, String path, String name) {
        return requestHeaders.stream().filter(entry -> entry.getKey().equals(method + " " + path)).findFirst()
                .map(entry -> entry.getValue().getFirst(name)).orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Request request = new Request(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept"), body);
            requests.add(request);
            requestHeaders.add(Map.entry(method + " " + path, exchange.getRequestHeaders()));
            java.util.concurrent.CountDownLatch release = held.get(method + " " + path);
            if (release != null) {
                await(release);
            }
            java.util.function.Function<Exchange, Answer> responder = responders.get(method + " " + path);
            Answer answer = responder != null ? responder.apply(new Exchange(request, exchange.getRequestHeaders()))
                    : answers.getOrDefault(method + " " + path, new Answer(404, "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404}".getBytes(StandardCharsets.UTF_8), Map.of()));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            java.util.concurrent.CountDownLatch rest = heldMidway.get(method + " " + path);
            if (rest != null && answer.body().length > 1) {
                int half = answer.body().length / 2;
                exchange.getResponseBody().write(answer.body(), 0, half);
                exchange.getResponseBody().flush();
                await(rest);
                exchange.getResponseBody().write(answer.body(), half, answer.body().length - half);
            } else if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    private static void await(java.util.concurrent.CountDownLatch release) {
        try {
            release.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
