package io.accord.platform.hub;

import io.accord.testsupport.ApiDocsConventionChecks;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.accord.platform.hub.HubTestApplication.CATALOG;
import static io.accord.platform.hub.HubTestApplication.ORDERING;
import static org.assertj.core.api.Assertions.assertThat;

/** Each configured hub is in the API docs, following the conventions every service's baseline test checks. */
@HubTestApplication.Test
class HubApiDocsTests {

    private final TestHttp anonymous;

    HubApiDocsTests(@LocalServerPort int port) {
        this.anonymous = TestHttp.localPort(port);
    }

    @Test
    void everyHubOperationIsDocumentedPerApiWithUniqueIdsAndAnExample() {
        JsonNode docs = anonymous.get("/v3/api-docs").json();

        assertThat(ApiDocsConventionChecks.breaches(docs)).isEmpty();
        assertThat(ApiDocsConventionChecks.unlockedOperations(docs)).isEmpty();
        JsonNode register = docs.path("paths").path(CATALOG + "/hub").path("post");
        assertThat(register.path("operationId").asString()).isEqualTo("registerHubListenerTestCatalog");
        assertThat(register.path("tags").get(0).asString()).isEqualTo("Event hub (testCatalog)");
        assertThat(register.path("requestBody").path("content").path("application/json").path("example")
                .path("query").asString())
                .isEqualTo("eventType=ProductOfferingCreateEvent,ProductOfferingStateChangeEvent");
        assertThat(register.path("description").asString()).contains("`ProductOfferingAttributeValueChangeEvent`")
                .contains("`CategoryCreateEvent`");
        JsonNode ordering = docs.path("paths").path(ORDERING + "/hub").path("post");
        assertThat(ordering.path("requestBody").path("content").path("application/json").path("example")
                .path("query").asString()).as("each API its own example")
                .isEqualTo("eventType=ProductOrderCreateEvent,ProductOrderStateChangeEvent");
        assertThat(ordering.path("description").asString()).contains("`ProductOrderStateChangeEvent`")
                .doesNotContain("ProductOffering");
        assertThat(register.path("responses").path("201").path("headers").has("Location")).isTrue();
        // the hub's roles come from its path rules (no @PreAuthorize), after the event types
        assertThat(register.path("description").asString()).startsWith("Event types of this API")
                .endsWith("\n\nRoles: platform-admin, partner-manager, ops, partner-admin.");
        assertThat(register.path("x-accord-roles").toString())
                .isEqualTo("[\"platform-admin\",\"partner-manager\",\"ops\",\"partner-admin\"]");
        assertThat(docs.path("paths").path(CATALOG + "/hub/{id}").path("get").path("x-accord-roles").toString())
                .isEqualTo("[\"platform-admin\",\"partner-manager\",\"ops\",\"finance\",\"auditor\","
                        + "\"partner-admin\"]");
        assertThat(docs.path("paths").path(ORDERING + "/hub").path("post").path("operationId").asString())
                .isEqualTo("registerHubListenerTestOrdering");
        assertThat(docs.path("paths").path(ORDERING + "/hub/{id}").path("delete").path("operationId").asString())
                .isEqualTo("unregisterHubListenerTestOrdering");
        assertThat(docs.path("paths").path(CATALOG + "/hub/{id}/enable").path("post").path("operationId").asString())
                .isEqualTo("enableHubListenerTestCatalog");
        assertThat(docs.path("paths").path(CATALOG + "/hub").path("get").path("operationId").asString())
                .isEqualTo("listHubListenersTestCatalog");
    }
}
