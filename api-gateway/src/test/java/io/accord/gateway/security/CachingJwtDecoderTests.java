package io.accord.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
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
        clock.advance(Duration.ofMinutes(4));
        Jwt again = decoder.decode("good-1").block();

        assertThat(again).isSameAs(first);
        assertThat(decoded).hasValue(1);
        decoder.decode("good-2").block();
        assertThat(decoded).hasValue(2);
    }

    @Test
    void checksAgainAfterTheLongestCachingTimeEvenIfTheTokenIsStillValid() {
        decoder.decode("good-1").block();

        clock.advance(CachingJwtDecoder.MAX_AGE.plusSeconds(1));
        decoder.decode("good-1").block();

        assertThat(decoded).hasValue(2);
    }

    @Test
    void neverServesARememberedTokenPastItsExpiry() {
        decoder.decode("good-1").block();

        clock.advance(Duration.ofMinutes(10));
        decoder.decode("good-1").block();

        assertThat(decoded).hasValue(2);
    }

    @Test
    void neverRemembersAFailure() {
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged").block());
        }

        assertThat(decoded).hasValue(2);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
