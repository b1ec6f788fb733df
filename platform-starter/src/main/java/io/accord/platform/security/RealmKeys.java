package io.accord.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The realm's signing keys, fetched from its JWK set when the first token arrives (a service may start before
 * Keycloak), kept for {@link #CACHED} and then fetched again; a token signed with a key not among them fetches them at
 * once (key rotation).
 *
 * <p>While the JWK set cannot be fetched (Keycloak down, restarting, or not answering), the keys last fetched stay
 * in use for {@code outageTolerance}: they are the keys Keycloak signs with until it rotates them, and tokens it issued
 * before the outage stay valid. Spring's default JWK source dropped them when its five minutes were up: found on
 * 2026-12-04 with Keycloak stopped by {@code SIGSTOP} under {@code ./accord up}, every request with a token the
 * service had not seen yet answered 500 ("I/O error on GET request for .../certs: Read timed out") on the services
 * whose five minutes were up (onboarding, orchestration, also through the gateway) and 200 on the others. The fetch
 * keeps Nimbus's timeouts (500 ms to connect, 500 ms to read) and size limit.
 */
final class RealmKeys {

    /** How long a fetched JWK set is used before it is fetched again (Nimbus's and Spring's default). */
    static final Duration CACHED = Duration.ofMillis(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE);

    private RealmKeys() {
    }

    static JWKSource<SecurityContext> of(String jwkSetUri, Duration cached, Duration outageTolerance) {
        if (outageTolerance.compareTo(cached) <= 0) {
            throw new IllegalStateException("accord.platform.jwt.keys-outage-tolerance (" + outageTolerance
                    + ") must be longer than the " + cached.toSeconds() + " s the realm's keys are cached for");
        }
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL())
                    .cache(cached.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .refreshAheadCache(false)
                    .rateLimited(false)
                    .outageTolerant(outageTolerance.toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("accord.platform.jwt.jwk-set-uri is not a URL: " + jwkSetUri, e);
        }
    }
}
