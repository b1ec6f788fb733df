package io.accord.platform.hub;

import io.accord.platform.outbound.OutboundFailures;
import io.accord.platform.outbound.OutboundTargets;

import java.io.IOException;
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
 * POSTs one delivery to a callback with the JDK's HTTP client, after {@link OutboundTargets#refuse} found its
 * host public (or private addresses are allowed): signed ({@link HubSignature}), no redirects followed,
 * the whole exchange bounded by the connect plus request timeout. Any 2xx is a delivery; everything else, a
 * {@link Failure}: a short reason the subscriber reads as {@code lastError} ("connection refused", "no answer
 * within 10 s", "HTTP 500 from the callback"), and the detail (exception, resolved address) for the log only.
 */
class CallbackClient {

    private static final int MAX_ERROR = 500;

    /**
     * Why a delivery failed.
     *
     * @param reason what the subscriber may read ({@code lastError}): no addresses, nothing of this network
     * @param detail what the log gets besides: the exception and its message, a refused host's address
     */
    record Failure(String reason, String detail) {

        Failure {
            reason = truncate(reason);
            detail = truncate(detail);
        }

        static Failure of(String reason) {
            return new Failure(reason, reason);
        }
    }

    private final HttpClient http;
    private final Duration connectTimeout;
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
        this.connectTimeout = properties.connectTimeout();
        this.requestTimeout = properties.requestTimeout();
        this.total = properties.connectTimeout().plus(properties.requestTimeout());
        this.clock = clock;
    }

    /** Empty when delivered, else why not. */
    Optional<Failure> post(String callback, String secret, UUID deliveryId, UUID eventId, String payload) {
        URI target = URI.create(callback);
        Optional<OutboundTargets.Refusal> refused = targets.refuse(target);
        if (refused.isPresent()) {
            return refused.map(refusal -> new Failure(refusal.reason(), refusal.detail()));
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
            return status / 100 == 2 ? Optional.empty()
                    : Optional.of(Failure.of("HTTP " + status + " from the callback"));
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            return Optional.of(Failure.of("no answer within " + readable(total)));
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.of(Failure.of("interrupted while delivering (the service is stopping)"));
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
            return Optional.of(new Failure(reason(cause), describe(cause)));
        }
    }

    private String reason(Throwable failure) {
        return OutboundFailures.reason(failure, connectTimeout, requestTimeout);
    }

    private static String describe(Throwable failure) {
        return OutboundFailures.describe(failure);
    }

    static String readable(Duration duration) {
        return OutboundFailures.readable(duration);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
