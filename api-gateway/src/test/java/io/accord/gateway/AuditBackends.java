package io.accord.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP servers standing in for the six services' audit endpoints ({@code GET <api-base-path>/audit}), each
 * with a canned trail, newest first, and their hash-chain checks ({@code GET <api-base-path>/audit/verification}). Like the services they answer the slice {@code [offset, offset + limit)} with
 * {@code X-Total-Count}, and their CSV exports ({@code GET <api-base-path>/audit/export}, the whole trail); every
 * other path is 404. A backend can be stopped (connections refused), made to fail
 * (500) or to hang, and every request it received is recorded.
 */
final class AuditBackends {

    static final Map<String, String> API_BASE_PATHS = Map.of("onboarding", "/api/onboarding", "catalog",
            "/api/catalog", "orchestration", "/api/orchestration", "rating", "/api/rating", "settlement",
            "/api/settlement", "dispute", "/api/disputes");

    /** The canned trails: occurredAt interleaves the services, with ties across services and within one. */
    static final Map<String, List<Map<String, Object>>> TRAILS = Map.of(
            "onboarding", List.of(entry(3, "10:00:09"), entry(2, "10:00:05"), entry(1, "10:00:01")),
            "catalog", List.of(entry(2, "10:00:08"), entry(1, "10:00:05")),
            "orchestration", List.of(entry(1, "10:00:07")),
            "rating", List.of(entry(5, "10:00:06"), entry(4, "10:00:06")),
            "settlement", List.of(entry(1, "10:00:03")),
            "dispute", List.of(entry(1, "10:00:02")));

    enum Mode { ANSWER, FAIL, HANG }

    static final List<String> EXPORT_COLUMNS = List.of("service", "id", "occurredAt", "actor", "actorId",
            "partnerId", "resourceType", "resourceId", "action", "before", "after", "correlationId");

    /** What {@code GET <api-base-path>/audit/export} answers, per service; its canned trail when not set. */
    static final Map<String, String> EXPORTS = new ConcurrentHashMap<>();

    /** What {@code GET <api-base-path>/audit/verification} answers, per service; a whole chain when not set. */
    static final Map<String, Map<String, Object>> VERIFICATIONS = new ConcurrentHashMap<>();

    record Received(String service, String path, String rawQuery, String authorization, String correlationId) {
    }

    private static final JsonMapper JSON = new JsonMapper();
    private static final Map<String, HttpServer> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    private static final Map<String, Mode> MODES = new ConcurrentHashMap<>();
    private static final Queue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    private static volatile CountDownLatch hanging = new CountDownLatch(1);

    private AuditBackends() {
    }

    static URI uri(String service) {
        RUNNING.computeIfAbsent(service, name -> start(name, 0));
        return URI.create("http://127.0.0.1:" + PORTS.get(service));
    }

    /** Stops the backend: connections to its address are refused until {@link #reset()}. */
    static void stop(String service) {
        HttpServer server = RUNNING.remove(service);
        if (server != null) {
            server.stop(0);
        }
    }

    static void set(String service, Mode mode) {
        MODES.put(service, mode);
    }

    static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    /** Every backend running again on its port and answering; hanging requests released; nothing received. */
    static void reset() {
        hanging.countDown();
        hanging = new CountDownLatch(1);
        MODES.clear();
        VERIFICATIONS.clear();
        EXPORTS.clear();
        PORTS.keySet().forEach(service -> RUNNING.computeIfAbsent(service, name -> start(name, PORTS.get(name))));
        RECEIVED.clear();
    }

    private static Map<String, Object> entry(long id, String time) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("occurredAt", "2025-03-01T" + time + "Z");
        entry.put("actor", "staff-" + id);
        entry.put("partnerId", "6f1c7f1e-1f3a-4c55-9d55-3a0c8e0b7c11");
        entry.put("resourceType", "partner");
        entry.put("resourceId", "res-" + id);
        entry.put("action", "updated");
        entry.put("before", Map.of("status", "OLD"));
        // keys in a fixed order (Map.of iterates in a per-JVM order): the export passes the JSON text through as written
        entry.put("after", new java.util.TreeMap<>(Map.of("status", "NEW", "version", id)));
        entry.put("correlationId", "corr-" + id);
        return entry;
    }

    private static HttpServer start(String service, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            PORTS.put(service, server.getAddress().getPort());
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            RECEIVED.add(new Received(service, uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
            Mode mode = MODES.getOrDefault(service, Mode.ANSWER);
            if (mode == Mode.HANG) {
                awaitRelease();
            }
            if (mode == Mode.ANSWER && uri.getRawPath().equals(API_BASE_PATHS.get(service) + "/audit/verification")) {
                send(exchange, JSON.writeValueAsString(VERIFICATIONS.getOrDefault(service, verified(service))));
                return;
            }
            if (mode == Mode.ANSWER && uri.getRawPath().equals(API_BASE_PATHS.get(service) + "/audit/export")) {
                sendCsv(exchange, EXPORTS.getOrDefault(service, export(service)));
                return;
            }
            if (mode == Mode.FAIL || !uri.getRawPath().equals(API_BASE_PATHS.get(service) + "/audit")) {
                exchange.sendResponseHeaders(mode == Mode.FAIL ? 500 : 404, -1);
                return;
            }
            List<Map<String, Object>> trail = TRAILS.get(service);
            Map<String, String> query = query(uri.getRawQuery());
            int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
            var slice = trail.subList(Math.min(offset, trail.size()), Math.min(offset + limit, trail.size()));
            exchange.getResponseHeaders().set("X-Total-Count", Integer.toString(trail.size()));
            send(exchange, JSON.writeValueAsString(slice));
        }
    }

    /**
     * The service's canned trail as its export writes it: the starter's columns, its own name (not the gateway's) in
     * the first, texts guarded and quoted as {@code CsvCells} does, before and after as JSON text, CRLF line ends.
     */
    static String export(String service) {
        StringBuilder csv = new StringBuilder(String.join(",", EXPORT_COLUMNS)).append("\r\n");
        for (Map<String, Object> entry : TRAILS.get(service)) {
            csv.append(String.join(",", service + "-service", entry.get("id").toString(),
                    entry.get("occurredAt").toString(), cell(entry.get("actor")), "",
                    cell(entry.get("partnerId")), cell(entry.get("resourceType")), cell(entry.get("resourceId")),
                    cell(entry.get("action")), cell(JSON.writeValueAsString(entry.get("before"))),
                    cell(JSON.writeValueAsString(entry.get("after"))), cell(entry.get("correlationId"))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static void sendCsv(HttpExchange exchange, String body) throws IOException {
        byte[] csv = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/csv;charset=UTF-8");
        // chunked, as the services stream it
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(csv);
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
    }

    /** A whole chain as long as the service's canned trail. */
    private static Map<String, Object> verified(String service) {
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("verified", true);
        verification.put("entries", TRAILS.get(service).size());
        verification.put("firstBrokenEntryId", null);
        verification.put("reason", null);
        verification.put("headPosition", TRAILS.get(service).size());
        verification.put("headHash", HexFormat.of().formatHex(service.getBytes(StandardCharsets.UTF_8))
                .concat("0".repeat(64)).substring(0, 64));
        return verification;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
        }
        return parameters;
    }

    private static void awaitRelease() {
        try {
            hanging.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
