package io.accord.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by caller key, bounded to {@code maxTrackedKeys}. When the map is full, callers whose bucket has
 * refilled completely are dropped first (no effect on them); if that is not enough (a flood of distinct keys),
 * a tenth of the map is dropped, which resets those callers' limits early but keeps memory bounded.
 */
final class RateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int maxTrackedKeys;
    private final LongSupplier nanoClock;

    RateLimiter(int maxTrackedKeys, LongSupplier nanoClock) {
        this.maxTrackedKeys = maxTrackedKeys;
        this.nanoClock = nanoClock;
    }

    /** {@link Duration#ZERO} when the request may pass, otherwise how long the caller should wait. */
    Duration acquire(String key, RateLimitProperties.Bandwidth bandwidth) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxTrackedKeys) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(bandwidth, now));
        }
        return Duration.ofNanos(bucket.tryConsume(now));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private synchronized void evict(long now) {
        if (buckets.size() < maxTrackedKeys) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        int excess = buckets.size() - (maxTrackedKeys - Math.max(1, maxTrackedKeys / 10));
        for (Iterator<String> keys = buckets.keySet().iterator(); excess > 0 && keys.hasNext(); excess--) {
            keys.next();
            keys.remove();
        }
    }
}
