package io.accord.gateway.correlation;

import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties one request's log lines together across the gateway and the services. A caller may bring its
 * own in {@code X-Correlation-Id}; one that is missing or not a plain short token is replaced by a new UUID, so a
 * caller cannot inject arbitrary text into logs and headers.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";

    /** Key in the MDC and in the Reactor context, the same name the services' log pattern uses. */
    public static final String LOG_KEY = "correlationId";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** The caller's id when it is acceptable, otherwise a new one. */
    static String acceptOrCreate(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** The id of this exchange, or {@code null} before the correlation filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
