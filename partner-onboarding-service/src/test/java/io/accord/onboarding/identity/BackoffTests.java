package io.accord.onboarding.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void doublesFromTheFirstDelayUntilTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void neverWaitsLessThanTheFirstDelayNorMoreThanTheCap(
            @ForAll @LongRange(min = 1, max = 3_600_000) long firstMillis,
            @ForAll @LongRange(min = 0, max = 86_400_000) long extraMillis,
            @ForAll @IntRange(min = -5, max = 10_000) int attempts) {
        Backoff any = new Backoff(Duration.ofMillis(firstMillis), Duration.ofMillis(firstMillis + extraMillis));

        assertThat(any.after(attempts)).isBetween(any.first(), any.max());
    }

    @Property
    void neverWaitsLessAfterMoreFailures(@ForAll @LongRange(min = 1, max = 3_600_000) long firstMillis,
                                         @ForAll @LongRange(min = 0, max = 86_400_000) long extraMillis,
                                         @ForAll @IntRange(min = 1, max = 10_000) int attempts) {
        Backoff any = new Backoff(Duration.ofMillis(firstMillis), Duration.ofMillis(firstMillis + extraMillis));

        assertThat(any.after(attempts + 1)).isGreaterThanOrEqualTo(any.after(attempts));
    }
}
