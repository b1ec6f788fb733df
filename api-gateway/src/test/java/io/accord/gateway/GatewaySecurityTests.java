package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySecurityTests extends EchoBackedGatewaySupport {

    @Test
    void rejectsARequestWithoutTokenWithUnauthorizedProblem() {
        var response = client.get().uri("/tmf-api/productCatalogManagement/v4/productOffering").exchange();

        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void rejectsExpiredForeignAndForgedTokens() {
        for (String token : new String[] {TestTokens.expired(Roles.PARTNER_USER),
                TestTokens.fromOtherIssuer(Roles.PARTNER_USER), TestTokens.signedWithUnknownKey(Roles.PARTNER_USER),
                TestTokens.forOtherAudience(Roles.PARTNER_USER), TestTokens.ofType("ID", Roles.PARTNER_USER),
                TestTokens.ofType("Refresh", Roles.PARTNER_USER),
                "not-a-jwt"}) {
            var response = client.get().uri("/api/catalog/offerings").header(AUTHORIZATION, bearer(token)).exchange();

            response.expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*");
            assertProblem(response, 401, "unauthorized");
        }
    }

    @Test
    void refusesTokensNotMeantForTheAccordApiSayingWhy() {
        client.get().uri("/api/catalog/offerings")
                .header(AUTHORIZATION, bearer(TestTokens.forOtherAudience(Roles.OPS)))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("aud"));

        client.get().uri("/api/catalog/offerings")
                .header(AUTHORIZATION, bearer(TestTokens.ofType("ID", Roles.OPS)))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("typ"));

        client.get().uri("/api/catalog/offerings")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.OPS)))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void probesArePublicOnThePublicPortButMetricsStayForStaff() {
        client.get().uri("/readyz").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/livez").exchange().expectStatus().isOk();

        assertProblem(client.get().uri("/actuator/prometheus").exchange(), 401, "unauthorized");
    }

    @Test
    void showsHealthDetailsToPlatformAdminsAndOpsOnly() {
        for (String role : new String[] {Roles.OPS, Roles.PLATFORM_ADMIN}) {
            client.get().uri("/actuator/health").header(AUTHORIZATION, bearer(TestTokens.staff(role))).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components.diskSpace.details.free").isNumber();
        }
        for (String token : new String[] {TestTokens.staff(Roles.FINANCE, Roles.AUDITOR),
                TestTokens.partner(Roles.PARTNER_ADMIN)}) {
            client.get().uri("/actuator/health").header(AUTHORIZATION, bearer(token)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        }
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    }

    @Test
    void forbidsATokenWithoutAnyAccordRole() {
        assertProblem(client.get().uri("/api/catalog/offerings")
                .header(AUTHORIZATION, bearer(TestTokens.partner("offline_access", "default-roles-accord")))
                .exchange(), 403, "forbidden");
    }

    @Test
    void keepsAdminPathsForStaff() {
        assertProblem(client.get().uri("/api/catalog/admin/submissions")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .exchange(), 403, "forbidden");

        client.get().uri("/api/catalog/admin/submissions")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.PARTNER_MANAGER)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("catalog");
    }

    @Test
    void keepsAuditPathsForAuditorsAndPlatformAdmins() {
        assertProblem(client.get().uri("/api/settlement/audit/events")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.FINANCE)))
                .exchange(), 403, "forbidden");

        for (String role : new String[] {Roles.AUDITOR, Roles.PLATFORM_ADMIN}) {
            client.get().uri("/api/settlement/audit/events")
                    .header(AUTHORIZATION, bearer(TestTokens.staff(role)))
                    .exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void letsAnyoneSubmitAPartnerApplicationWithoutToken() {
        client.post().uri("/api/onboarding/applications")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"legalName\":\"Acme IoT\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo("onboarding")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.correlationId").isNotEmpty();
    }

    @Test
    void letsAnyoneReadWhatAnApplicationNeedsWithoutTokenOrSecret() {
        client.get().uri("/api/onboarding/applications/requirements")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.backend").isEqualTo("onboarding")
                .jsonPath("$.path").isEqualTo("/api/onboarding/applications/requirements");

        assertProblem(client.post().uri("/api/onboarding/applications/requirements").exchange(), 401, "unauthorized");
    }

    @Test
    void letsAnApplicantFollowItsApplicationWithTheTrackingSecretOnly() {
        client.get().uri("/api/onboarding/applications/42")
                .header("X-Tracking-Secret", "s3cret")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/onboarding/applications/42");

        assertProblem(client.get().uri("/api/onboarding/applications/42").exchange(), 401, "unauthorized");
        assertProblem(client.get().uri("/api/onboarding/applications").exchange(), 401, "unauthorized");
    }

    @Test
    void aMissingTrackingSecretIsAskedForNotABearerToken() {
        client.get().uri("/api/onboarding/applications/42").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("This application needs its tracking secret in X-Tracking-Secret")
                        .doesNotContain("bearer"))
                .jsonPath("$.header").isEqualTo("X-Tracking-Secret");
    }

    @Test
    void aMissingTokenAnswerSaysWhereToGetOne() {
        client.get().uri("/api/catalog/offerings").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains(TestTokens.ISSUER + "/protocol/openid-connect/token", "client_id=accord-cli"))
                .jsonPath("$.tokenEndpoint").isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/token")
                .jsonPath("$.clientId").isEqualTo("accord-cli");
    }

    @Test
    void aMalformedTokenAnswerSaysWhatIsWrongInASentenceOfItsOwn() {
        client.get().uri("/api/catalog/offerings").header("Authorization", "Bearer nodots").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("The bearer token is not valid: ").contains(". Get one from ")
                        .doesNotContain(") Get one from", "s) Get one"));
    }

    @Test
    void letsAnApplicantAmendDocumentAndSubmitWithTheTrackingSecret() {
        client.put().uri("/api/onboarding/applications/42").header("X-Tracking-Secret", "s3cret")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        client.post().uri("/api/onboarding/applications/42/submission").header("X-Tracking-Secret", "s3cret")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/onboarding/applications/42/submission");

        assertProblem(client.post().uri("/api/onboarding/applications/42/submission").exchange(), 401,
                "unauthorized");
        assertProblem(client.post().uri("/api/onboarding/applications/42/other").header("X-Tracking-Secret", "s")
                .exchange(), 401, "unauthorized");
    }
}
