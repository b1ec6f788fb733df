package io.accord.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's Swagger UI opens on onboarding and logs in through Keycloak with a public client and PKCE. */
class SwaggerUiTests extends EchoBackedGatewaySupport {

    private static final String REDIRECT = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

    @Test
    void opensOnOnboardingTheStartOfThePartnersJourney() {
        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$['urls.primaryName']").isEqualTo("onboarding")
                .jsonPath("$.urls[?(@.name == 'onboarding')].url").isEqualTo("/docs/onboarding/v3/api-docs");
    }

    @Test
    void logsInThroughKeycloakWithTheOpsConsoleClientAndPkce() {
        String initializer = client.get().uri("/swagger-ui/swagger-initializer.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(initializer).contains("initOAuth");
        assertThat(initializer).containsPattern("\"clientId\"\\s*:\\s*\"ops-console\"");
        assertThat(initializer).containsPattern("\"usePkceWithAuthorizationCodeGrant\"\\s*:\\s*true");
    }

    @Test
    void theGatewaysOwnDocumentOffersTheSameLogin() {
        client.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl")
                .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/auth")
                .jsonPath("$.paths['/api/audit'].get.operationId").isEqualTo("auditTrailAcrossServices");
    }

    @Test
    void theRealmsLoginClientsAcceptTheSwaggerUiRedirectAndOrigin() {
        JsonNode realm = JsonMapper.builder().build()
                .readTree(Path.of("../deploy/keycloak/accord-realm.json").toFile());
        List<String> checked = new ArrayList<>();

        for (JsonNode client : realm.get("clients")) {
            String id = client.get("clientId").asString();
            if (!List.of("ops-console", "self-care-portal").contains(id)) {
                continue;
            }
            assertThat(client.get("publicClient").asBoolean()).as(id).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).as(id).isTrue();
            assertThat(client.at("/attributes/pkce.code.challenge.method").asString()).as(id).isEqualTo("S256");
            List<String> redirects = new ArrayList<>();
            client.get("redirectUris").forEach(uri -> redirects.add(uri.asString()));
            assertThat(redirects).as(id).anyMatch(SwaggerUiTests::acceptsTheSwaggerRedirect);
            assertThat(client.get("webOrigins").toString()).as(id).contains("\"http://localhost:8080\"");
            checked.add(id);
        }
        assertThat(checked).containsExactlyInAnyOrder("ops-console", "self-care-portal");
    }

    /** Keycloak's rule: a redirect URI pattern matches exactly, or by its prefix when it ends with {@code *}. */
    private static boolean acceptsTheSwaggerRedirect(String pattern) {
        return pattern.endsWith("*")
                ? REDIRECT.startsWith(pattern.substring(0, pattern.length() - 1))
                : Pattern.matches(Pattern.quote(pattern), REDIRECT);
    }
}
