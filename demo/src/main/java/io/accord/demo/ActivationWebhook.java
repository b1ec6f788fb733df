package io.accord.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OTT partner's activation system, served by the demo (JDK HttpServer on the loopback address): checks the
 * {@code X-Accord-Signature} HMAC over {@code timestamp + "." + body} with the secret of the registration, and
 * answers {@code {"status": "ACTIVATED"}} (docs/orchestration-saga.md, "Webhook signing").
 */
final class ActivationWebhook implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> secret = new AtomicReference<>();
    private final AtomicInteger activations = new AtomicInteger();
    private final AtomicReference<String> problem = new AtomicReference<>();

    private ActivationWebhook(HttpServer server) {
        this.server = server;
    }

    static ActivationWebhook start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ActivationWebhook webhook = new ActivationWebhook(server);
        server.createContext("/activations", webhook::handle);
        server.start();
        return webhook;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/activations";
    }

    void secret(String value) {
        secret.set(value);
    }

    int activations() {
        return activations.get();
    }

    String problem() {
        return problem.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Accord-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Accord-Signature");
            String key = secret.get();
            if (key == null || timestamp == null || signature == null
                    || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                    ("sha256=" + hmac(key, timestamp + "." + new String(body, StandardCharsets.UTF_8)))
                            .getBytes(StandardCharsets.US_ASCII))) {
                problem.set("a request with a wrong or missing signature: " + signature);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.contains("\"ACTIVATE\"")) {
                activations.incrementAndGet();
            }
            byte[] answer = "{\"status\": \"ACTIVATED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
