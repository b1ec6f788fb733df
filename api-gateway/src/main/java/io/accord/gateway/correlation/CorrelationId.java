package io.accord.gateway.correlation;

import io.accord.contracts.CorrelationIds;
import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties one request's log lines together across the gateway and the services, kept on the exchange.
 * What counts as an acceptable incoming id is {@link CorrelationIds}' rule, the same as in the services.
 */
public final class CorrelationId {

    public static final String HEADER = CorrelationIds.HEADER;

    /** Key in the MDC and in the Reactor context, the same name the services' log pattern uses. */
    public static final String LOG_KEY = CorrelationIds.LOG_KEY;

    static final String ATTRIBUTE = CorrelationId.class.getName();

    private CorrelationId() {
    }

    /** The caller's id when it is acceptable, otherwise a new one. */
    static String acceptOrCreate(String incoming) {
        return CorrelationIds.acceptOrCreate(incoming);
    }

    /** The id of this exchange, or {@code null} before the correlation filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
