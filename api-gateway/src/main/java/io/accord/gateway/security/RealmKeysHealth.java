package io.accord.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;

/**
 * The {@code jwks} health component, as the services have it: whether the realm's JWK set the gateway checks tokens
 * with ({@code accord.security.jwt.jwk-set-uri}, Keycloak's certs endpoint by default) answers with keys within
 * {@code accord.security.jwt.keys-timeout}. DOWN while it does not; in neither the liveness nor the readiness group:
 * the keys last fetched keep checking tokens, every replica sees the same Keycloak, and a restart would drop those
 * keys (docs/runbook.md, "Kafka or Keycloak unreachable"). Absent when tokens are checked with a public key (tests).
 */
final class RealmKeysHealth implements ReactiveHealthIndicator {

    private final URI jwkSetUri;
    private final Duration timeout;
    private final WebClient client;

    RealmKeysHealth(String jwkSetUri, Duration timeout) {
        this.jwkSetUri = URI.create(jwkSetUri);
        this.timeout = timeout;
        this.client = SecurityConfiguration.keysClient(timeout);
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(jwkSetUri).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(answer -> answer.statusCode().value() != 200
                        ? answer.releaseBody().thenReturn(builder().down()
                                .withDetail("status", answer.statusCode().value()).build())
                        : answer.bodyToMono(String.class).defaultIfEmpty("").map(this::withKeys))
                // the client's timeouts cover connecting and the first byte; this one the whole answer
                .timeout(timeout)
                .onErrorResume(failed -> Mono.just(builder().down(failed)
                        .withDetail("timeout", timeout.toString()).build()));
    }

    private Health withKeys(String body) {
        try {
            int keys = JWKSet.parse(body).getKeys().size();
            return (keys > 0 ? builder().up() : builder().down()).withDetail("keys", keys).build();
        } catch (ParseException notKeys) {
            return builder().down(notKeys).build();
        }
    }

    private Health.Builder builder() {
        return new Health.Builder().withDetail("jwkSetUri", jwkSetUri.toString());
    }

    /** No {@code accord.security.jwt.public-key-location}: tokens are checked with the realm's JWK set. */
    static final class ChecksTokensWithTheRealmsKeys implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String publicKey = context.getEnvironment().getProperty("accord.security.jwt.public-key-location");
            return publicKey == null || publicKey.isBlank();
        }
    }
}
