package io.accord.portal.security;

import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /actuator/prometheus} on the separate management port ({@code management.server.port}, set by the Helm
 * chart), where the Prometheus scraper calls without logging in: on Kubernetes only the monitoring namespace reaches
 * that port (NetworkPolicy), never the ingress. Without a separate port ({@code ./accord up}) nothing matches and
 * metrics stay behind the login like every other page of the public port.
 */
final class MetricsScrape implements RequestMatcher {

    static final String PATH = "/actuator/prometheus";

    private final Integer managementPort;
    private final Integer serverPort;

    /** @param managementPort {@code management.server.port}; {@code null} when actuator shares the server port */
    MetricsScrape(Integer managementPort, Integer serverPort) {
        this.managementPort = managementPort;
        this.serverPort = serverPort;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        boolean separatePort = managementPort != null && managementPort > 0 && !managementPort.equals(serverPort);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return separatePort && request.getLocalPort() == managementPort && PATH.equals(path);
    }
}
