package io.accord.onboarding;

import io.accord.platform.web.EntityTags;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class OnboardingServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/onboarding";
    }

    /** The applicant's flow: no account, the tracking secret instead. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("POST /api/onboarding/applications", "GET /api/onboarding/applications/requirements",
                "GET /api/onboarding/applications/{id}",
                "PUT /api/onboarding/applications/{id}", "GET /api/onboarding/applications/{id}/documents",
                "POST /api/onboarding/applications/{id}/documents",
                "POST /api/onboarding/applications/{id}/submission");
    }

    /** Roles set by path rules ({@code PartnerAuthorization}), not {@code @PreAuthorize}, are in the docs too. */
    @Test
    void operationsGuardedByPathRulesAndPublicOnesSayWhoMayCallThem() {
        JsonNode paths = TestHttp.localPort(port).get("/v3/api-docs").json().path("paths");

        JsonNode contacts = paths.path("/api/onboarding/partners/{id}/contacts").path("put");
        assertThat(contacts.path("description").asString())
                .isEqualTo("Roles: platform-admin, partner-manager, partner-admin.");
        assertThat(contacts.path("x-accord-roles").toString())
                .isEqualTo("[\"platform-admin\",\"partner-manager\",\"partner-admin\"]");
        assertThat(paths.path("/api/onboarding/partners/{id}/bank-account/confirmation").path("post")
                .path("description").asString()).isEqualTo("Roles: platform-admin, partner-manager, finance.");
        JsonNode submit = paths.path("/api/onboarding/applications/{id}/submission").path("post");
        assertThat(submit.path("description").asString()).contains("tracking secret")
                .endsWith("\n\nRoles: anyone (no token needed).");
        assertThat(submit.path("x-accord-roles").toString()).isEqualTo("[\"anyone\"]");
    }

    /** The partner's ETag is read from its GET and sent back as If-Match on an action on it: the GET says so. */
    @Test
    void thePartnersReadDocumentsTheConditionalAnswersItsContactsChangeRelyOn() {
        JsonNode paths = TestHttp.localPort(port).get("/v3/api-docs").json().path("paths");
        JsonNode read = paths.path("/api/onboarding/partners/{id}").path("get");
        JsonNode contacts = paths.path("/api/onboarding/partners/{id}/contacts").path("put");

        assertThat(headers(contacts)).contains("If-Match").doesNotContain("If-None-Match");
        assertThat(contacts.path("parameters").findValuesAsString("description")).contains(EntityTags.IF_MATCH);
        assertThat(headers(read)).as(read.toString()).containsExactlyInAnyOrder("If-Match", "If-None-Match");
        assertThat(read.path("responses").has("304")).isTrue();
        assertThat(read.path("responses").has("412")).isTrue();
        assertThat(read.at("/responses/200/headers/ETag").isMissingNode()).isFalse();
    }

    private static List<String> headers(JsonNode operation) {
        List<String> headers = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asString())) {
                headers.add(parameter.path("name").asString());
            }
        });
        return headers;
    }
}
