package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tight limits (one partner with bigger buckets, written without dashes as the Helm chart's environment variables
 * carry it), a service that is down (dispute) and a short response timeout (longer for bulk writes).
 */
@TestPropertySource(properties = {
        "accord.gateway.rate-limit.authenticated.capacity=3",
        "accord.gateway.rate-limit.authenticated.refill-tokens=1",
        "accord.gateway.rate-limit.authenticated.refill-period=1h",
        "accord.gateway.rate-limit.bulk.capacity=2",
        "accord.gateway.rate-limit.bulk.refill-tokens=1",
        "accord.gateway.rate-limit.bulk.refill-period=1h",
        "accord.gateway.rate-limit.partners.7d0c3e526a1f4b8e9c2d5e4f3a2b1c0d.authenticated.capacity=5",
        "accord.gateway.rate-limit.partners.7d0c3e526a1f4b8e9c2d5e4f3a2b1c0d.bulk.capacity=4",
        "accord.gateway.rate-limit.application-submissions.capacity=2",
        "accord.gateway.timeouts.response=5s",
        "accord.gateway.timeouts.bulk-response=20s"})
class ResilienceTests extends GatewayTestSupport {

    static final String BIG_PARTNER = "7d0c3e52-6a1f-4b8e-9c2d-5e4f3a2b1c0d";
    static final String USAGE_BATCH = "/tmf-api/usageManagement/v4/usage/batch";

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("accord.gateway.backends.onboarding", () -> EchoBackends.uri("onboarding"));
        registry.add("accord.gateway.backends.rating", () -> EchoBackends.uri("rating"));
        registry.add("accord.gateway.backends.dispute", EchoBackends::down);
    }

    @AfterEach
    void releaseHeldRequests() {
        EchoBackends.releaseSlowRequests();
    }

    @Test
    void limitsEachPartnerToItsBucketAndAnswersTooManyRequests() {
        String partnerId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            int remaining = 2 - i;
            client.get().uri("/api/rating/rollups")
                    .header(AUTHORIZATION, bearer(TestTokens.partnerOf(partnerId, Roles.PARTNER_USER)))
                    .exchange()
                    .expectStatus().isOk()
                    // one token an hour comes back: the bucket is full again an hour per token taken
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining))
                    .expectHeader().valueEquals("RateLimit-Reset", Long.toString(3600L * (3 - remaining)));
        }

        var limited = client.get().uri("/api/rating/rollups")
                .header(AUTHORIZATION, bearer(TestTokens.partnerOf(partnerId, Roles.PARTNER_ADMIN)))
                .exchange();

        limited.expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        limited.expectHeader().valueEquals("RateLimit-Remaining", "0");
        assertProblem(limited, 429, "rate-limited");
        client.get().uri("/api/rating/rollups")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange()
                .expectStatus().isOk();
    }

    /** A CDR pipeline that uses up its bulk bucket leaves the partner's portal users their own bucket, and back. */
    @Test
    void bulkIngestionHasItsOwnBucketAndNeverStarvesInteractiveRequestsOfThePartner() {
        String partnerId = UUID.randomUUID().toString();
        String pipeline = bearer(TestTokens.partnerOf(partnerId, Roles.PARTNER_ADMIN));
        for (int i = 0; i < 2; i++) {
            postBatch(pipeline).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "2")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(1 - i));
        }
        assertProblem(postBatch(pipeline), 429, "rate-limited");
        assertProblem(client.post().uri("/api/rating/usage/files").header(AUTHORIZATION, pipeline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange(), 429, "rate-limited");

        String portalUser = bearer(TestTokens.partnerOf(partnerId, Roles.PARTNER_USER));
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/rating/rollups").header(AUTHORIZATION, portalUser)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(2 - i));
        }
        // a single record is interactive: it takes from the bucket the portal users have just emptied
        assertProblem(client.post().uri("/tmf-api/usageManagement/v4/usage").header(AUTHORIZATION, pipeline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 429, "rate-limited");

        // and the other way round: a partner whose portal users emptied their bucket still ingests
        String otherPartner = bearer(TestTokens.partner(Roles.PARTNER_ADMIN));
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/rating/rollups").header(AUTHORIZATION, otherPartner)
                    .exchange()
                    .expectStatus().isOk();
        }
        postBatch(otherPartner).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "2")
                .expectHeader().valueEquals("RateLimit-Remaining", "1");
    }

    /** A partner on a bigger API tier: its override applies to both of its buckets, the others keep the default. */
    @Test
    void aPartnersOverrideGivesItBiggerBuckets() {
        String token = bearer(TestTokens.partnerOf(BIG_PARTNER, Roles.PARTNER_ADMIN));
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/rating/rollups").header(AUTHORIZATION, token)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    // the refill stays the global one: an hour per token
                    .expectHeader().valueEquals("RateLimit-Reset", Long.toString(3600L * (i + 1)));
        }
        assertProblem(client.get().uri("/api/rating/rollups").header(AUTHORIZATION, token).exchange(),
                429, "rate-limited");
        for (int i = 0; i < 4; i++) {
            postBatch(token).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "4")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(3 - i));
        }
        assertProblem(postBatch(token), 429, "rate-limited");
    }

    private WebTestClient.ResponseSpec postBatch(String authorization) {
        return client.post().uri(USAGE_BATCH).header(AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange();
    }

    /** No proxy is trusted here: a client naming itself someone else in X-Forwarded-For stays in its bucket. */
    @Test
    void limitsAnonymousApplicationsPerClientAddress() {
        for (int i = 0; i < 2; i++) {
            client.post().uri("/api/onboarding/applications")
                    .header("X-Forwarded-For", "203.0.113." + i)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isOk();
        }

        var limited = client.post().uri("/api/onboarding/applications")
                .header("X-Forwarded-For", "203.0.113.99")
                .header("Forwarded", "for=203.0.113.98")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();

        limited.expectHeader().exists("Retry-After");
        assertProblem(limited, 429, "rate-limited");
    }

    @Test
    void answersServiceUnavailableProblemWhenTheBackendIsDown() {
        assertProblem(client.get().uri("/tmf-api/troubleTicket/v4/troubleTicket")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange(), 503, "service-unavailable");
    }

    @Test
    void answersGatewayTimeoutProblemWhenTheBackendIsTooSlow() {
        assertProblem(client.get().uri("/api/rating/usage/slow")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange(), 504, "gateway-timeout");
    }

    /** A write that timed out may have been committed: the caller is told how to find out without doing it twice. */
    @Test
    void aGatewayTimeoutSaysTheRequestMayHaveBeenCarriedOutAndHowToRetrySafely() {
        client.post().uri("/api/rating/usage/slow")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("may still have been carried out", "same Idempotency-Key", "check the resource"));
    }

    /** A 10,000-record batch or a large upload may take longer than other requests while the service commits it. */
    @Test
    void bulkWritesAndUploadsWaitLongerThanOtherRequests() {
        for (String bulk : List.of("/tmf-api/usageManagement/v4/usage/batch", "/api/rating/usage/files")) {
            client.post().uri(bulk)
                    .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                    .header("X-Echo-Delay-Millis", "7000")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.path").isEqualTo(bulk);
        }
        assertProblem(client.post().uri("/tmf-api/usageManagement/v4/usage")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .header("X-Echo-Delay-Millis", "7000")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 504, "gateway-timeout");
    }
}
