package io.accord.onboarding;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
}
