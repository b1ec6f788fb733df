package io.accord.orchestration.activation;

import io.accord.platform.outbound.OutboundFailures;
import io.accord.platform.outbound.OutboundTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Signed JSON POSTs to partners' webhooks, each after {@link OutboundTargets#refuse} found the host public (or
 * private addresses are allowed, in development). A refusal or a failure before an answer is told to the partner
 * in words ({@link OutboundFailures}), never with this network's addresses; the log keeps the detail. {@value #TIMESTAMP_HEADER} carries the Unix time in seconds and
 * {@value #SIGNATURE_HEADER} {@code sha256=<hex>}: HMAC-SHA256 with the partner's secret over
 * {@code timestamp + "." + body}. A partner checks it and refuses old timestamps (replays).
 */
@Component
class WebhookClient {

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);

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
        Optional<OutboundTargets.Refusal> refused = targets.refuse(target);
        if (refused.isPresent()) {
            // the partner reads the step's reason: never this network's addresses, which the log keeps
            log.warn("Activation webhook of step {} refused: {}", stepId, refused.get().detail());
            return new Reply(Optional.empty(), null, refused.get().reason());
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
            log.warn("Activation webhook of step {} failed: {}", stepId, OutboundFailures.describe(unreachable));
            return new Reply(Optional.empty(), null, OutboundFailures.reason(unreachable,
                    properties.connectTimeout(), properties.requestTimeout()));
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
