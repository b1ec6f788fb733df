package io.accord.settlement;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class SettlementServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/settlement";
    }

    @Override
    protected Set<String> sampledTables() {
        return Set.of("product_view", "product_end_change");
    }

    /**
     * Handlers answering {@code ResponseEntity} with 201 or 202 were documented as 200 (springdoc's default), so a
     * client generated from the document expected a status the service never sends.
     */
    @Test
    void apiDocsGiveTheCreatedAndAcceptedStatusesTheHandlersAnswer() {
        JsonNode paths = TestHttp.localPort(port).get("/v3/api-docs").json().get("paths");
        Map<String, String> expected = Map.of(
                "/api/settlement/runs", "202",
                "/api/settlement/partner-invoices", "201",
                "/api/settlement/partner-invoices/upload", "201",
                "/api/settlement/partner-invoices/{id}/reconciliations", "201",
                "/api/settlement/partner-invoices/{id}/usage-matches", "202",
                "/api/settlement/statements/{id}/payments", "201",
                "/api/settlement/statements/{id}/notes", "201",
                "/api/settlement/fx-rates", "201",
                "/api/settlement/fx-rates/{id}/correction", "201");

        expected.forEach((path, status) -> {
            JsonNode responses = paths.path(path).path("post").path("responses");
            assertThat(responses.has(status)).as("POST %s documents %s", path, status).isTrue();
            assertThat(responses.has("200")).as("POST %s documents no 200", path).isFalse();
        });
    }

    @Test
    void apiDocsDescribeTheAgreementVersionsAStatementWasComputedWith() {
        JsonNode schemas = TestHttp.localPort(port).get("/v3/api-docs").json().path("components").path("schemas");
        JsonNode agreements = schemas.path("StatementView").path("properties").path("agreements");
        assertThat(agreements.path("description").asString()).contains("agreement versions");
        assertThat(agreements.path("items").path("$ref").asString())
                .endsWith("/StatementAgreementVersion");
        assertThat(schemas.path("StatementAgreementVersion").path("properties").has("agreementId")).isTrue();
        assertThat(schemas.path("StatementAgreementVersion").path("properties").has("version")).isTrue();
    }
}
