package io.accord.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Request rate limits, under {@code accord.gateway.rate-limit}. Buckets live in this gateway's memory: with several
 * replicas each one enforces the limit on its own share of the traffic, so the effective limit is up to
 * replicas x limit. A shared store (Redis) would make it exact; we accept the looser bound to keep the gateway
 * free of infrastructure.
 *
 * @param enabled                switch for all limits
 * @param maxTrackedKeys         most callers tracked at once; beyond it idle callers are forgotten first
 * @param authenticated          per partner ({@code partner_id} claim) or, for staff, per subject
 * @param anonymous              per client IP on the public routes (docs, application tracking)
 * @param applicationSubmissions per client IP for anonymous {@code POST /api/onboarding/applications}
 * @param trustedProxies         addresses or CIDR blocks of the proxies in front of the gateway (the ingress
 *                               controller, a load balancer) whose {@code clientAddressHeader} is believed; empty
 *                               (the default) believes no header and keys anonymous callers by the socket's peer
 * @param clientAddressHeader    {@code X-Forwarded-For} (the default) or {@code Forwarded} (RFC 7239): the header
 *                               the trusted proxies append the address of their peer to
 */
@ConfigurationProperties("accord.gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") int maxTrackedKeys,
        Bandwidth authenticated,
        Bandwidth anonymous,
        Bandwidth applicationSubmissions,
        List<String> trustedProxies,
        @DefaultValue("X-Forwarded-For") String clientAddressHeader) {

    RateLimitProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        authenticated = Bandwidth.orDefaults(authenticated, new Bandwidth(100L, 50L, Duration.ofSeconds(1)));
        anonymous = Bandwidth.orDefaults(anonymous, new Bandwidth(50L, 10L, Duration.ofSeconds(1)));
        applicationSubmissions = Bandwidth.orDefaults(applicationSubmissions,
                new Bandwidth(5L, 5L, Duration.ofMinutes(1)));
    }

    /** The longest any bucket takes to refill from empty: after that long untouched, every bucket is full. */
    Duration longestRefill() {
        return Stream.of(authenticated, anonymous, applicationSubmissions)
                .map(Bandwidth::timeToFill)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /**
     * A token bucket: at most {@code capacity} requests in a burst, refilled by {@code refillTokens} every
     * {@code refillPeriod} (spread evenly over the period). Any value left out keeps its default.
     */
    record Bandwidth(Long capacity, Long refillTokens, Duration refillPeriod) {

        static Bandwidth orDefaults(Bandwidth configured, Bandwidth defaults) {
            if (configured == null) {
                return defaults;
            }
            var merged = new Bandwidth(
                    configured.capacity != null ? configured.capacity : defaults.capacity,
                    configured.refillTokens != null ? configured.refillTokens : defaults.refillTokens,
                    configured.refillPeriod != null ? configured.refillPeriod : defaults.refillPeriod);
            if (merged.capacity < 1 || merged.refillTokens < 1 || !merged.refillPeriod.isPositive()) {
                throw new IllegalArgumentException("A rate limit needs capacity, refill-tokens and refill-period > 0");
            }
            return merged;
        }

        Duration timeToFill() {
            return refillPeriod.multipliedBy(capacity).dividedBy(refillTokens).plus(refillPeriod);
        }

        /** Whole seconds (rounded up) until {@code missing} tokens are back: refill is spread over the period. */
        long secondsToFill(long missing) {
            if (missing <= 0) {
                return 0;
            }
            long millis = Math.ceilDiv(refillPeriod.toMillis() * missing, refillTokens);
            return Math.ceilDiv(millis, 1000);
        }

        String describe() {
            return refillTokens + " requests per " + refillPeriod.toString().substring(2).toLowerCase()
                    + " (bursts of " + capacity + ")";
        }
    }
}
