package io.accord.platform.hub;

import io.accord.platform.outbound.OutboundTargets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one delivery to a callback with the JDK's HTTP client, after {@link OutboundTargets#refusal} found its
 * host public (or private addresses are allowed): signed ({@link HubSignature}), no redirects followed,
 * the whole exchange bounded by the connect plus request timeout. Any 2xx is a delivery; everything else, a
 * failure described in one line.
 */
class CallbackClient {

    private static final int MAX_ERROR = 500;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration total;
    private final Clock clock;
    private final OutboundTargets targets;

    CallbackClient(HubProperties properties, OutboundTargets targets, Clock clock) {
        this.targets = targets;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                // its own threads: a service keeping the common pool busy must not hold up deliveries
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.requestTimeout = properties.requestTimeout();
        this.total = properties.connectTimeout().plus(properties.requestTimeout());
        this.clock = clock;
    }

    /** Empty when delivered, else why not. */
    Optional<String> post(String callback, String secret, UUID deliveryId, UUID eventId, String payload) {
        URI target = URI.create(callback);
        Optional<String> refused = targets.refusal(target);
        if (refused.isPresent()) {
            return refused;
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Accord-Event-Hub")
                .header(HubSignature.EVENT_ID_HEADER, eventId.toString())
                .header(HubSignature.DELIVERY_ID_HEADER, deliveryId.toString())
                .header(HubSignature.TIMESTAMP_HEADER, timestamp)
                .header(HubSignature.SIGNATURE_HEADER, HubSignature.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(total.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status + " from the callback");
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            return Optional.of("No answer within " + total);
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.of("Interrupted while delivering");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
            return Optional.of(truncate(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        }
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
