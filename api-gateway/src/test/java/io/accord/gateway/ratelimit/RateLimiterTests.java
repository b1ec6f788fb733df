package io.accord.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimiterTests {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RateLimitProperties.Bandwidth tenPerSecondBurstTwenty =
            new RateLimitProperties.Bandwidth(20L, 10L, Duration.ofSeconds(1));

    @Test
    void letsABurstUpToCapacityThroughThenAsksToWait() {
        var limiter = new RateLimiter(100, Duration.ofSeconds(3), clock::get, Runnable::run);

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("partner:a", tenPerSecondBurstTwenty)).isZero();
        }

        assertThat(limiter.acquire("partner:a", tenPerSecondBurstTwenty)).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.acquire("partner:b", tenPerSecondBurstTwenty)).isZero();
    }

    @Test
    void refillsAtTheConfiguredRate() {
        var limiter = new RateLimiter(100, Duration.ofSeconds(3), clock::get, Runnable::run);
        for (int i = 0; i < 20; i++) {
            limiter.acquire("partner:a", tenPerSecondBurstTwenty);
        }

        clock.addAndGet(Duration.ofMillis(300).toNanos());

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("partner:a", tenPerSecondBurstTwenty)).isZero();
        }
        assertThat(limiter.acquire("partner:a", tenPerSecondBurstTwenty)).isPositive();
    }

    @Test
    void forgetsCallersWhoseBucketHasRefilledAndNeverTracksMoreThanTheBound() {
        var limiter = new RateLimiter(10, Duration.ofSeconds(3), clock::get, Runnable::run);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("idle:" + i, tenPerSecondBurstTwenty);
        }
        for (int i = 0; i < 19; i++) {
            limiter.acquire("busy", tenPerSecondBurstTwenty);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(10);

        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.acquire("busy", tenPerSecondBurstTwenty);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(limiter.trackedKeys()).isEqualTo(1);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("flood:" + i, tenPerSecondBurstTwenty);
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(10);
    }

    @Test
    void aBucketThatWasForgottenWasFullAnyway() {
        var limiter = new RateLimiter(100, Duration.ofSeconds(3), clock::get, Runnable::run);
        for (int i = 0; i < 20; i++) {
            limiter.acquire("partner:a", tenPerSecondBurstTwenty);
        }

        clock.addAndGet(Duration.ofSeconds(3).toNanos());

        assertThat(limiter.trackedKeys()).isZero();
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("partner:a", tenPerSecondBurstTwenty)).isZero();
        }
        assertThat(limiter.acquire("partner:a", tenPerSecondBurstTwenty)).isPositive();
    }

    @Test
    void idleTimeCoversTheSlowestRefill() {
        var properties = new RateLimitProperties(true, 100, null, null, null, null, null,
                new RateLimitProperties.Bandwidth(5L, 5L, Duration.ofMinutes(1)), null, "X-Forwarded-For");

        assertThat(properties.longestRefill()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(properties.trustedProxies()).isEmpty();
    }

    @Test
    void rejectsALimitThatCouldNeverRefill() {
        var defaults = new RateLimitProperties.Bandwidth(5L, 5L, Duration.ofMinutes(1));

        assertThatIllegalArgumentException().isThrownBy(() -> RateLimitProperties.Bandwidth.orDefaults(
                new RateLimitProperties.Bandwidth(null, 0L, null), defaults, "anonymous"))
                .withMessageContaining("accord.gateway.rate-limit.anonymous");
        assertThat(RateLimitProperties.Bandwidth.orDefaults(new RateLimitProperties.Bandwidth(9L, null, null), defaults,
                "anonymous"))
                .isEqualTo(new RateLimitProperties.Bandwidth(9L, 5L, Duration.ofMinutes(1)));
    }
}
