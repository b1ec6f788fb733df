package io.accord.gateway.security;

import java.net.InetSocketAddress;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * {@code GET /actuator/prometheus} on the separate management port ({@code management.server.port}, set by the Helm
 * chart), where the Prometheus scraper calls without a token: on Kubernetes only the monitoring namespace reaches
 * that port (NetworkPolicy), never the ingress. Without a separate port (./accord up) nothing matches and metrics
 * stay for platform-admin and ops, as every other actuator endpoint of the public port.
 */
final class MetricsScrape implements ServerWebExchangeMatcher {

    static final String PATH = "/actuator/prometheus";

    private final Integer managementPort;
    private final Integer serverPort;

    /** @param managementPort {@code management.server.port}; {@code null} when actuator shares the server port */
    MetricsScrape(Integer managementPort, Integer serverPort) {
        this.managementPort = managementPort;
        this.serverPort = serverPort;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        boolean separatePort = managementPort != null && managementPort > 0 && !managementPort.equals(serverPort);
        boolean scrape = separatePort && local != null && local.getPort() == managementPort
                && PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value());
        return scrape ? MatchResult.match() : MatchResult.notMatch();
    }
}
