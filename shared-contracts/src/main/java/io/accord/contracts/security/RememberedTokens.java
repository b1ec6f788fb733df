package io.accord.contracts.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that passed every check of a decoder, remembered so that a client sending the same token again and
 * again (every API client does, for the token's lifetime) costs one signature check, not one per request: parsing
 * and RSA verification were the largest part of the gateway's own CPU time per request, and a tenth of a
 * service's under load. Used by the gateway's and the services' JWT decoders alike.
 *
 * <p>Only the exact same token string is found; a token is served until its {@code exp} (never past it, so no clock
 * skew is granted on top) and at most {@link #MAX_AGE}, so a rotated signing key stops being honoured as soon as the
 * decoder itself would. Callers never remember a failure. At most {@link #MAX_TOKENS} are kept: when full, expired
 * ones are dropped, and if none is, all are (the next request of each client checks its token again).
 *
 * @param <T> what the decoder made of the token
 */
public final class RememberedTokens<T> {

    /** Tokens remembered at once; a decoded token with its claims is a few kilobytes. */
    public static final int MAX_TOKENS = 2_000;

    /** The longest a token is served from memory, about how long a JWK set is cached by the decoders. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Clock clock;
    private final int maxTokens;
    private final ConcurrentHashMap<String, Remembered<T>> tokens = new ConcurrentHashMap<>();

    public RememberedTokens(Clock clock) {
        this(clock, MAX_TOKENS);
    }

    RememberedTokens(Clock clock, int maxTokens) {
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    /** What this exact token was decoded to, while it may still be served; {@code null} otherwise. */
    public T find(String token) {
        Remembered<T> remembered = tokens.get(token);
        if (remembered == null) {
            return null;
        }
        if (clock.instant().isBefore(remembered.servedUntil())) {
            return remembered.decoded();
        }
        tokens.remove(token, remembered);
        return null;
    }

    /**
     * Remembers a token that passed every check, until {@code expiresAt} and at most {@link #MAX_AGE}; one without
     * an expiry, or already expired, is not remembered.
     */
    public void remember(String token, T decoded, Instant expiresAt) {
        Instant now = clock.instant();
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return;
        }
        if (tokens.size() >= maxTokens) {
            tokens.values().removeIf(remembered -> !now.isBefore(remembered.servedUntil()));
            if (tokens.size() >= maxTokens) {
                tokens.clear();
            }
        }
        Instant maxAge = now.plus(MAX_AGE);
        tokens.put(token, new Remembered<>(decoded, expiresAt.isBefore(maxAge) ? expiresAt : maxAge));
    }

    /** How many tokens are remembered now. */
    public int size() {
        return tokens.size();
    }

    private record Remembered<T>(T decoded, Instant servedUntil) {
    }
}
