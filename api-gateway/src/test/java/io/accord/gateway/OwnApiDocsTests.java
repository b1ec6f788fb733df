package io.accord.gateway;

import io.accord.contracts.Roles;
import io.accord.testsupport.ApiDocsConventionChecks;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own API document follows the conventions every service's follows (test-support's
 * {@link ApiDocsConventionChecks}), so a new own operation that does not say who may call it fails the build; and
 * the roles it names are exactly those whose token the gateway lets through.
 */
class OwnApiDocsTests extends EchoBackedGatewaySupport {

    private static final List<String> ROLES = List.of(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS,
            Roles.FINANCE, Roles.AUDITOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);

    @Test
    void followsTheServicesApiDocsConventions() {
        JsonNode document = document();

        assertThat(ApiDocsConventionChecks.breaches(document)).isEmpty();
        assertThat(ApiDocsConventionChecks.unlockedOperations(document)).isEmpty();
        assertThat(document.has("security")).as("the operations carry their locks, not the document").isFalse();
    }

    @Test
    void eachOwnOperationSaysWhoMayCallIt() {
        JsonNode paths = document().get("paths");

        for (String path : List.of("/api/audit", "/api/audit/export", "/api/audit/verification")) {
            JsonNode operation = paths.get(path).get("get");
            assertThat(operation.get("description").asString()).endsWith("\n\nRoles: platform-admin, auditor.");
            assertThat(operation.get("x-accord-roles").toString()).isEqualTo("[\"platform-admin\",\"auditor\"]");
            assertThat(operation.at("/responses/403/content/application~1problem+json/example/type").asString())
                    .isEqualTo("https://accord.dev/problems/forbidden");
            assertThat(operation.at("/responses/503/content/application~1problem+json/example/status").asInt())
                    .isEqualTo(503);
        }
    }

    @Test
    void theRolesItNamesAreTheOnesLetThrough() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                List<String> named = new ArrayList<>();
                operation.getValue().get("x-accord-roles").forEach(role -> named.add(role.asString()));
                for (String role : ROLES) {
                    int status = client.method(HttpMethod.valueOf(operation.getKey().toUpperCase()))
                            .uri(path.getKey())
                            .header(AUTHORIZATION, bearer(Roles.PARTNER.contains(role)
                                    ? TestTokens.partner(role) : TestTokens.staff(role)))
                            .exchange()
                            .returnResult(String.class).getStatus().value();
                    assertThat(status != 401 && status != 403)
                            .as("%s %s with a token of %s: %s", operation.getKey(), path.getKey(), role, status)
                            .isEqualTo(named.contains(role));
                    checked.add(role);
                }
            }
        }
        assertThat(checked).hasSize(3 * ROLES.size());
    }

    private JsonNode document() {
        String json = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(json);
    }
}
