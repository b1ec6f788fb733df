package io.accord.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * Bucket4j token buckets by caller key, in a Caffeine cache bounded to {@code maxTrackedKeys}. A bucket nobody
 * touched for {@code idleAfter} (the longest time any bucket takes to refill completely) is full again, so
 * forgetting it changes nothing for its caller. Beyond the bound, the cache drops the callers it has seen least
 * (a flood of one-off keys mostly evicts itself), which at worst resets a caller's limit early but keeps memory
 * bounded.
 */
final class RateLimiter {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    RateLimiter(int maxTrackedKeys, Duration idleAfter, LongSupplier nanoClock) {
        this(maxTrackedKeys, idleAfter, nanoClock, ForkJoinPool.commonPool());
    }

    /** {@code maintenance} runs the cache's evictions; tests pass {@code Runnable::run} to see them at once. */
    RateLimiter(int maxTrackedKeys, Duration idleAfter, LongSupplier nanoClock, Executor maintenance) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTrackedKeys)
                .expireAfterAccess(idleAfter)
                .ticker(nanoClock::getAsLong)
                .executor(maintenance)
                .build();
    }

    /** {@link Duration#ZERO} when the request may pass, otherwise how long the caller should wait. */
    Duration acquire(String key, RateLimitProperties.Bandwidth bandwidth) {
        return take(key, bandwidth).retryAfter();
    }

    /** Takes a token for the request, and tells what is left: the probe Bucket4j answers with anyway. */
    Quota take(String key, RateLimitProperties.Bandwidth bandwidth) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket(bandwidth)).tryConsumeAndReturnRemaining(1);
        return new Quota(probe.isConsumed() ? Duration.ZERO
                : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())), probe.getRemainingTokens());
    }

    /**
     * @param retryAfter {@link Duration#ZERO} when the request may pass, otherwise how long the caller should wait
     * @param remaining  requests the caller may still make in a burst
     */
    record Quota(Duration retryAfter, long remaining) {
    }

    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(RateLimitProperties.Bandwidth bandwidth) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(bandwidth.capacity())
                        .refillGreedy(bandwidth.refillTokens(), bandwidth.refillPeriod()))
                .withCustomTimePrecision(time)
                .build();
    }
}
