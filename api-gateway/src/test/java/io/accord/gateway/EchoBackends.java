package io.accord.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP servers standing in for the services: each answers with what it received (its own name, method, path
 * with query, Authorization, X-Correlation-Id, and every header under {@code headers} with its name in lower case)
 * so a test sees exactly what the gateway forwarded. A path ending in {@code /slow} is held until
 * {@link #releaseSlowRequests()}, a request with {@code X-Echo-Delay-Millis} is answered that late (a service busy
 * committing a bulk write), and {@code /v3/api-docs} returns a large OpenAPI document whose server is the
 * backend's own address. A path ending in {@code /versioned} answers conditional requests ({@link #conditional}).
 */
final class EchoBackends {

    static final String[] SERVICES = {"onboarding", "catalog", "orchestration", "rating", "settlement", "dispute"};

    private static final Map<String, HttpServer> RUNNING = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = new JsonMapper();
    /** The entity tag of every {@code /versioned} resource. */
    static final String VERSIONED_ETAG = "\"7\"";
    private static volatile CountDownLatch slowRequests = new CountDownLatch(1);

    private EchoBackends() {
    }

    static URI uri(String service) {
        HttpServer server = RUNNING.computeIfAbsent(service, EchoBackends::start);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An address nothing listens on: connections to it are refused. */
    static URI down() {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void releaseSlowRequests() {
        slowRequests.countDown();
        slowRequests = new CountDownLatch(1);
    }

    private static HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> answer(service, server, exchange));
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String service, HttpServer server, HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            if (uri.getPath().endsWith("/slow")) {
                awaitRelease();
            }
            String delay = exchange.getRequestHeaders().getFirst("X-Echo-Delay-Millis");
            if (delay != null) {
                answerLate(Long.parseLong(delay));
            }
            if (uri.getPath().endsWith("/versioned") && conditional(exchange)) {
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (uri.getPath().equals("/v3/api-docs")) {
                body.put("openapi", "3.1.0");
                body.put("info", Map.of("title", service, "version", "1"));
                body.put("servers", new Object[] {Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort())});
                // TMF documents are large: bigger than the default 256 KB codec buffer
                body.put("x-size", "x".repeat(600_000));
            }
            else {
                body.put("backend", service);
                body.put("method", exchange.getRequestMethod());
                body.put("path", uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery());
                body.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                body.put("correlationId", exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
                body.put("headers", headers);
            }
            byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Total-Count", "1");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    /**
     * A path ending in {@code /versioned} is a resource at ETag {@code "7"}, as a service's TMF resource answers:
     * 304 without a body when If-None-Match names it, 412 problem+json when If-Match names another version.
     *
     * @return whether the answer was given here
     */
    private static boolean conditional(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("ETag", VERSIONED_ETAG);
        if (VERSIONED_ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return true;
        }
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null && !ifMatch.equals(VERSIONED_ETAG)) {
            byte[] problem = "{\"status\":412,\"title\":\"Precondition Failed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(412, problem.length);
            exchange.getResponseBody().write(problem);
            return true;
        }
        return false;
    }

    private static void answerLate(long millis) {
        try {
            new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitRelease() {
        try {
            slowRequests.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
