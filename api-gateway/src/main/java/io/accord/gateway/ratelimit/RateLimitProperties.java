package io.accord.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Request rate limits, under {@code accord.gateway.rate-limit}. Buckets live in this gateway's memory: with several
 * replicas each one enforces the limit on its own share of the traffic, so the effective limit is up to
 * replicas x limit. A shared store (Redis) would make it exact; we accept the looser bound to keep the gateway
 * free of infrastructure.
 *
 * @param enabled                switch for all limits
 * @param maxTrackedKeys         most callers tracked at once; beyond it idle callers are forgotten first
 * @param authenticated          per partner ({@code partner_id} claim) or, for staff, per subject: every
 *                               authenticated request that is not a bulk request
 * @param bulk                   per partner (or staff subject) for the {@code bulkRequests}, a bucket of its own so
 *                               that a CDR pipeline cannot starve the partner's portal users, nor they it
 * @param bulkRequests           {@code METHOD /path/pattern} (Spring path patterns: {@code *}, {@code **},
 *                               {@code {id}}) of the bulk ingestion requests; one request is one token
 * @param partners               per-partner overrides of {@code authenticated} and {@code bulk}, by partner id (a
 *                               UUID, with or without dashes); a value left out keeps the global one
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
        Bandwidth bulk,
        @DefaultValue({"POST /tmf-api/usageManagement/v4/usage/batch", "POST /api/rating/usage/files"})
        List<String> bulkRequests,
        Map<String, PartnerLimits> partners,
        Bandwidth anonymous,
        Bandwidth applicationSubmissions,
        List<String> trustedProxies,
        @DefaultValue("X-Forwarded-For") String clientAddressHeader) {

    private static final Pattern UNDASHED_UUID = Pattern.compile("[0-9a-fA-F]{32}");

    RateLimitProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        bulkRequests = bulkRequests == null ? List.of() : List.copyOf(bulkRequests);
        authenticated = Bandwidth.orDefaults(authenticated, new Bandwidth(100L, 50L, Duration.ofSeconds(1)),
                "authenticated");
        bulk = Bandwidth.orDefaults(bulk, new Bandwidth(20L, 5L, Duration.ofSeconds(1)), "bulk");
        anonymous = Bandwidth.orDefaults(anonymous, new Bandwidth(50L, 10L, Duration.ofSeconds(1)), "anonymous");
        applicationSubmissions = Bandwidth.orDefaults(applicationSubmissions,
                new Bandwidth(5L, 5L, Duration.ofMinutes(1)), "application-submissions");
        partners = resolve(partners == null ? Map.of() : partners, authenticated, bulk);
    }

    /** The interactive bucket of a partner: its override, or {@link #authenticated()}. */
    Bandwidth authenticatedOf(String partnerId) {
        PartnerLimits limits = partnerId == null ? null : partners.get(normalized(partnerId));
        return limits != null ? limits.authenticated() : authenticated;
    }

    /** The bulk bucket of a partner: its override, or {@link #bulk()}. */
    Bandwidth bulkOf(String partnerId) {
        PartnerLimits limits = partnerId == null ? null : partners.get(normalized(partnerId));
        return limits != null ? limits.bulk() : bulk;
    }

    /** The longest any bucket takes to refill from empty: after that long untouched, every bucket is full. */
    Duration longestRefill() {
        return Stream.concat(Stream.of(authenticated, bulk, anonymous, applicationSubmissions),
                        partners.values().stream().flatMap(limits -> Stream.of(limits.authenticated(), limits.bulk())))
                .map(Bandwidth::timeToFill)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /** Keys the overrides by the partner id's canonical form, each bandwidth completed from the global one. */
    private static Map<String, PartnerLimits> resolve(Map<String, PartnerLimits> configured, Bandwidth authenticated,
                                                      Bandwidth bulk) {
        Map<String, PartnerLimits> resolved = new LinkedHashMap<>();
        configured.forEach((id, limits) -> {
            String partnerId = canonical(id);
            String name = "partners." + id;
            PartnerLimits given = limits == null ? new PartnerLimits(null, null) : limits;
            PartnerLimits complete = new PartnerLimits(
                    Bandwidth.orDefaults(given.authenticated(), authenticated, name + ".authenticated"),
                    Bandwidth.orDefaults(given.bulk(), bulk, name + ".bulk"));
            if (resolved.put(partnerId, complete) != null) {
                throw new IllegalArgumentException("accord.gateway.rate-limit.partners: partner " + partnerId
                        + " is configured twice");
            }
        });
        return Map.copyOf(resolved);
    }

    private static String canonical(String id) {
        String text = id == null ? "" : id.strip();
        if (UNDASHED_UUID.matcher(text).matches()) {
            // environment variables cannot carry the dashes (the Helm chart strips them)
            text = text.substring(0, 8) + "-" + text.substring(8, 12) + "-" + text.substring(12, 16) + "-"
                    + text.substring(16, 20) + "-" + text.substring(20);
        }
        try {
            return UUID.fromString(text).toString();
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("accord.gateway.rate-limit.partners: \"" + id
                    + "\" is not a partner id (a UUID, e.g. 3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f)");
        }
    }

    private static String normalized(String partnerId) {
        try {
            return UUID.fromString(partnerId).toString();
        }
        catch (IllegalArgumentException e) {
            return partnerId;
        }
    }

    /**
     * A partner's own buckets (a bigger API tier).
     *
     * @param authenticated its interactive bucket
     * @param bulk          its bulk ingestion bucket
     */
    record PartnerLimits(Bandwidth authenticated, Bandwidth bulk) {
    }

    /**
     * A token bucket: at most {@code capacity} requests in a burst, refilled by {@code refillTokens} every
     * {@code refillPeriod} (spread evenly over the period). Any value left out keeps its default.
     */
    record Bandwidth(Long capacity, Long refillTokens, Duration refillPeriod) {

        /** {@code name}: where the limit is configured, below {@code accord.gateway.rate-limit}, for the message. */
        static Bandwidth orDefaults(Bandwidth configured, Bandwidth defaults, String name) {
            if (configured == null) {
                return defaults;
            }
            var merged = new Bandwidth(
                    configured.capacity != null ? configured.capacity : defaults.capacity,
                    configured.refillTokens != null ? configured.refillTokens : defaults.refillTokens,
                    configured.refillPeriod != null ? configured.refillPeriod : defaults.refillPeriod);
            if (merged.capacity < 1 || merged.refillTokens < 1 || !merged.refillPeriod.isPositive()) {
                throw new IllegalArgumentException("accord.gateway.rate-limit." + name + ": capacity, refill-tokens"
                        + " and refill-period must be > 0, not " + merged.capacity + ", " + merged.refillTokens
                        + ", " + merged.refillPeriod);
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
