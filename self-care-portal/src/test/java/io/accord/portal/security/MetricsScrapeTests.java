package io.accord.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Prometheus scrapes without a login on the separate management port only (the Helm chart's ServiceMonitor). */
class MetricsScrapeTests {

    @Test
    void matchesThePrometheusEndpointOnTheSeparateManagementPortOnly() {
        MetricsScrape scrape = new MetricsScrape(9090, 8080);

        assertThat(scrape.matches(request(9090, "/actuator/prometheus"))).isTrue();
        assertThat(scrape.matches(request(8080, "/actuator/prometheus"))).as("the public port").isFalse();
        assertThat(scrape.matches(request(9090, "/actuator/env"))).as("another endpoint").isFalse();
    }

    @Test
    void matchesNothingWhenActuatorSharesTheServerPort() {
        assertThat(new MetricsScrape(null, 8090).matches(request(8090, "/actuator/prometheus"))).isFalse();
        assertThat(new MetricsScrape(8090, 8090).matches(request(8090, "/actuator/prometheus"))).isFalse();
    }

    private static MockHttpServletRequest request(int localPort, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setLocalPort(localPort);
        return request;
    }
}
