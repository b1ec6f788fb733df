package io.accord.gateway;

import io.accord.contracts.Roles;
import io.accord.gateway.AuditBackends.Mode;
import io.accord.gateway.AuditBackends.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit/export} against six real backends streaming their canned trails ({@link AuditBackends}). */
@TestPropertySource(properties = "accord.gateway.timeouts.response=2s")
class CrossServiceAuditExportTests extends GatewayTestSupport {

    private static final String HEADER = String.join(",", AuditBackends.EXPORT_COLUMNS) + "\r\n";
    private static final String DAY = "?from=2025-03-01&to=2025-03-02";

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
    void mergesEveryServicesExportNewestFirstAsTheQueryOrdersIt() {
        EntityExchangeResult<String> result = export(DAY, Roles.AUDITOR);

        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(result.getResponseHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"audit-2025-03-01-2025-03-02.csv\"");
        assertThat(result.getResponseHeaders().containsHeader("X-Partial-Result")).isFalse();
        assertThat(result.getResponseBody()).isEqualTo(HEADER + lines("onboarding#3", "catalog#2", "orchestration#1",
                "rating#5", "rating#4", "catalog#1", "onboarding#2", "settlement#1", "dispute#1", "onboarding#1"));
        // every column as the service wrote it, the gateway's name of the service in the first
        assertThat(result.getResponseBody().split("\r\n")[3]).isEqualTo("orchestration,1,2025-03-01T10:00:07Z,"
                + "staff-1,,6f1c7f1e-1f3a-4c55-9d55-3a0c8e0b7c11,partner,res-1,updated,"
                + "\"{\"\"status\"\":\"\"OLD\"\"}\",\"{\"\"status\"\":\"\"NEW\"\",\"\"version\"\":1}\",corr-1");
    }

    @Test
    void streamsAllOfATrailLongerThanTheQuerysCapOfAThousand() {
        StringBuilder rating = new StringBuilder(HEADER);
        int entries = 2_500;
        for (int i = entries; i > 0; i--) {
            rating.append("rating-service,").append(i).append(",2025-03-01T09:").append("%02d:%02d.%06dZ".formatted(
                    i / 3600 % 60, i / 60 % 60, i)).append(",a,,,partner,res,updated,,,c\r\n");
        }
        AuditBackends.EXPORTS.put("rating", rating.toString());

        String body = export(DAY, Roles.AUDITOR).getResponseBody();

        List<String> ratingIds = Arrays.stream(body.split("\r\n")).filter(line -> line.startsWith("rating,"))
                .map(line -> line.split(",")[1]).toList();
        assertThat(ratingIds).hasSize(entries).first().isEqualTo("2500");
        assertThat(body.split("\r\n")).hasSize(1 + entries + 8);
    }

    @Test
    void passesQuotedLineBreaksCommasAndGuardedFormulasThroughExactly() {
        String awkward = "catalog-service,9,2025-03-01T10:00:10Z,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,"
                + "offering,\"a,b\",'-renamed,\"{\"\"name\"\":\"\"line one\nline two\r\nthree\"\"}\",,corr-9\r\n";
        AuditBackends.EXPORTS.put("catalog", HEADER + awkward + AuditBackends.export("catalog").substring(
                HEADER.length()));

        String body = export(DAY, Roles.PLATFORM_ADMIN).getResponseBody();

        assertThat(body).startsWith(HEADER + "catalog" + awkward.substring("catalog-service".length()));
        assertThat(body).contains(lines("onboarding#3", "catalog#2"));
    }

    @Test
    void relaysFiltersTokenAndCorrelationIdToEveryServicesExport() {
        String token = TestTokens.staff(Roles.AUDITOR);

        client.get().uri("/api/audit/export?partnerId=6f1c7f1e-1f3a-4c55-9d55-3a0c8e0b7c11&resourceId={id}"
                        + "&actor=ops&from=2026-11-01&to={to}", "a&b c", "2026-11-02T10:00:00+01:00")
                .header(AUTHORIZATION, bearer(token))
                .header("X-Correlation-Id", "export-run-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"audit-2026-11-01-2026-11-02T090000Z.csv\"")
                .expectBody(String.class).returnResult();

        assertThat(AuditBackends.received()).extracting(Received::path).containsExactlyInAnyOrder(
                "/api/onboarding/audit/export", "/api/catalog/audit/export", "/api/orchestration/audit/export",
                "/api/rating/audit/export", "/api/settlement/audit/export", "/api/disputes/audit/export");
        assertThat(AuditBackends.received()).allSatisfy(call -> {
            assertThat(call.rawQuery()).isEqualTo("partnerId=6f1c7f1e-1f3a-4c55-9d55-3a0c8e0b7c11"
                    + "&resourceId=a%26b%20c&actor=ops&from=2026-11-01T00%3A00%3A00Z&to=2026-11-02T09%3A00%3A00Z");
            assertThat(call.authorization()).isEqualTo(bearer(token));
            assertThat(call.correlationId()).isEqualTo("export-run-1");
        });
    }

