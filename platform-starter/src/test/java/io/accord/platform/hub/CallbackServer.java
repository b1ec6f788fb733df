package io.accord.platform.hub;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * A real HTTP endpoint on a free loopback port (the JDK's {@link HttpServer}) that records every request a hub
 * delivers and answers with the status {@code answer} picks for the n-th request (1-based).
 */
final class CallbackServer implements AutoCloseable {

    /** One received request: its headers (lower-case names, first value) and its raw body. */
    record Received(Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator answer;

    private CallbackServer(IntUnaryOperator answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(header -> header.getKey().toLowerCase(java.util.Locale.ROOT),
                                header -> header.getValue().getFirst(), (first, second) -> first));
                received.add(new Received(headers, body));
                exchange.sendResponseHeaders(this.answer.applyAsInt(count.incrementAndGet()), -1);
            }
        });
        server.start();
    }

    /** Answers 200 to everything. */
    static CallbackServer accepting() {
        return answering(request -> 200);
    }

    static CallbackServer answering(IntUnaryOperator answer) {
        return new CallbackServer(answer);
    }

    /** From now on, answer like this. */
    void answer(IntUnaryOperator answer) {
        this.answer = answer;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/listener";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
