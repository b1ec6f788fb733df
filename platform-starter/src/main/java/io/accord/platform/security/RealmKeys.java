package io.accord.platform.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.accord.platform.retry.Backoffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The realm's signing keys, fetched from its JWK set, kept for {@link #CACHED} and then fetched again; a token signed
 * with a key not among them fetches them at once (key rotation).
 *
 * <p>While the JWK set cannot be fetched (Keycloak down, restarting, or not answering), the keys last fetched stay
 * in use for {@code outageTolerance}: they are the keys Keycloak signs with until it rotates them, and tokens it issued
 * before the outage stay valid. Spring's default JWK source dropped them when its five minutes were up: found on
 * 2026-12-04 with Keycloak stopped by {@code SIGSTOP} under {@code ./accord up}, every request with a token the
 * service had not seen yet answered 500 ("I/O error on GET request for .../certs: Read timed out") on the services
 * whose five minutes were up (onboarding, orchestration, also through the gateway) and 200 on the others. The fetch
 * keeps Nimbus's timeouts (500 ms to connect, 500 ms to read) and size limit.
 *
 * <p>As a lifecycle bean it fetches the keys once when the service starts, in the background, retrying with the
 * starter's backoff (1 s, doubling, at most 30 s) until Keycloak answers: a service that got no token before an
 * outage (rating, fed by Kafka, answered 503 in that run) has keys to keep. A service started from a public key
 * ({@code accord.platform.jwt.public-key-location}) has no JWK set and does nothing here.
 */
final class RealmKeys implements SmartLifecycle {

    /** How long a fetched JWK set is used before it is fetched again (Nimbus's and Spring's default). */
    static final Duration CACHED = Duration.ofMillis(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE);

    private static final Logger log = LoggerFactory.getLogger(RealmKeys.class);

    private final JWKSource<SecurityContext> source;
    private final String jwkSetUri;
    private final Duration firstRetry;
    private volatile Thread warmUp;

    /** @param jwkSetUri {@code null}: tokens are checked with a public key, there are no keys to fetch */
    RealmKeys(String jwkSetUri, Duration cached, Duration outageTolerance, Duration firstRetry) {
        this.jwkSetUri = jwkSetUri;
        this.source = jwkSetUri == null ? null : of(jwkSetUri, cached, outageTolerance);
        this.firstRetry = firstRetry;
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

    JWKSource<SecurityContext> source() {
        if (source == null) {
            throw new IllegalStateException("tokens are checked with a public key: there is no JWK set");
        }
        return source;
    }

    @Override
    public void start() {
        if (source != null) {
            Thread thread = Thread.ofVirtual().name("realm-keys").unstarted(this::fetchUntilFetched);
            warmUp = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread running = warmUp;
        if (running != null) {
            running.interrupt();
        }
        warmUp = null;
    }

    /** Whether the keys are still being fetched for the first time. */
    @Override
    public boolean isRunning() {
        Thread running = warmUp;
        return running != null && running.isAlive();
    }

    private void fetchUntilFetched() {
        BackOffExecution delays = Backoffs.exponential(firstRetry, Duration.ofSeconds(30)).start();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int keys = source.get(new JWKSelector(new JWKMatcher.Builder().build()), null).size();
                log.debug("Fetched the realm's {} signing key(s) from {}", keys, jwkSetUri);
                return;
            } catch (Exception notYet) {
                long delay = delays.nextBackOff();
                log.debug("The realm's keys are not fetched yet ({}); next attempt in {} ms", notYet.getMessage(),
                        delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
