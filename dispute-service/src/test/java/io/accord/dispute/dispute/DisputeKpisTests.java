package io.accord.dispute.dispute;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeKpisTests {

    @Test
    void theMeanTimeToResolutionKeepsTheResolutionsFractions() {
        // whole seconds each, then the sum divided in whole seconds: 18.658843 s and 27.591991 s read PT22S
        assertThat(DisputeKpis.mean(List.of(Duration.parse("PT18.658843S"), Duration.parse("PT27.591991S"))))
                .isEqualTo(Duration.parse("PT23.125417S"));
        assertThat(DisputeKpis.mean(List.of(Duration.ofDays(40), Duration.ofDays(41)))).isEqualTo(
                Duration.ofHours(40 * 24 + 12));
        // to the microsecond, half to even
        assertThat(DisputeKpis.mean(List.of(Duration.ofNanos(1_000), Duration.ofNanos(2_000), Duration.ofNanos(2_000))))
                .isEqualTo(Duration.ofNanos(2_000));
    }
}
