package io.accord.orchestration.activation;

import io.accord.platform.outbound.OutboundTargets;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed JSON POSTs to partners' webhooks, each after {@link OutboundTargets#refusal} found the host public (or
 * private addresses are allowed, in development). {@value #TIMESTAMP_HEADER} carries the Unix time in seconds and
 * {@value #SIGNATURE_HEADER} {@code sha256=<hex>}: HMAC-SHA256 with the partner's secret over
 * {@code timestamp + "." + body}. A partner checks it and refuses old timestamps (replays).
 */
@Component
class WebhookClient {

    static final String SIGNATURE_HEADER = "X-Accord-Signature";
    static final String TIMESTAMP_HEADER = "X-Accord-Timestamp";
    static final String STEP_HEADER = "X-Accord-Step-Id";

    /** A partner's answer; empty status when there was none (connection failure, timeout). */
    record Reply(Optional<Integer> status, String body, String failure) {
    }

    private final HttpClient http;
    private final ActivationProperties properties;
    private final OutboundTargets targets;
    private final Clock clock;

    WebhookClient(ActivationProperties properties, OutboundTargets targets, Clock clock) {
        this.properties = properties;
        this.targets = targets;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Reply post(String url, String secret, String stepId, String body) {
        URI target = URI.create(url);
        Optional<String> refused = targets.refusal(target);
        if (refused.isPresent()) {
            return new Reply(Optional.empty(), null, refused.get());
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp, body))
                .header(STEP_HEADER, stepId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(Optional.of(response.statusCode()), response.body(), null);
        } catch (IOException unreachable) {
            return new Reply(Optional.empty(), null, unreachable.getClass().getSimpleName() + ": "
                    + unreachable.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Reply(Optional.empty(), null, "interrupted");
        }
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
