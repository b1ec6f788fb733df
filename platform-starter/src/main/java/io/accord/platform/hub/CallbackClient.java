package io.accord.platform.hub;

import io.accord.platform.outbound.OutboundTargets;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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

    /**
     * What the subscriber reads of an exchange that failed before an answer: the kind of failure in words (the
     * JDK's exceptions often have no message at all: a closed port is a bare {@code ConnectException}), without
     * the exception's text, which may name addresses of this network.
     */
    private String reason(Throwable failure) {
        if (has(failure, HttpConnectTimeoutException.class)) {
            return "could not connect within " + readable(connectTimeout) + " (connect timeout)";
        }
        if (has(failure, HttpTimeoutException.class)) {
            return "no answer within " + readable(requestTimeout) + " (request timeout)";
        }
        if (has(failure, UnknownHostException.class)) {
            return OutboundTargets.Refusal.UNRESOLVABLE;
        }
        if (has(failure, ConnectException.class)) {
            String message = String.valueOf(find(failure, ConnectException.class).getMessage())
                    .toLowerCase(Locale.ROOT);
            return message.contains("timed out") ? "could not connect within " + readable(connectTimeout)
                    + " (connect timeout)" : "connection refused";
        }
        if (has(failure, NoRouteToHostException.class)) {
            return "no route to the callback's host";
        }
        if (has(failure, SSLException.class)) {
            return "TLS handshake with the callback failed (certificate or protocol not accepted)";
        }
        if (has(failure, IOException.class)) {
            return "the connection to the callback failed before an answer (closed or reset)";
        }
        return "the delivery failed (" + failure.getClass().getSimpleName() + ")";
    }

    /** For the log: every exception of the chain with its message. */
    private static String describe(Throwable failure) {
        StringBuilder detail = new StringBuilder();
        for (Throwable cause = failure; cause != null && detail.length() < MAX_ERROR; cause = cause.getCause()) {
            detail.append(detail.isEmpty() ? "" : " <- ").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                detail.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return detail.toString();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    /** {@code 10 s}, {@code 1.5 s}, {@code 500 ms}. */
    static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
