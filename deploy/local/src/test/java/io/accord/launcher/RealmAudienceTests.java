package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Gateway and services accept only access tokens whose {@code aud} holds {@code accord-api}: every client that
 * calls the API must get that audience from the realm, and the one that only manages users must not.
 */
class RealmAudienceTests {

    private static final List<String> API_CLIENTS =
            List.of("accord-cli", "self-care-portal", "ops-console", "ci-pipeline");

    private final JsonNode realm = new ObjectMapper().readTree(Path.of("../keycloak/accord-realm.json").toFile());

    @Test
    void theAccordScopeMapsTheApiAudienceIntoAccessTokens() {
        JsonNode audience = mapper(scope("accord"), "oidc-audience-mapper");

        assertThat(audience.path("config").path("included.custom.audience").asString()).isEqualTo("accord-api");
        assertThat(audience.path("config").path("access.token.claim").asString()).isEqualTo("true");
    }

    @Test
    void everyClientThatCallsTheApiGetsTheAudienceAndTheUserManagerDoesNot() {
        for (String clientId : API_CLIENTS) {
            assertThat(defaultScopes(client(clientId))).as(clientId).contains("accord");
        }
        assertThat(defaultScopes(client("accord-onboarding"))).doesNotContain("accord");
        List<String> known = new ArrayList<>(API_CLIENTS);
        known.add("accord-onboarding");
        assertThat(realm.path("clients")).extracting(client -> client.path("clientId").asString())
                .as("a new client must be added to this test: does it call the API?")
                .containsExactlyInAnyOrderElementsOf(known);
    }

    private JsonNode scope(String name) {
        for (JsonNode scope : realm.path("clientScopes")) {
            if (name.equals(scope.path("name").asString())) {
                return scope;
            }
        }
        throw new AssertionError("no client scope " + name);
    }

    private static JsonNode mapper(JsonNode scope, String type) {
        for (JsonNode mapper : scope.path("protocolMappers")) {
            if (type.equals(mapper.path("protocolMapper").asString())) {
                return mapper;
            }
        }
        throw new AssertionError("no " + type + " in " + scope.path("name").asString());
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> defaultScopes(JsonNode client) {
        List<String> scopes = new ArrayList<>();
        client.path("defaultClientScopes").forEach(scope -> scopes.add(scope.asString()));
        return scopes;
    }
}
