package io.accord.platform.hub;

import io.accord.platform.outbound.OutboundProperties;
import io.accord.platform.outbound.OutboundTargets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a subscriber reads of a failed delivery ({@code lastError}) is a readable reason without this network's
 * facts, and the log gets the detail: against real sockets and HTTP servers on this machine.
 */
class CallbackClientTests {

    private static final HubProperties PROPERTIES = new HubProperties(List.of(), Duration.ofMillis(500), 20,
            Duration.ofSeconds(2), Duration.ofMillis(300), 8, Duration.ofSeconds(5), Duration.ofMinutes(15), 20,
            Duration.ofDays(7), Duration.ofHours(1), Duration.ZERO, 20);

    private final CallbackClient development = new CallbackClient(PROPERTIES,
            new OutboundTargets(new OutboundProperties(true, false)), Clock.systemUTC());
    private final CallbackClient production = new CallbackClient(PROPERTIES,
            new OutboundTargets(new OutboundProperties(false, false)), Clock.systemUTC());

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        CallbackClient.Failure failure = post(development, "http://127.0.0.1:" + closed + "/listener").orElseThrow();

        assertThat(failure.reason()).isEqualTo("connection refused");
        assertThat(failure.detail()).contains("ConnectException");
    }

    @Test
    void aCallbackThatNeverAnswersTimesOutAfterTheRequestTimeout() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // reads nothing, answers nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });

            CallbackClient.Failure failure = post(development, "http://127.0.0.1:" + silent.getLocalPort() + "/x")
                    .orElseThrow();

            assertThat(failure.reason()).isEqualTo("no answer within 300 ms (request timeout)");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aServerErrorNamesTheStatus() {
        try (CallbackServer callback = CallbackServer.answering(request -> 500)) {
            assertThat(post(development, callback.url())).get().extracting(CallbackClient.Failure::reason)
                    .isEqualTo("HTTP 500 from the callback");
        }
        try (CallbackServer callback = CallbackServer.accepting()) {
            assertThat(post(development, callback.url())).isEmpty();
        }
    }

    @Test
    void aHostThatCannotBeResolvedWhenConnectingSaysSoNotConnectionRefused() {
        // development skips the check that resolves the host first: the HTTP client meets the unknown name itself
        CallbackClient.Failure failure = post(development, "http://no-such-host.invalid/listener").orElseThrow();

        assertThat(failure.reason()).isEqualTo("the callback's host cannot be resolved");
    }

    @Test
    void aRefusedAddressTellsTheSubscriberNothingOfTheNetworkAndTheLogEverything() {
        CallbackClient.Failure internal = post(production, "https://localhost.:8443/listener").orElseThrow();
        assertThat(internal.reason()).isEqualTo("the callback's address is not a public address");
        assertThat(internal.detail()).contains("localhost");

        CallbackClient.Failure unknown = post(production, "https://no-such-host.invalid/listener").orElseThrow();
        assertThat(unknown.reason()).isEqualTo("the callback's host cannot be resolved");
        assertThat(unknown.detail()).contains("no-such-host.invalid");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(CallbackClient.readable(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(CallbackClient.readable(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(CallbackClient.readable(Duration.ofMillis(250))).isEqualTo("250 ms");
    }

    private static Optional<CallbackClient.Failure> post(CallbackClient client, String callback) {
        return client.post(callback, "secret", UUID.randomUUID(), UUID.randomUUID(), "{\"eventType\":\"X\"}");
    }
}
