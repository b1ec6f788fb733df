package io.accord.platform.idempotency;

import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's API docs conventions on a tiny service (the idempotency test application, with a public path):
 * login through Keycloak, locks only where a token is needed, problem answers with examples, Location on 201.
 */
@IdempotencyTestApplication.Test
class ApiDocsConventionsTests {

    @LocalServerPort
    int port;

    private JsonNode docs() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void offersAKeycloakLoginWithTheIssuersEndpointsAndTellsHowToUseIt() {
        JsonNode docs = docs();
        JsonNode flow = docs.at("/components/securitySchemes/keycloak/flows/authorizationCode");

        assertThat(flow.get("authorizationUrl").asString()).isEqualTo(TestJwt.ISSUER + "/protocol/openid-connect/auth");
        assertThat(flow.get("tokenUrl").asString()).isEqualTo(TestJwt.ISSUER + "/protocol/openid-connect/token");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        // the demo users only where the development realm is declared (./accord up): not by default
        assertThat(docs.at("/info/description").asString()).contains("ops-console", "self-care-portal")
                .doesNotContain("partner-manager-dev", "partner-admin-b");
        assertThat(docs.has("security")).as("no document-wide lock").isFalse();
    }

    @Test
    void onlyOperationsThatNeedATokenCarryALock() {
        JsonNode docs = docs();

        assertThat(docs.at("/paths/~1api~1public~1things/post").has("security")).isFalse();
        assertThat(docs.at("/paths/~1api~1public~1things/post/responses").has("401")).isFalse();
        assertThat(docs.at("/paths/~1api~1things/post/security").toString()).contains("keycloak", "bearer");
        assertThat(docs.at("/paths/~1api~1things/post/responses").has("401")).isTrue();
    }

    @Test
    void documentsTheProblemAnswersWithTheirSchemaAndAnExampleEach() {
        JsonNode docs = docs();
        List<String> properties = new ArrayList<>();
        docs.at("/components/schemas/Problem/properties").propertyNames().forEach(properties::add);

        assertThat(properties).containsExactly("type", "title", "status", "detail", "instance", "correlationId",
                "violations");
        JsonNode create = docs.at("/paths/~1api~1things/post/responses");
        for (String status : List.of("400", "401", "403", "409", "415", "422", "429")) {
            JsonNode problem = create.at("/" + status + "/content/application~1problem+json");
            assertThat(problem.at("/schema/$ref").asString()).as(status).isEqualTo("#/components/schemas/Problem");
            assertThat(problem.at("/example/status").asInt()).as(status).isEqualTo(Integer.parseInt(status));
        }
        assertThat(create.has("404")).as("no id in the path").isFalse();
        assertThat(docs.at("/paths/~1api~1things~1{id}/patch/responses").has("404")).isTrue();
        assertThat(docs.at("/paths/~1api~1uploads/post/responses").has("413")).isTrue();
        assertThat(docs.toString()).doesNotContain("\"*/*\"");
    }

    @Test
    void aCreatedAnswerNamesItsLocation() {
        JsonNode created = docs().at("/paths/~1api~1things/post/responses/201");

        assertThat(created.at("/headers/Location/schema/format").asString()).isEqualTo("uri");
        assertThat(created.at("/content/application~1json").isMissingNode()).isFalse();
    }
}
