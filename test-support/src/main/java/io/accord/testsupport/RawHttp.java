package io.accord.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client sends: malformed paths ({@code %zz}, {@code %00}),
 * oversized request lines and headers. Sends one request with {@code Connection: close} and reads the whole answer.
 */
public final class RawHttp {

    /** Paths that servers and firewalls refuse before any controller runs; each must still answer problem+json. */
    public static final List<String> MALFORMED_PATHS = List.of(
            "/api/things/%00", "/api/things/a%00b", "/api/things/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/api/things/%2e%2e/%2e%2e/etc/passwd", "/api/things/..%2f..%2f", "/api/things/%zz", "/api/things/%",
            "/api/things/%e", "/api/things/%c0%ae%c0%ae/", "/api/things/%ff%fe", "/api/things/%2F",
            "/api/things/%5C", "/api/things/a%5cb", "//api/things/1", "/api//things/1", "/api/things/1;x=y",
            "/api;/things/1", "/api/things/..;/..;/actuator", "/api/things/%3B", "/api/things/%25",
            "/api/things/%0d%0aSet-Cookie:x=y", "/api/things/%09", "/api/../actuator/env", "/api/things/./1",
            "/api/things/1/..", "/api/things/" + "9".repeat(2_000), "/api/things/\\..\\", "/api/things/|",
            "/api/things/{id}", "/api/things/[1]", "/api/things/<script>", "/api/things/1?%zz=1", "/api/things/1?a=%",
            "/api/things/1#frag", "/api/things/%u002e", "*", "/%2e", "/;");

    /** {@link #MALFORMED_PATHS} with {@code /api/things} replaced by a real route (a gateway's, say). */
    public static List<String> malformedPathsUnder(String route) {
        return MALFORMED_PATHS.stream().map(path -> path.replace("/api/things", route)).toList();
    }

    private final String host;
    private final int port;

    public RawHttp(int port) {
        this("localhost", port);
    }

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public record Response(String statusLine, int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return statusLine + " " + headers + " " + body;
        }
    }

    /** {@code GET <target>} with the given extra header lines (e.g. {@code Authorization: Bearer ...}). */
    public Response get(String target, String... headerLines) {
        return send("GET " + target + " HTTP/1.1", headerLines);
    }

    public Response send(String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Accept: */*\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + requestLine.substring(0, Math.min(200, requestLine.length())), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int read; (read = in.read(chunk)) != -1; ) {
                buffer.write(chunk, 0, read);
            }
        } catch (java.net.SocketException reset) {
            // the server may reset after answering a request it refused to read in full
            if (buffer.size() == 0) {
                throw reset;
            }
        }
        return buffer.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        String[] status = lines[0].split(" ", 3);
        return new Response(lines[0], Integer.parseInt(status[1]), headers, body);
    }

    private static String unchunked(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
