package io.accord.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gateway's decoder in front of the checking one; how long tokens are remembered: RememberedTokensTests. */
class CachingJwtDecoderTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger decoded = new AtomicInteger();

    /** Accepts "good" tokens valid for 10 minutes from now, rejects everything else. */
    private final ReactiveJwtDecoder checking = token -> {
        decoded.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Instant now = clock.instant();
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10))).build());
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(checking, clock);

    @Test
    void checksEachTokenOnceWhileItIsValid() {
        Jwt first = decoder.decode("good-1").block();
        Jwt again = decoder.decode("good-1").block();

        assertThat(again).isSameAs(first);
        assertThat(decoded).hasValue(1);
        decoder.decode("good-2").block();
        assertThat(decoded).hasValue(2);
    }

    @Test
    void neverRemembersAFailure() {
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged").block());
        }

        assertThat(decoded).hasValue(2);
    }
}
