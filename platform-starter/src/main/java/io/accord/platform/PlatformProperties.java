package io.accord.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Settings every Accord service shares, under {@code accord.platform}.
 *
 * @param apiBasePath the service's REST prefix behind the gateway, e.g. {@code /api/onboarding}
 * @param eventSource the CloudEvents {@code ce_source} of the events this service publishes
 * @param publicPaths Ant patterns reachable without a token (health and API docs are always public)
 * @param outbox      relay settings
 * @param maxBodySize   the largest request body read into memory as an object (JSON, merge patches, text); larger
 *                      ones get 413 (streamed files and multipart uploads have their own limits)
 * @param maxBodyValues the most values (objects, arrays, strings, numbers, ...) such a JSON body may hold; more get
 *                      413 (each costs tens of bytes of heap, however short on the wire)
 * @param maxBodyBytesInFlight how many bytes of such bodies the service reads or holds at once; a body beyond gets
 *                      503 with Retry-After (nothing read), its bytes given back when its request ends
 * @param requestDatabaseTimeout how long a thread serving an HTTP request waits for one answer from the database
 *                      before the request gets 503 with Retry-After (below the gateway's response timeout); other
 *                      threads (consumers, jobs) are not bounded; 0 turns it off
 * @param requestConnectionWait how long a request may wait in all for a database connection while every one is in
 *                      use: after each of the pool's connection timeouts (10 s) it asks again if another attempt as
 *                      long still ends within this (25 s: two attempts, 20 s), then gets 503 with Retry-After; a
 *                      database that refuses connections fails at the first attempt; 0: one attempt
 * @param uploadSpoolBudget how many bytes of files sent as raw request bodies the service keeps in temporary files at
 *                      once while they arrive (before they are stored); an upload beyond gets 503 with Retry-After.
 *                      At least the service's largest upload; the temporary directory must hold it (Helm: the
 *                      component's {@code tmpSize})
 * @param virtualRequestThreads whether each HTTP request is served on a virtual thread of its own (default) rather
 *                      than from Tomcat's pool of platform threads, so that slow clients cannot take every thread
 * @param health        the health components of the systems the service depends on ({@code kafka}, {@code jwks})
 * @param migrations    what the service does with its database schema at start
 */
@ConfigurationProperties("accord.platform")
public record PlatformProperties(
        @DefaultValue("/api") String apiBasePath,
        @DefaultValue("/accord") String eventSource,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Outbox outbox,
        @DefaultValue Jwt jwt,
        @DefaultValue("4MB") DataSize maxBodySize,
        @DefaultValue("20000") long maxBodyValues,
        @DefaultValue("16MB") DataSize maxBodyBytesInFlight,
        @DefaultValue("20s") Duration requestDatabaseTimeout,
        @DefaultValue("25s") Duration requestConnectionWait,
        @DefaultValue("200MB") DataSize uploadSpoolBudget,
        @DefaultValue("true") boolean virtualRequestThreads,
        @DefaultValue Health health,
        @DefaultValue Migrations migrations) {

    /**
     * @param pollInterval how often the relay looks for unsent events
     * @param batchSize    events published per relay transaction
     * @param sendTimeout  how long one publish may take before it counts as failed
     * @param maxBackoff   upper bound of the retry delay after repeated failures
     * @param retention    how long published events stay in the table (for diagnosis) before cleanup deletes them
     * @param firstBackoff the retry delay after the first failure, doubled after each further one up to maxBackoff
     * @param maxAttempts  failures of a row (not counting a broker outage) after which it is parked for ops
     */
    public record Outbox(
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("200ms") Duration firstBackoff,
            @DefaultValue("10") int maxAttempts) {
    }

    /**
     * @param timeout how long the {@code kafka} and {@code jwks} health components wait for the broker's and
     *                Keycloak's answer before they are DOWN
     */
    public record Health(@DefaultValue("2s") Duration timeout) {
    }

    /**
     * @param mode {@code migrate} (Flyway migrates at start, then the service runs), {@code validate} (a migration
     *             Job migrates before the rollout: the service only checks that nothing is pending and refuses to
     *             start otherwise) or {@code migrate-only} (the migration Job itself: migrate, then end the process
     *             without starting the service; docs/deploy-kubernetes.md, "Schema migrations")
     */
    public record Migrations(@DefaultValue("migrate") Mode mode) {

        public enum Mode {
            MIGRATE, VALIDATE, MIGRATE_ONLY
        }
    }

    /**
     * Where tokens are checked. {@code publicKeyLocation}, when set, wins over the JWK set: tests sign their
     * own tokens with it. {@code jwkSetUri} defaults to the issuer's Keycloak certs endpoint. {@code audience}
     * must be in every token's {@code aud} (the realm's {@code accord} client scope maps {@code accord-api}).
     * {@code tokenClient} is the client a 401 answer tells people to get their token with.
     * {@code keysOutageTolerance}: how long the realm's signing keys last fetched stay in use while the JWK set
     * cannot be fetched (Keycloak down or not answering); after that, tokens are refused until it answers again.
     */
    public record Jwt(
            @DefaultValue("http://localhost:8180/realms/accord") String issuerUri,
            String jwkSetUri,
            String publicKeyLocation,
            @DefaultValue("accord-api") String audience,
            @DefaultValue("accord-cli") String tokenClient,
            @DefaultValue("24h") Duration keysOutageTolerance) {

        /** Where a client gets a token: Keycloak's token endpoint of the issuer's realm. */
        public String tokenEndpoint() {
            return issuerUri + "/protocol/openid-connect/token";
        }

        /** The sentence a 401 answers with: how to get a token, not only that one is missing. */
        public String howToGetAToken() {
            return "Get one from " + tokenEndpoint() + " (OAuth2, client_id=" + tokenClient
                    + ", e.g. grant_type=password with your user) and send it as 'Authorization: Bearer <token>'.";
        }

        /** Tokens are checked with a configured public key instead of the realm's JWK set (tests). */
        public boolean hasPublicKey() {
            return publicKeyLocation != null && !publicKeyLocation.isBlank();
        }

        public String effectiveJwkSetUri() {
            return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuerUri + "/protocol/openid-connect/certs";
        }
    }
}
