package io.accord.orchestration.activation;

import io.accord.platform.outbound.OutboundProperties;
import io.accord.platform.outbound.OutboundTargets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a partner reads of a webhook call that got no answer: words, never this network's addresses. */
class WebhookClientTests {

    private static final ActivationProperties PROPERTIES = new ActivationProperties("unused",
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1), "http://localhost:8080");

    @Test
    void aClosedPortIsAConnectionRefusedNotAnExceptionsName() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WebhookClient client = new WebhookClient(PROPERTIES, new OutboundTargets(new OutboundProperties(true, true)),
                Clock.systemUTC());

        WebhookClient.Reply reply = client.post("http://127.0.0.1:" + closed + "/activate", "secret", "step-1", "{}");

        assertThat(reply.status()).isEmpty();
        assertThat(reply.failure()).isEqualTo("connection refused");
    }

    @Test
    void aPrivateAddressIsRefusedWithoutNamingWhatItResolvesTo() {
        WebhookClient client = new WebhookClient(PROPERTIES, new OutboundTargets(new OutboundProperties(false,
                false)), Clock.systemUTC());

        WebhookClient.Reply reply = client.post("https://10.1.2.3/activate", "secret", "step-1", "{}");

        assertThat(reply.failure()).isEqualTo(OutboundTargets.Refusal.NOT_PUBLIC).doesNotContain("10.1.2.3");
    }
}
