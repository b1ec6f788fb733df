package io.accord.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayBenchTests {

    @Test
    void summaryIsTheLineTheIssueAsksFor() {
        assertThat(GatewayBench.summary(612.4, 951.0, 3.04))
                .isEqualTo("gateway: 612 req/s, direct: 951 req/s, ratio 0.64, p99 added 3.0 ms");
    }

    @Test
    void thePathsTakeTurnsGoingFirstSliceBySlice() {
        var direct = new Load("direct", URI.create("http://localhost:1/"), "token");
        var gateway = new Load("gateway", URI.create("http://localhost:2/"), "token");

        assertThat(GatewayBench.turn(0, direct, gateway)).containsExactly(direct, gateway);
        assertThat(GatewayBench.turn(1, direct, gateway)).containsExactly(gateway, direct);
        assertThat(GatewayBench.turn(2, direct, gateway)).containsExactly(direct, gateway);
        assertThat(GatewayBench.SLICE).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void percentilesAreNearestRank() {
        var latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.record(Duration.ofMillis(i).toNanos());
        }

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(new Latencies().percentileMillis(99)).isZero();
    }

    @Test
    void portsFollowTheLaunchersOffsetAndOptionsOverrideThem() {
        var options = BenchOptions.parse(new String[] {"--connections=8", "--duration=5"},
                Map.of("ACCORD_PORT_OFFSET", "2000"));

        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:10080"));
        assertThat(options.direct()).isEqualTo(URI.create("http://localhost:10081"));
        assertThat(options.keycloak()).isEqualTo(URI.create("http://localhost:10180"));
        assertThat(options.connections()).isEqualTo(8);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.warmup()).as("a minute: the gateway's C2 compiler").isEqualTo(Duration.ofSeconds(60));
        assertThat(options.loadPercent()).isEqualTo(50);
        assertThat(BenchOptions.parse(new String[] {"--load=25"}, Map.of()).loadPercent()).isEqualTo(25);
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--connections=0"},
                Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--nope=1"},
                Map.of()));
    }
}
