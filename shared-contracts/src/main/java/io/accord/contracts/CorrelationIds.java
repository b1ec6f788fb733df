package io.accord.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for correlation ids, shared by the gateway and every service: a caller may bring its own in
 * {@code X-Correlation-Id}; one that is missing or not a plain short token is replaced by a new UUID, so a caller
 * cannot inject arbitrary text into logs and headers.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    /** Key in the logging MDC (and the gateway's Reactor context); the log patterns print it. */
    public static final String LOG_KEY = "correlationId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationIds() {
    }

    /** The given id when well-formed, else a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches() ? candidate : newId();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
