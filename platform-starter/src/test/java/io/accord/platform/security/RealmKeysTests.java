package io.accord.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The realm's keys against a JWK set endpoint that stops answering: the keys last fetched keep checking tokens after
 * their cache time, a key never fetched is not trusted, and a key the realm rotates to is fetched once it answers.
 */
class RealmKeysTests {

    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private HttpServer realm;
    private RSAKey first;
    private RSAKey second;

    @BeforeEach
    void startRealm() throws Exception {
        first = new RSAKeyGenerator(2048).keyID("first").generate();
        second = new RSAKeyGenerator(2048).keyID("second").generate();
        published.set(new JWKSet(first.toPublicJWK()));
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = (answering.get() ? published.get().toString() : "Service Unavailable")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answering.get() ? 200 : 503, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        realm.start();
    }

    @AfterEach
    void stopRealm() {
        realm.stop(0);
    }

    @Test
    void theKeysLastFetchedCheckTokensWhileTheRealmDoesNotAnswer() throws Exception {
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSource(
                RealmKeys.of(certs(), Duration.ofMillis(50), Duration.ofHours(1))).build();
        assertThat(decoder.decode(signed(first, "before")).getSubject()).isEqualTo("before");

        answering.set(false);
        int fetchedBefore = fetches.get();
        // every token is checked while the cached keys expire and a fetch of them fails (a failing decode fails
        // the test at once: Awaitility does not ignore exceptions unless told to)
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            assertThat(decoder.decode(signed(first, "during")).getSubject()).isEqualTo("during");
            return fetches.get() > fetchedBefore;
        });
        assertThat(decoder.decode(signed(first, "after a failed fetch")).getSubject())
                .isEqualTo("after a failed fetch");
        assertThatExceptionOfType(JwtException.class)
                .as("a key the service never fetched is not trusted")
                .isThrownBy(() -> decoder.decode(signed(second, "rotated")));

        published.set(new JWKSet(java.util.List.of(first.toPublicJWK(), second.toPublicJWK())));
        answering.set(true);
        assertThat(decoder.decode(signed(second, "rotated")).getSubject())
                .as("the key rotated to is fetched once the realm answers").isEqualTo("rotated");
    }

    /** A service that got no token before Keycloak stopped answering still has the keys fetched at its start. */
    @Test
    void theKeysAreFetchedWhenTheServiceStartsRetryingUntilTheRealmAnswers() throws Exception {
        answering.set(false);
        RealmKeys keys = new RealmKeys(certs(), Duration.ofMillis(50), Duration.ofHours(1), Duration.ofMillis(20));
        keys.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> fetches.get() >= 2);
            answering.set(true);
            await().atMost(Duration.ofSeconds(20)).until(() -> !keys.isRunning());
            answering.set(false);
            int fetchedBefore = fetches.get();
            JwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.source()).build();

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                assertThat(decoder.decode(signed(first, "first token")).getSubject()).isEqualTo("first token");
                return fetches.get() > fetchedBefore;
            });
        } finally {
            keys.stop();
        }
    }

    /** The {@code jwks} health component against the real endpoint: UP with its keys, DOWN once it fails. */
    @Test
    void theJwksHealthComponentIsUpWhileTheRealmAnswersWithKeysAndDownWhileItDoesNot() {
        RealmKeysHealth health = new RealmKeysHealth(certs(), Duration.ofMillis(500));

        Health answering = health.health();
        assertThat(answering.getStatus()).isEqualTo(Status.UP);
        assertThat(answering.getDetails()).containsEntry("keys", 1).containsEntry("jwkSetUri", certs());

        this.answering.set(false);
        Health failing = health.health();
        assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failing.getDetails()).containsEntry("status", 503);

        assertThat(new RealmKeysHealth("http://127.0.0.1:1/certs", Duration.ofMillis(500)).health().getStatus())
                .as("nothing listening").isEqualTo(Status.DOWN);
    }

    @Test
    void anOutageToleranceNoLongerThanTheCacheIsAConfigurationError() {
        assertThatIllegalStateException()
                .isThrownBy(() -> RealmKeys.of(certs(), Duration.ofMinutes(5), Duration.ofMinutes(5)))
                .withMessageContaining("keys-outage-tolerance");
    }

    private String certs() {
        return "http://127.0.0.1:" + realm.getAddress().getPort() + "/certs";
    }

    private static String signed(RSAKey key, String subject) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
