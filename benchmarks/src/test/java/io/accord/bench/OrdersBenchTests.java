package io.accord.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrdersBenchTests {

    @Test
    void ordersGoToTheServicePortAndSetUpThroughTheGatewayBothFollowingThePortOffset() {
        var defaults = OrdersBenchOptions.parse(new String[0], Map.of());
        var shifted = OrdersBenchOptions.parse(new String[] {"--orders=500", "--rate=80", "--warmup=27000"},
                Map.of("ACCORD_PORT_OFFSET", "2000"));

        assertThat(defaults.service()).isEqualTo(URI.create("http://localhost:8083"));
        assertThat(defaults.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(defaults.orders()).isEqualTo(3000);
        assertThat(defaults.rate()).isEqualTo(120);
        assertThat(shifted.service()).isEqualTo(URI.create("http://localhost:10083"));
        assertThat(shifted.keycloak()).isEqualTo(URI.create("http://localhost:10180"));
        assertThat(shifted.orders()).isEqualTo(500);
        assertThat(shifted.rate()).isEqualTo(80);
        assertThat(defaults.warmup()).isEqualTo(300);
        assertThat(shifted.warmup()).isEqualTo(27000);
        assertThat(OrdersBenchOptions.parse(new String[] {"--orders=5"}, Map.of()).warmup()).isEqualTo(1);
    }

    @Test
    void refusesUnknownOptionsAndNonPositiveNumbersWithTheUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrdersBenchOptions.parse(new String[] {"--rows=5"},
                Map.of())).withMessageContaining("unknown option --rows=5").withMessageContaining("bench orders");
        assertThatIllegalArgumentException().isThrownBy(() -> OrdersBenchOptions.parse(new String[] {"--rate=0"},
                Map.of())).withMessageContaining("--rate expects a positive number");
    }

    @Test
    void summaryIsTheLineTheIssueAsksForWithThroughputFromTheServiceTimes() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 200; i++) {
            latencies.record(Duration.ofMillis(i * 5L).toNanos());
        }
        var outcome = new OrdersBench.Outcome(200, latencies, Duration.ofSeconds(2), Map.of(),
                Map.of("completed", 200L), 412);

        assertThat(outcome.allCompleted()).isTrue();
        assertThat(outcome.summary())
                .isEqualTo("orders: 200 completed in 2.0 s, 100 orders/s, p50 500 ms, p99 990 ms, rss 412 MB");
    }

    @Test
    void anOrderRefusedOrNotCompletedFailsTheRun() {
        Latencies one = new Latencies();
        one.record(1_000_000);

        assertThat(new OrdersBench.Outcome(2, one, Duration.ofSeconds(1), Map.of(), Map.of(), 1).allCompleted())
                .isFalse();
        assertThat(new OrdersBench.Outcome(1, one, Duration.ofSeconds(1), Map.of(409, 1L), Map.of(), 1)
                .allCompleted()).isFalse();
    }

    @Test
    void reusesThePartnersOldestBenchPoolNotAnotherPartnersNorAnotherName() {
        String page = "[" + pool("a1", "demo MSISDNs", OrdersBench.PARTNER) + ","
                + pool("b2", "bench-orders-1700000000", "22222222-2222-4222-8222-222222222222") + ","
                + pool("c3", "bench-orders-1700000001", OrdersBench.PARTNER) + ","
                + pool("d4", "bench-orders-1700000002", OrdersBench.PARTNER) + "]";

        assertThat(OrdersBench.benchPoolIn(page)).isEqualTo("c3");
        assertThat(OrdersBench.benchPoolIn("[" + pool("a1", "demo MSISDNs", OrdersBench.PARTNER) + "]")).isNull();
        assertThat(OrdersBench.benchPoolIn("[]")).isNull();
    }

    /** A pool view as the inventory API writes it. */
    private static String pool(String id, String name, String partner) {
        return "{\"id\":\"" + id + "\",\"href\":\"/api/orchestration/inventory/pools/" + id + "\",\"name\":\""
                + name + "\",\"resourceType\":\"MSISDN\",\"partnerId\":\"" + partner + "\",\"lowWatermark\":0,"
                + "\"lowWatermarkReached\":false,\"levels\":{\"available\":0,\"reserved\":0},"
                + "\"createdAt\":\"2026-12-02T10:00:00Z\"}";
    }

    @Test
    void residentMemoryComesFromTheServicePidInTheRunState(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.properties");
        Files.writeString(state, "orchestration.pid=" + ProcessHandle.current().pid() + "\n");
        var options = OrdersBenchOptions.parse(new String[] {"--run-state=" + state}, Map.of());

        assertThat(OrdersBench.residentMegabytes(options)).isPositive();
        Files.writeString(state, "catalog.pid=1\n");
        assertThat(OrdersBench.residentMegabytes(options)).isEqualTo(-1);
    }
}
