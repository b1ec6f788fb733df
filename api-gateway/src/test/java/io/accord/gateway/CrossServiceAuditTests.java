package io.accord.gateway;

import io.accord.contracts.Roles;
import io.accord.gateway.AuditBackends.Mode;
import io.accord.gateway.AuditBackends.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit} against six real backends with canned trails ({@link AuditBackends}). */
@TestPropertySource(properties = "accord.gateway.timeouts.response=2s")
class CrossServiceAuditTests extends GatewayTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ENTRIES =
            new ParameterizedTypeReference<>() {
            };

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
    void mergesAllServicesNewestFirstTiesByServiceThenId() {
        var result = audit("", Roles.AUDITOR);

        assertThat(ids(result)).containsExactly("onboarding#3", "catalog#2", "orchestration#1", "rating#5",
                "rating#4", "catalog#1", "onboarding#2", "settlement#1", "dispute#1", "onboarding#1");
        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("10");
        assertThat(result.getResponseHeaders().getFirst("X-Result-Count")).isEqualTo("10");
        assertThat(result.getResponseHeaders().containsHeader("X-Partial-Result")).isFalse();
    }

    @Test
    void passesEachEntryThroughWithItsService() {
        Map<String, Object> orchestration = audit("", Roles.PLATFORM_ADMIN).getResponseBody().get(2);

        assertThat(orchestration).containsEntry("service", "orchestration")
                .containsEntry("occurredAt", "2025-03-01T10:00:07Z")
                .containsEntry("actor", "staff-1")
                .containsEntry("resourceId", "res-1")
                .containsEntry("correlationId", "corr-1")
                .containsEntry("after", Map.of("status", "NEW", "version", 1));
    }

    @Test
    void pagesAcrossServicesAskingEachForOffsetPlusLimit() {
        var result = audit("?offset=4&limit=3", Roles.AUDITOR);

        assertThat(ids(result)).containsExactly("rating#4", "catalog#1", "onboarding#2");
        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("10");
        assertThat(result.getResponseHeaders().getFirst("X-Result-Count")).isEqualTo("3");
        assertThat(AuditBackends.received()).hasSize(6)
                .allSatisfy(call -> assertThat(call.rawQuery()).isEqualTo("offset=0&limit=7"));
        // asking each service for its newest entry only would answer dispute#1 here
        assertThat(ids(audit("?offset=5&limit=1", Roles.AUDITOR))).containsExactly("catalog#1");
    }

    @Test
    void totalIsTheSumOfTheServicesTotalsNotOfTheEntriesFetched() {
        var result = audit("?limit=1", Roles.AUDITOR);

        assertThat(ids(result)).containsExactly("onboarding#3");
        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("10");
        assertThat(result.getResponseHeaders().getFirst("X-Result-Count")).isEqualTo("1");
    }

    @Test
    void relaysFiltersTokenAndCorrelationIdToEveryServicesAuditPath() {
        String token = TestTokens.staff(Roles.AUDITOR);

        client.get().uri("/api/audit?partnerId=6f1c7f1e-1f3a-4c55-9d55-3a0c8e0b7c11&resourceType=partner"
                        + "&resourceId={id}&actor=ops&action=approved&from=2026-11-01&to={to}", "a&b c",
                        "2026-11-02T10:00:00+01:00")
                .header(AUTHORIZATION, bearer(token))
                .header("X-Correlation-Id", "audit-run-7")
                .exchange()
                .expectStatus().isOk();

        assertThat(AuditBackends.received()).extracting(Received::path).containsExactlyInAnyOrder(
                "/api/onboarding/audit", "/api/catalog/audit", "/api/orchestration/audit", "/api/rating/audit",
                "/api/settlement/audit", "/api/disputes/audit");
        assertThat(AuditBackends.received()).allSatisfy(call -> {
            assertThat(call.rawQuery()).isEqualTo("offset=0&limit=50"
                    + "&partnerId=6f1c7f1e-1f3a-4c55-9d55-3a0c8e0b7c11&resourceType=partner&resourceId=a%26b%20c"
                    + "&actor=ops&action=approved&from=2026-11-01T00%3A00%3A00Z&to=2026-11-02T09%3A00%3A00Z");
            assertThat(call.authorization()).isEqualTo(bearer(token));
            assertThat(call.correlationId()).isEqualTo("audit-run-7");
        });
    }

    @Test
    void answersTheOthersAndNamesAServiceThatIsDown() {
        AuditBackends.stop("dispute");

        var result = audit("", Roles.AUDITOR);

        assertThat(result.getResponseHeaders().getFirst("X-Partial-Result")).isEqualTo("dispute");
        assertThat(ids(result)).hasSize(9).doesNotContain("dispute#1").startsWith("onboarding#3", "catalog#2");
        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("9");
    }

    @Test
    void namesServicesThatFailOrDoNotAnswerInTime() {
        AuditBackends.set("catalog", Mode.FAIL);
        AuditBackends.set("rating", Mode.HANG);

        var result = audit("", Roles.AUDITOR);

        assertThat(result.getResponseHeaders().getFirst("X-Partial-Result")).isEqualTo("catalog,rating");
        assertThat(ids(result)).containsExactly("onboarding#3", "orchestration#1", "onboarding#2", "settlement#1",
                "dispute#1", "onboarding#1");
    }

    @Test
    void answersServiceUnavailableWhenNoServiceAnswers() {
        AuditBackends.API_BASE_PATHS.keySet().forEach(service -> AuditBackends.set(service, Mode.FAIL));

        assertProblem(client.get().uri("/api/audit")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange(), 503, "service-unavailable");
    }

    @Test
    void isForAuditorsAndPlatformAdminsOnly() {
        assertProblem(client.get().uri("/api/audit")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .exchange(), 403, "forbidden");
        assertProblem(client.get().uri("/api/audit")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.FINANCE, Roles.OPS, Roles.PARTNER_MANAGER)))
                .exchange(), 403, "forbidden");
        assertProblem(client.get().uri("/api/audit").exchange(), 401, "unauthorized");
        assertThat(AuditBackends.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "limit=0, limit",
            "limit=501, limit",
            "limit=ten, limit",
            "offset=-1, offset",
            "offset=951&limit=50, offset",
            "partnerId=not-a-uuid, partnerId",
            "from=yesterday, from",
            "from=2026-11-02&to=2026-11-01, to"})
    void refusesABadParameterNamingIt(String query, String parameter) {
        client.get().uri("/api/audit?" + query)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://accord.dev/problems/validation-error")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'" + parameter + "'"))
                .jsonPath("$.violations[0].field").isEqualTo(parameter)
                .jsonPath("$.violations[0].message").isNotEmpty()
                .jsonPath("$.correlationId").isNotEmpty();
        assertThat(AuditBackends.received()).isEmpty();
    }

    @Test
    void refusesAnUnknownParameterNamingItAndTheOnesItReadsAsTheServicesDo() {
        // ?actr= answered the whole trail, unfiltered, while every service answers it 400
        String expected = "'actr' is not a query parameter of this operation; it reads action, actor, correlationId,"
                + " from, limit, offset, partnerId, resourceId, resourceType, to (see the API documentation at /swagger-ui.html)";
        client.get().uri("/api/audit?limit=5&actr=ops")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://accord.dev/problems/validation-error")
                .jsonPath("$.detail").isEqualTo(expected)
                .jsonPath("$.violations[0].field").isEqualTo("actr")
                .jsonPath("$.violations[0].message").isEqualTo(expected)
                .jsonPath("$.correlationId").isNotEmpty();
        assertThat(AuditBackends.received()).isEmpty();
        // before a bad value of a known one, as in the services
        client.get().uri("/api/audit?limit=0&Actor=ops")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("Actor");
        assertThat(AuditBackends.received()).isEmpty();
    }

    @Test
    void isDescribedInTheGatewaysOpenApiDocument() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/audit'].get.summary").isNotEmpty()
                .jsonPath("$.paths['/api/audit'].get.responses['200'].headers['X-Partial-Result']").exists();
    }

    private EntityExchangeResult<List<Map<String, Object>>> audit(String query, String role) {
        return client.get().uri("/api/audit" + query)
                .header(AUTHORIZATION, bearer(TestTokens.staff(role)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ENTRIES)
                .returnResult();
    }

    private static List<String> ids(EntityExchangeResult<List<Map<String, Object>>> result) {
        return result.getResponseBody().stream().map(entry -> entry.get("service") + "#" + entry.get("id")).toList();
    }
}
