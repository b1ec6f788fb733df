package io.accord.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

/**
 * The {@code jwks} health component: whether the realm's JWK set ({@code accord.platform.jwt.jwk-set-uri}, Keycloak's
 * certs endpoint by default) answers with keys within the timeout ({@code accord.platform.health.timeout}). DOWN
 * while it does not; in neither the liveness nor the readiness group: the keys last fetched keep checking tokens
 * through an outage ({@link RealmKeys}), every replica sees the same Keycloak, and a restart would drop those keys
 * (docs/runbook.md, "Kafka or Keycloak unreachable"). Absent when tokens are checked with a public key (tests).
 */
final class RealmKeysHealth implements HealthIndicator {

    private final URI jwkSetUri;
    private final Duration timeout;
    private final HttpClient http;

    RealmKeysHealth(String jwkSetUri, Duration timeout) {
        this.jwkSetUri = URI.create(jwkSetUri);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("jwkSetUri", jwkSetUri.toString());
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jwkSetUri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return health.down().withDetail("status", answer.statusCode()).build();
            }
            int keys = JWKSet.parse(answer.body()).getKeys().size();
            return (keys > 0 ? health.up() : health.down()).withDetail("keys", keys).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return health.down(interrupted).build();
        } catch (IOException | ParseException | RuntimeException failed) {
            return health.down(failed).withDetail("timeout", timeout.toString()).build();
        }
    }
}