    @Test
    void exportsTheOthersAndNamesServicesThatAreDownFailOrDoNotAnswerInTime() {
        AuditBackends.stop("dispute");
        AuditBackends.set("catalog", Mode.FAIL);
        AuditBackends.set("rating", Mode.HANG);

        EntityExchangeResult<String> result = export(DAY, Roles.AUDITOR);

        assertThat(result.getResponseHeaders().getFirst("X-Partial-Result")).isEqualTo("catalog,rating,dispute");
        assertThat(result.getResponseBody()).isEqualTo(HEADER + lines("onboarding#3", "orchestration#1",
                "onboarding#2", "settlement#1", "onboarding#1"));
    }

    @Test
    void answersServiceUnavailableWhenNoServiceAnswers() {
        AuditBackends.API_BASE_PATHS.keySet().forEach(service -> AuditBackends.set(service, Mode.FAIL));

        assertProblem(client.get().uri("/api/audit/export" + DAY)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange(), 503, "service-unavailable");
    }

    @Test
    void isForAuditorsAndPlatformAdminsOnly() {
        assertProblem(client.get().uri("/api/audit/export" + DAY)
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .exchange(), 403, "forbidden");
        assertProblem(client.get().uri("/api/audit/export" + DAY)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.FINANCE, Roles.OPS, Roles.PARTNER_MANAGER)))
                .exchange(), 403, "forbidden");
        assertProblem(client.get().uri("/api/audit/export" + DAY).exchange(), 401, "unauthorized");
        assertThat(AuditBackends.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'', from",
            "from=2026-11-01, to",
            "to=2026-11-01, from",
            "from=2026-11-02&to=2026-11-01, to",
            "from=2026-01-01&to=2026-04-03T00:00:01Z, to",
            "from=yesterday&to=2026-11-01, from",
            "partnerId=not-a-uuid&from=2026-11-01&to=2026-11-02, partnerId",
            "offset=10&from=2026-11-01&to=2026-11-02, offset"})
    void refusesAnUnboundedOrBadQueryNamingTheParameter(String query, String parameter) {
        client.get().uri("/api/audit/export?" + query)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://accord.dev/problems/validation-error")
                .jsonPath("$.violations[0].field").isEqualTo(parameter)
                .jsonPath("$.violations[0].message").isNotEmpty();
        assertThat(AuditBackends.received()).isEmpty();
    }

    @Test
    void exportsAQuarterAtMost() {
        client.get().uri("/api/audit/export?from=2026-01-01&to=2026-04-03")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void isDescribedInTheGatewaysOpenApiDocument() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/audit/export'].get.summary").isNotEmpty()
                .jsonPath("$.paths['/api/audit/export'].get.responses['200'].content['text/csv']").exists()
                .jsonPath("$.paths['/api/audit/export'].get.responses['200'].headers['X-Partial-Result']").exists();
    }

    private EntityExchangeResult<String> export(String query, String role) {
        return client.get().uri("/api/audit/export" + query)
                .header(AUTHORIZATION, bearer(TestTokens.staff(role)))
                .header("Accept", "text/csv")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .returnResult();
    }

    /** The canned entries ("service#id") as the services' exports write them, with the gateway's service names. */
    private static String lines(String... entries) {
        Map<String, String> written = new LinkedHashMap<>();
        AuditBackends.API_BASE_PATHS.keySet().forEach(service -> Arrays.stream(AuditBackends.export(service)
                        .split("\r\n")).skip(1)
                .forEach(line -> written.put(service + "#" + line.split(",")[1],
                        service + line.substring(line.indexOf(',')) + "\r\n")));
        return Stream.of(entries).map(entry -> {
            assertThat(written).containsKey(entry);
            return written.get(entry);
        }).collect(Collectors.joining());
    }
}
