package io.accord.gateway.correlation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access log line per request, with the correlation id in the MDC. Written when the response headers are
 * committed, because only then is the final status known (errors are rendered by the exception handler, outside
 * the filter chain). Health probes are not logged: they would drown everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("io.accord.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!log.isInfoEnabled() || path.startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            try (var ignored = MDC.putCloseable(CorrelationId.LOG_KEY, CorrelationId.of(exchange))) {
                log.info("{} {} {} {}ms", exchange.getRequest().getMethod(), path,
                        statusOf(exchange), (System.nanoTime() - start) / 1_000_000);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static Object statusOf(ServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        return status != null ? status.value() : "-";
    }
}
