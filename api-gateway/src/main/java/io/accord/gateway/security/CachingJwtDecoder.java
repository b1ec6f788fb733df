package io.accord.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers tokens that passed every check of the decoder it wraps, so that a client sending the same bearer token
 * again and again (every API client does, for the token's lifetime) costs one signature check, not one per request:
 * parsing and RSA verification were the largest part of the gateway's own CPU time per request. Only the exact same
 * token string hits the cache; a remembered token is served until its {@code exp} (never past it, so no clock
 * skew is granted on top) and at most {@link #MAX_AGE}, so a rotated signing key stops being honoured as soon as
 * the decoder itself would. Failures are never remembered.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    /** Tokens remembered at once; a Jwt with its claims is a few kilobytes. */
    static final int MAX_TOKENS = 2_000;

    /** The longest a token is served from memory, about how long the JWK set is cached by the decoder. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Validated> validated;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(MAX_AGE)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Validated remembered = validated.getIfPresent(token);
        if (remembered != null) {
            if (clock.instant().isBefore(remembered.servedUntil())) {
                return Mono.just(remembered.jwt());
            }
            validated.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            Instant now = clock.instant();
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt != null && now.isBefore(expiresAt)) {
                Instant maxAge = now.plus(MAX_AGE);
                validated.put(token, new Validated(jwt, expiresAt.isBefore(maxAge) ? expiresAt : maxAge));
            }
        });
    }

    private record Validated(Jwt jwt, Instant servedUntil) {
    }
}
