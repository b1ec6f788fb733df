package io.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class MetricsScrapeTests {

    @Test
    void letsTheScraperInOnlyOnTheSeparateManagementPort() {
        MetricsScrape scrape = new MetricsScrape(9090, 8080);

        assertThat(matches(scrape, "/actuator/prometheus", 9090)).isTrue();
        assertThat(matches(scrape, "/actuator/prometheus", 8080)).as("the public port").isFalse();
        assertThat(matches(scrape, "/actuator/env", 9090)).as("other endpoints").isFalse();
    }

    @Test
    void matchesNothingWhenActuatorSharesThePublicPort() {
        assertThat(matches(new MetricsScrape(null, 8080), "/actuator/prometheus", 8080)).isFalse();
        assertThat(matches(new MetricsScrape(8080, 8080), "/actuator/prometheus", 8080)).isFalse();
    }

    private static boolean matches(MetricsScrape scrape, String path, int localPort) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path)
                .localAddress(new InetSocketAddress("127.0.0.1", localPort)));
        return scrape.matches(exchange).block().isMatch();
    }
}
