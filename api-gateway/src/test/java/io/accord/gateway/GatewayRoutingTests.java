package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutingTests extends EchoBackedGatewaySupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/onboarding/applications/42, onboarding",
            "/tmf-api/party/v4/organization, onboarding",
            "/tmf-api/partnershipManagement/v4/partnership, onboarding",
            "/tmf-api/agreementManagement/v4/agreement, onboarding",
            "/tmf-api/document/v4/document, onboarding",
            "/api/catalog/offerings, catalog",
            "/tmf-api/productCatalogManagement/v4/productOffering, catalog",
            "/api/orchestration/sagas, orchestration",
            "/tmf-api/quoteManagement/v4/quote, orchestration",
            "/tmf-api/productOrderingManagement/v4/productOrder, orchestration",
            "/tmf-api/productInventory/v4/product, orchestration",
            "/api/rating/suspense, rating",
            "/tmf-api/usageManagement/v4/usage, rating",
            "/api/settlement/runs, settlement",
            "/tmf-api/customerBillManagement/v4/customerBill, settlement",
            "/tmf-api/accountManagement/v4/partyAccount, settlement",
            "/api/disputes/42/comments, dispute",
            "/tmf-api/troubleTicket/v4/troubleTicket, dispute"})
    void routesEachServicePathUnchangedToItsBackend(String path, String backend) {
        client.get().uri(path + "?offset=0&limit=10")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo(backend)
                .jsonPath("$.path").isEqualTo(path + "?offset=0&limit=10");
    }

    /** A partner admin registers and removes its TMF620 hub listener through the gateway (catalog checks who). */
    @Test
    void letsAPartnerAdminRegisterAndDeleteACatalogHubListener() {
        String token = TestTokens.partner(Roles.PARTNER_ADMIN);
        String hub = "/tmf-api/productCatalogManagement/v4/hub";

        client.post().uri(hub)
                .header(AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"callback\":\"https://partner.example.com/tmf/listener\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo("catalog")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.path").isEqualTo(hub);
        client.delete().uri(hub + "/5b0e3c7e-3c1f-4d43-9a57-2f0e8f1c2a10")
                .header(AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo("catalog")
                .jsonPath("$.method").isEqualTo("DELETE");
    }

    @Test
    void relaysTheCallersTokenUnchanged() {
        String token = TestTokens.partner(Roles.PARTNER_ADMIN);

        client.post().uri("/api/catalog/offerings")
                .header(AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"IoT bundle\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.authorization").isEqualTo(bearer(token));
    }

    @Test
    void createsACorrelationIdAndGivesItToBackendAndCaller() {
        var result = client.get().uri("/api/rating/rollups")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(EchoedRequest.class)
                .returnResult();

        String returned = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseBody().correlationId()).isEqualTo(returned);
    }

    @Test
    void keepsTheCallersValidCorrelationId() {
        client.get().uri("/api/settlement/runs")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.FINANCE)))
                .header("X-Correlation-Id", "portal-1234.abc_DEF")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "portal-1234.abc_DEF")
                .expectBody().jsonPath("$.correlationId").isEqualTo("portal-1234.abc_DEF");
    }

    @Test
    void replacesAnInvalidCorrelationId() {
        var result = client.get().uri("/api/settlement/runs")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.FINANCE)))
                .header("X-Correlation-Id", "bad id; drop table" + "x".repeat(70))
                .exchange()
                .expectStatus().isOk()
                .expectBody(EchoedRequest.class)
                .returnResult();

        String returned = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseBody().correlationId()).isEqualTo(returned);
    }

    @Test
    void answersAnUnknownPathWithANotFoundProblem() {
        assertProblem(client.get().uri("/api/nothing-here")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange(), 404, "not-found");
        // a guessed document path says where the documents are
        client.get().uri("/v3/api-docs/catalog").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("/swagger-ui.html").contains("/docs/<service>/v3/api-docs"));
    }

    @Test
    void servesEachServicesOpenApiDocumentPointingAtTheGateway() {
        client.get().uri("/docs/catalog/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("catalog")
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void listsEveryServiceAndTheGatewayInTheSwaggerUi() {
        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(urls -> assertThat((List<Object>) urls).containsExactlyInAnyOrder(
                        "/docs/onboarding/v3/api-docs", "/docs/catalog/v3/api-docs",
                        "/docs/orchestration/v3/api-docs", "/docs/rating/v3/api-docs",
                        "/docs/settlement/v3/api-docs", "/docs/dispute/v3/api-docs", "/v3/api-docs"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void exposesLivenessAndReadinessWithoutAToken() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsToOpsOnly() {
        client.get().uri("/actuator/prometheus")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.OPS)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        assertProblem(client.get().uri("/actuator/prometheus")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .exchange(), 403, "forbidden");
    }

    record EchoedRequest(String backend, String method, String path, String authorization, String correlationId) {
    }
}
