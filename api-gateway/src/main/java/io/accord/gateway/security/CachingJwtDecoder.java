package io.accord.gateway.security;

import io.accord.contracts.security.RememberedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Remembers tokens that passed every check of the decoder it wraps ({@link RememberedTokens}: the exact token string,
 * until its {@code exp} and at most five minutes), so that a client sending the same bearer token again and again
 * costs one signature check, not one per request. Failures are never remembered.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final RememberedTokens<Jwt> validated;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.validated = new RememberedTokens<>(clock);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt remembered = validated.find(token);
        if (remembered != null) {
            return Mono.just(remembered);
        }
        return delegate.decode(token).doOnNext(jwt -> validated.remember(token, jwt, jwt.getExpiresAt()));
    }
}
