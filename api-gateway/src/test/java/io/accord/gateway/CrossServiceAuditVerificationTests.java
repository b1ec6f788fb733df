package io.accord.gateway;

import io.accord.contracts.Roles;
import io.accord.gateway.AuditBackends.Mode;
import io.accord.gateway.AuditBackends.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit/verification} against six real backends with canned answers ({@link AuditBackends}). */
@TestPropertySource(properties = "accord.gateway.timeouts.response=2s")
class CrossServiceAuditVerificationTests extends GatewayTestSupport {

    @DynamicPropertySource
    static void auditBackends(DynamicPropertyRegistry registry) {
        AuditBackends.API_BASE_PATHS.keySet().forEach(service ->
                registry.add("accord.gateway.backends." + service, () -> AuditBackends.uri(service)));
    }

    @AfterEach
    void restoreBackends() {
        AuditBackends.reset();
    }

    @Test
    void verifiedWhenEveryServicesChainIsWhole() {
        verification(Roles.AUDITOR)
                .expectHeader().doesNotExist("X-Partial-Result")
                .expectBody()
                .jsonPath("$.verified").isEqualTo(true)
                .jsonPath("$.unanswered").isEmpty()
                .jsonPath("$.services.length()").isEqualTo(6)
                .jsonPath("$.services[0].service").isEqualTo("onboarding")
                .jsonPath("$.services[0].entries").isEqualTo(3)
                .jsonPath("$.services[?(@.service == 'rating')].verified").isEqualTo(true);
    }

    @Test
    void passesEachServicesHeadPositionAndHashThroughAsTheAnchorToRecord() {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("verified", true);
        catalog.put("entries", 1652);
        catalog.put("headPosition", 1652);
        catalog.put("headHash", "9f".repeat(32));
        AuditBackends.VERIFICATIONS.put("catalog", catalog);

        verification(Roles.AUDITOR)
                .expectBody()
                .jsonPath("$.services[?(@.service == 'catalog')].headPosition").isEqualTo(1652)
                .jsonPath("$.services[?(@.service == 'catalog')].headHash").isEqualTo("9f".repeat(32))
                .jsonPath("$.services[0].service").isEqualTo("onboarding")
                .jsonPath("$.services[0].headPosition").isEqualTo(3)
                .jsonPath("$.services[0].headHash").value(hash -> assertThat((String) hash).matches("[0-9a-f]{64}"));
    }

    @Test
    void namesTheServiceWithABrokenChainAndItsFirstBrokenEntry() {
        Map<String, Object> broken = new LinkedHashMap<>();
        broken.put("verified", false);
        broken.put("entries", 41);
        broken.put("firstBrokenEntryId", 42);
        broken.put("reason", "The entry's content does not match its hash: it was changed after it was written.");
        broken.put("pendingEntries", 7);
        broken.put("oldestPendingAgeMillis", 180);
        AuditBackends.VERIFICATIONS.put("catalog", broken);

        verification(Roles.PLATFORM_ADMIN)
                .expectBody()
                .jsonPath("$.verified").isEqualTo(false)
                .jsonPath("$.services[?(@.service == 'catalog')].verified").isEqualTo(false)
                .jsonPath("$.services[?(@.service == 'catalog')].firstBrokenEntryId").isEqualTo(42)
                .jsonPath("$.services[?(@.service == 'catalog')].reason").isEqualTo(broken.get("reason"))
                .jsonPath("$.services[?(@.service == 'catalog')].pendingEntries").isEqualTo(7)
                .jsonPath("$.services[?(@.service == 'catalog')].oldestPendingAgeMillis").isEqualTo(180)
                .jsonPath("$.services[?(@.service == 'onboarding')].pendingEntries").isEqualTo(0)
                .jsonPath("$.services[?(@.service == 'onboarding')].verified").isEqualTo(true);
    }

    @Test
    void namesServicesThatDidNotAnswerAndIsThenNotVerified() {
        AuditBackends.stop("dispute");
        AuditBackends.set("rating", Mode.HANG);
        AuditBackends.VERIFICATIONS.put("settlement", Map.of("unexpected", "shape"));

        verification(Roles.AUDITOR)
                .expectHeader().valueEquals("X-Partial-Result", "rating,settlement,dispute")
                .expectBody()
                .jsonPath("$.verified").isEqualTo(false)
                .jsonPath("$.unanswered").isEqualTo(java.util.List.of("rating", "settlement", "dispute"))
                .jsonPath("$.services.length()").isEqualTo(3);
    }

    @Test
    void relaysTokenAndCorrelationIdToEveryServicesVerification() {
        String token = TestTokens.staff(Roles.AUDITOR);

        client.get().uri("/api/audit/verification")
                .header(AUTHORIZATION, bearer(token))
                .header("X-Correlation-Id", "verify-run-3")
                .exchange()
                .expectStatus().isOk();

        assertThat(AuditBackends.received()).extracting(Received::path).containsExactlyInAnyOrder(
                "/api/onboarding/audit/verification", "/api/catalog/audit/verification",
                "/api/orchestration/audit/verification", "/api/rating/audit/verification",
                "/api/settlement/audit/verification", "/api/disputes/audit/verification");
        assertThat(AuditBackends.received()).allSatisfy(call -> {
            assertThat(call.authorization()).isEqualTo(bearer(token));
            assertThat(call.correlationId()).isEqualTo("verify-run-3");
        });
    }

    @Test
    void answersServiceUnavailableWhenNoServiceAnswers() {
        AuditBackends.API_BASE_PATHS.keySet().forEach(service -> AuditBackends.set(service, Mode.FAIL));

        assertProblem(client.get().uri("/api/audit/verification")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange(), 503, "service-unavailable");
    }

    @Test
    void isForAuditorsAndPlatformAdminsOnly() {
        assertProblem(client.get().uri("/api/audit/verification")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.FINANCE, Roles.OPS, Roles.PARTNER_MANAGER)))
                .exchange(), 403, "forbidden");
        assertProblem(client.get().uri("/api/audit/verification")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .exchange(), 403, "forbidden");
        assertProblem(client.get().uri("/api/audit/verification").exchange(), 401, "unauthorized");
        assertThat(AuditBackends.received()).isEmpty();
    }

    @Test
    void refusesAQueryParameterAsTheServicesDoSinceItReadsNone() {
        client.get().uri("/api/audit/verification?full=true")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://accord.dev/problems/validation-error")
                .jsonPath("$.detail").isEqualTo("'full' is not a query parameter of this operation; it reads none"
                        + " (see the API documentation at /swagger-ui.html)")
                .jsonPath("$.violations[0].field").isEqualTo("full");
        assertThat(AuditBackends.received()).isEmpty();
    }

    @Test
    void isDescribedInTheGatewaysOpenApiDocument() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/audit/verification'].get.summary").isNotEmpty();
    }

    private WebTestClient.ResponseSpec verification(String role) {
        return client.get().uri("/api/audit/verification")
                .header(AUTHORIZATION, bearer(TestTokens.staff(role)))
                .exchange()
                .expectStatus().isOk();
    }
}
