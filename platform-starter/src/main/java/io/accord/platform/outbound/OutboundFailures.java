package io.accord.platform.outbound;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * A call to a partner's address (hub callback, activation webhook) that failed before an answer, in words: what the
 * partner reads ({@link #reason}) and what the log keeps ({@link #describe}). The JDK's exceptions often carry no
 * message at all (a closed port is a bare {@code ConnectException}), and their text may name addresses of this
 * network, which a partner must not learn.
 */
public final class OutboundFailures {

    private static final int MAX_DETAIL = 500;

    private OutboundFailures() {
    }

    /** The kind of failure in words, without the exception's text. */
    public static String reason(Throwable failure, Duration connectTimeout, Duration requestTimeout) {
        if (has(failure, HttpConnectTimeoutException.class)) {
            return "could not connect within " + readable(connectTimeout) + " (connect timeout)";
        }
        if (has(failure, HttpTimeoutException.class)) {
            return "no answer within " + readable(requestTimeout) + " (request timeout)";
        }
        // the JDK's HTTP client wraps a name it cannot resolve in a ConnectException
        if (has(failure, UnknownHostException.class)
                || has(failure, java.nio.channels.UnresolvedAddressException.class)) {
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
    public static String describe(Throwable failure) {
        StringBuilder detail = new StringBuilder();
        for (Throwable cause = failure; cause != null && detail.length() < MAX_DETAIL; cause = cause.getCause()) {
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

    /** {@code 10 s}, {@code 1.5 s}, {@code 500 ms}. */
    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
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
}
