package io.accord.platform.web;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTests {

    @Test
    void keepsAWellFormedIdAndReplacesAnythingElse() {
        assertThat(CorrelationId.sanitize("order-42_retry.1")).isEqualTo("order-42_retry.1");
        assertThat(CorrelationId.sanitize("evil\nFAKE LOG LINE")).doesNotContain("\n").hasSize(36);
        assertThat(CorrelationId.sanitize("x".repeat(65))).hasSize(36);
        assertThat(CorrelationId.sanitize(null)).hasSize(36);
    }

    @Test
    void aScopeRestoresThePreviousId() {
        try (CorrelationId.Scope outer = CorrelationId.open("outer")) {
            try (CorrelationId.Scope inner = CorrelationId.open("inner")) {
                assertThat(CorrelationId.current()).isEqualTo("inner");
            }
            assertThat(CorrelationId.current()).isEqualTo("outer");
        }
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }
}
