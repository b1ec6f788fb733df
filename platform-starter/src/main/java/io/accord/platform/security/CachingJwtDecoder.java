package io.accord.platform.security;

import io.accord.contracts.security.RememberedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;

/**
 * Remembers tokens that passed every check of the decoder it wraps ({@link RememberedTokens}: the exact token string,
 * until its {@code exp} and at most five minutes), so that a client sending the same bearer token again and again
 * costs one signature check, not one per request (a tenth of orchestration's CPU time under
 * {@code ./accord bench orders}). Failures are never remembered. The gateway does the same in front of the services.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final RememberedTokens<Jwt> validated;

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.validated = new RememberedTokens<>(clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = validated.find(token);
        if (remembered != null) {
            return remembered;
        }
        Jwt jwt = delegate.decode(token);
        validated.remember(token, jwt, jwt.getExpiresAt());
        return jwt;
    }
}
