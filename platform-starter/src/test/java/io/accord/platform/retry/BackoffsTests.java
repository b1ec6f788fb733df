package io.accord.platform.retry;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffsTests {

    private final ExponentialBackOff policy = Backoffs.exponential(Duration.ofMillis(200), Duration.ofSeconds(30));

    @Test
    void doublesFromTheFirstDelayUntilTheCap() {
        assertThat(Backoffs.delayAfter(policy, 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoffs.delayAfter(policy, 2)).isEqualTo(Duration.ofMillis(400));
        assertThat(Backoffs.delayAfter(policy, 8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(Backoffs.delayAfter(policy, 9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoffs.delayAfter(policy, Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void countsBelowOneAreTheFirstFailure() {
        assertThat(Backoffs.delayAfter(policy, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoffs.delayAfter(policy, -3)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aBoundedPolicyStopsAfterItsRetries() {
        BackOffExecution execution = Backoffs.exponential(Duration.ofSeconds(1), Duration.ofSeconds(4), 3).start();

        assertThat(execution.nextBackOff()).isEqualTo(1000L);
        assertThat(execution.nextBackOff()).isEqualTo(2000L);
        assertThat(execution.nextBackOff()).isEqualTo(4000L);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void refusesACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> Backoffs.exponential(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoffs.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
