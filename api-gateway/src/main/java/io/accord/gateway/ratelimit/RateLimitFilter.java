package io.accord.gateway.ratelimit;

import io.accord.contracts.Roles;
import io.accord.gateway.problem.ProblemResponses;
import io.accord.gateway.problem.ProblemType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;

/**
 * Limits each caller's request rate: a partner by its {@code partner_id} (all of its users and systems share one
 * interactive bucket, and one bulk bucket for the bulk ingestion requests, so a CDR pipeline's batches and uploads
 * never starve its portal users), staff by subject, anonymous callers by IP. A partner may have bigger buckets of its
 * own ({@code accord.gateway.rate-limit.partners}), applied when its bucket is created. Runs after Spring Security
 * (order -100), so only requests that passed the token and role checks count, and the principal is known. The
 * client IP is the socket's peer, or behind trusted proxies ({@code accord.gateway.rate-limit.trusted-proxies}) the
 * right-most address in their forwarding header that is not one of them (see {@link ClientAddress}). Leave
 * {@code server.forward-headers-strategy} unset: it would take the left-most, client-controlled address.
 * <p>
 * Every limited answer tells the caller its quota (draft-ietf-httpapi-ratelimit-headers, the widely used
 * three-header form): {@code RateLimit-Limit} (the burst, the bucket's capacity), {@code RateLimit-Remaining}
 * (tokens left after this request) and {@code RateLimit-Reset} (seconds until the bucket is full again). They come
 * from the probe the bucket answers the request's consumption with, so they cost no extra bucket access, and always
 * describe the bucket the request took its token from (bulk or interactive).
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final BulkRequests bulkRequests;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimitProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.limiter = new RateLimiter(properties.maxTrackedKeys(), properties.longestRefill(), System::nanoTime);
        this.clientAddress = new ClientAddress(properties.trustedProxies(), properties.clientAddressHeader());
        this.bulkRequests = new BulkRequests(properties.bulkRequests());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> limit(exchange, principal))
                .switchIfEmpty(Mono.fromSupplier(() -> limit(exchange, null)))
                .flatMap(decision -> {
                    announce(exchange, decision);
                    return decision.quota().retryAfter().isZero() ? chain.filter(exchange) : reject(exchange, decision);
                });
    }

    private Decision limit(ServerWebExchange exchange, Principal principal) {
        String key;
        RateLimitProperties.Bandwidth bandwidth;
        if (principal instanceof JwtAuthenticationToken token) {
            String partnerId = token.getToken().getClaimAsString(Roles.PARTNER_ID_CLAIM);
            String caller = partnerId != null ? "partner:" + partnerId : "subject:" + token.getName();
            if (bulkRequests.matches(exchange.getRequest())) {
                key = "bulk-" + caller;
                bandwidth = properties.bulkOf(partnerId);
            }
            else {
                key = caller;
                bandwidth = properties.authenticatedOf(partnerId);
            }
        }
        else if (isApplicationSubmission(exchange)) {
            key = "application-ip:" + clientIp(exchange);
            bandwidth = properties.applicationSubmissions();
        }
        else {
            key = "ip:" + clientIp(exchange);
            bandwidth = properties.anonymous();
        }
        return new Decision(limiter.take(key, bandwidth), bandwidth);
    }

    private static void announce(ServerWebExchange exchange, Decision decision) {
        RateLimitProperties.Bandwidth bandwidth = decision.bandwidth();
        long remaining = decision.quota().remaining();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT, Long.toString(bandwidth.capacity()));
        headers.set(REMAINING, Long.toString(remaining));
        headers.set(RESET, Long.toString(bandwidth.secondsToFill(bandwidth.capacity() - remaining)));
    }

    private Mono<Void> reject(ServerWebExchange exchange, Decision decision) {
        long seconds = Math.max(1, (decision.quota().retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, ProblemType.RATE_LIMITED, "Rate limit of " + decision.bandwidth().describe()
                + " exceeded. Retry after " + seconds + " s.");
    }

    private static boolean isApplicationSubmission(ServerWebExchange exchange) {
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && "/api/onboarding/applications".equals(exchange.getRequest().getPath().value());
    }

    private String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() == null) {
            return remote.getHostString();
        }
        return clientAddress.resolve(remote == null ? null : remote.getAddress(),
                exchange.getRequest().getHeaders().get(properties.clientAddressHeader()));
    }

    private record Decision(RateLimiter.Quota quota, RateLimitProperties.Bandwidth bandwidth) {
    }
}
