package io.accord.onboarding.identity;

import io.accord.platform.retry.Backoffs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provisioning worker's delays: the platform's one policy ({@link Backoffs}) with its default bounds. */
class BackoffTests {

    private final ExponentialBackOff backoff = Backoffs.exponential(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void doublesFromTheFirstDelayUntilTheCap() {
        assertThat(Backoffs.delayAfter(backoff, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoffs.delayAfter(backoff, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoffs.delayAfter(backoff, 5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Backoffs.delayAfter(backoff, 9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(Backoffs.delayAfter(backoff, 10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoffs.delayAfter(backoff, Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> Backoffs.exponential(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoffs.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void neverWaitsLessThanTheFirstDelayNorMoreThanTheCap(
            @ForAll @LongRange(min = 1, max = 3_600_000) long firstMillis,
            @ForAll @LongRange(min = 0, max = 86_400_000) long extraMillis,
            @ForAll @IntRange(min = -5, max = 10_000) int attempts) {
        Duration first = Duration.ofMillis(firstMillis);
        Duration max = Duration.ofMillis(firstMillis + extraMillis);
        ExponentialBackOff any = Backoffs.exponential(first, max);

        assertThat(Backoffs.delayAfter(any, attempts)).isBetween(first, max);
    }

    @Property
    void neverWaitsLessAfterMoreFailures(@ForAll @LongRange(min = 1, max = 3_600_000) long firstMillis,
                                         @ForAll @LongRange(min = 0, max = 86_400_000) long extraMillis,
                                         @ForAll @IntRange(min = 1, max = 10_000) int attempts) {
        Duration first = Duration.ofMillis(firstMillis);
        Duration max = Duration.ofMillis(firstMillis + extraMillis);
        ExponentialBackOff any = Backoffs.exponential(first, max);

        assertThat(Backoffs.delayAfter(any, attempts + 1)).isGreaterThanOrEqualTo(Backoffs.delayAfter(any, attempts));
    }
}
