package io.accord.contracts.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedTokensTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RememberedTokens<String> tokens = new RememberedTokens<>(clock, 3);

    @Test
    void findsTheExactTokenWhileItIsValid() {
        tokens.remember("token-1", "decoded-1", clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(4));

        assertThat(tokens.find("token-1")).isEqualTo("decoded-1");
        assertThat(tokens.find("token-2")).isNull();
        assertThat(tokens.find("token-")).isNull();
    }

    @Test
    void forgetsATokenAfterTheLongestTimeEvenIfItIsStillValid() {
        tokens.remember("token-1", "decoded-1", clock.instant().plus(Duration.ofMinutes(10)));

        clock.advance(RememberedTokens.MAX_AGE.minusSeconds(1));
        assertThat(tokens.find("token-1")).isEqualTo("decoded-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("token-1")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void neverServesATokenPastItsExpiry() {
        tokens.remember("token-1", "decoded-1", clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));

        assertThat(tokens.find("token-1")).isNull();
    }

    @Test
    void doesNotRememberATokenWithoutExpiryOrAlreadyExpired() {
        tokens.remember("no-expiry", "decoded", null);
        tokens.remember("expired", "decoded", clock.instant());

        assertThat(tokens.find("no-expiry")).isNull();
        assertThat(tokens.find("expired")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullDropsTheExpiredOnesAndIfNoneIsExpiredAllOfThem() {
        tokens.remember("short", "decoded", clock.instant().plus(Duration.ofMinutes(1)));
        tokens.remember("long-1", "decoded", clock.instant().plus(Duration.ofMinutes(10)));
        tokens.remember("long-2", "decoded", clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(2));

        tokens.remember("long-3", "decoded", clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("long-1")).isEqualTo("decoded");

        tokens.remember("long-4", "decoded", clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.find("long-4")).isEqualTo("decoded");
        assertThat(tokens.find("long-1")).isNull();
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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
