package io.accord.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Connections that start a request with a large body, send its first bytes and then nothing more, as a client on a
 * very slow link would: the server is left waiting for the rest until they are closed.
 */
public final class SlowClients implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();

    private SlowClients() {
    }

    /**
     * Opens {@code count} connections to {@code localhost:port}, each sending {@code POST path} with a JSON body
     * announced as 100,000 bytes of which only the first few are sent.
     *
     * @param headers the extra header lines of the i-th connection (each ending in CRLF), e.g. a token for some
     */
    public static SlowClients posting(int port, String path, int count, IntFunction<String> headers) {
        SlowClients clients = new SlowClients();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket("localhost", port);
                clients.sockets.add(socket);
                send(socket, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers.apply(i)
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"text\": \"");
            }
            // one more byte each once all are open: every connection has sent part of its body
            for (Socket socket : clients.sockets) {
                send(socket, "a");
            }
            return clients;
        } catch (IOException e) {
            clients.close();
            throw new UncheckedIOException("could not open slow client " + (clients.sockets.size()) + " of " + count,
                    e);
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the test is over with this connection either way
            }
        }
    }
}
