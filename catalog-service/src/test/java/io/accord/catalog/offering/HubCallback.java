package io.accord.catalog.offering;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A partner's real TMF listener: the JDK's HTTP server on a free loopback port, recording every delivery. */
final class HubCallback implements AutoCloseable {

    /** One delivery: the signature headers and the raw body, as a partner would verify them. */
    record Delivery(String timestamp, String signature, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();

    HubCallback() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                var headers = exchange.getRequestHeaders();
                received.add(new Delivery(headers.getFirst("X-Accord-Timestamp".toLowerCase(Locale.ROOT)),
                        headers.getFirst("X-Accord-Signature"), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tmf/listener";
    }

    List<Delivery> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
