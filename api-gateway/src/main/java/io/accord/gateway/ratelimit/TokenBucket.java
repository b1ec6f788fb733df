package io.accord.gateway.ratelimit;

/** One caller's bucket. Time is passed in (nanoseconds) so the arithmetic is testable without waiting. */
final class TokenBucket {

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimitProperties.Bandwidth bandwidth, long now) {
        this.capacity = bandwidth.capacity();
        this.tokensPerNano = (double) bandwidth.refillTokens() / bandwidth.refillPeriod().toNanos();
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token; returns 0 when the request may pass, otherwise the nanoseconds until a token is free. */
    synchronized long tryConsume(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** A full bucket is indistinguishable from a new one, so forgetting it changes nothing for its caller. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
    }
}
