package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.accord.onboarding.application.Applicants.APPLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** One vocabulary between requests, check reasons and errors; typos never pass unnoticed. */
@AccordServiceTest
class ApplicantVocabularyTests {

    @LocalServerPort
    int port;

    private TestHttp anonymous;
    private TestHttp manager;

    @BeforeEach
    void clients() {
        anonymous = TestHttp.localPort(port);
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-vera", Roles.PARTNER_MANAGER));
    }

    @Test
    void aMisspeltFieldIsRefusedNamingItAndNoApplicationIsCreated() {
        String name = Applicants.uniqueName("Typo Media");
        String json = Applicants.cleanOtt(name, Applicants.uniqueGermanVat())
                .replace("\"tradingName\"", "\"tradingNmae\"");

        TestHttp.Response refused = anonymous.post(APPLICATIONS, json);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("violations").get(0).get("field").asString()).isEqualTo("tradingNmae");
        assertThat(refused.json().get("detail").asString()).contains("tradingNmae");
        assertThat(manager.get("/api/onboarding/admin/applications?limit=500").body()).doesNotContain(name);
    }

    @Test
    void aMisspeltNestedFieldIsNamedByItsJsonPath() {
        String json = Applicants.cleanOtt(Applicants.uniqueName("Nested Typo"), Applicants.uniqueGermanVat())
                .replace("\"street1\"", "\"stret1\"");

        TestHttp.Response refused = anonymous.post(APPLICATIONS, json);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("violations").get(0).get("field").asString())
                .isEqualTo("registeredAddress.stret1");
    }

    @Test
    void theOldBusinessModelNameIsRefused() {
        String json = Applicants.cleanOtt(Applicants.uniqueName("Old Name"), Applicants.uniqueGermanVat())
                .replace("\"businessModel\"", "\"requestedBusinessModel\"");

        TestHttp.Response refused = anonymous.post(APPLICATIONS, json);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("requestedBusinessModel");
    }

    @Test
    void checkReasonsNameTheRequestsJsonPaths() {
        String json = Applicants.cleanOtt(Applicants.uniqueName("Incomplete"), Applicants.uniqueGermanVat())
                .replace("\"street1\": \"Friedrichstraße 68\", ", "")
                .replaceAll("\"iban\": \"[A-Z0-9]+\", ", "");
        Applicants.Draft draft = Applicants.apply(anonymous, json);
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");

        JsonNode submitted = draft.submit(anonymous).json();

        String reason = "";
        for (JsonNode check : submitted.get("checks")) {
            if ("mandatory-data".equals(check.get("check").asString())) {
                reason = check.get("reason").asString();
            }
        }
        assertThat(reason).contains("registeredAddress.street1", "bankAccount.iban")
                .doesNotContain("line1", " iban");
    }

    @Test
    void aMissingTrackingSecretIsAskedFor() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Secretless"), Applicants.uniqueGermanVat()));

        TestHttp.Response withoutSecret = anonymous.get(APPLICATIONS + "/" + draft.id());

        assertThat(withoutSecret.status()).isEqualTo(401);
        assertThat(withoutSecret.contentType()).startsWith("application/problem+json");
        assertThat(withoutSecret.json().get("detail").asString())
                .startsWith("This application needs its tracking secret in X-Tracking-Secret");
        assertThat(withoutSecret.json().get("type").asString()).endsWith("/unauthorized");
        assertThat(anonymous.post(APPLICATIONS + "/" + draft.id() + "/submission", null).status()).isEqualTo(401);

        // a valid staff token is not a secret: 403 pointing to the staff path, not "authenticate"
        TestHttp.Response withToken = manager.get(APPLICATIONS + "/" + draft.id());
        assertThat(withToken.status()).isEqualTo(403);
        assertThat(withToken.contentType()).startsWith("application/problem+json");
        assertThat(withToken.json().get("detail").asString()).contains("X-Tracking-Secret",
                "/api/onboarding/admin/applications/{id}");
        assertThat(manager.post(APPLICATIONS + "/" + draft.id() + "/submission", null).status()).isEqualTo(403);
    }
}
