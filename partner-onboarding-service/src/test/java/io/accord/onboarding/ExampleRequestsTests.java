package io.accord.onboarding;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under {@code examples/onboarding} (copied into the jar) do what the README and the API docs promise:
 * the application is approved with no human step, the staff bodies are accepted, and the API docs show them.
 */
@AccordServiceTest
class ExampleRequestsTests {

    private static final String APPLICATIONS = "/api/onboarding/applications";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theExampleApplicationWithItsTwoDocumentsIsApprovedZeroTouch() {
        TestHttp anonymous = TestHttp.localPort(port);

        TestHttp.Response created = anonymous.post(APPLICATIONS, text("onboarding/application.json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(created.json().get("id").asString());
        String id = created.json().get("id").asString();
        TestHttp applicant = anonymous.header("X-Tracking-Secret", created.json().get("trackingSecret").asString());
        assertThat(attach(applicant, id, "TAX_FORM", "tax-form.pdf").status()).isEqualTo(201);
        assertThat(attach(applicant, id, "BANK_PROOF", "bank-statement.pdf").status()).isEqualTo(201);

        TestHttp.Response submitted = applicant.post(APPLICATIONS + "/" + id + "/submission", null);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).as(submitted.body()).isEqualTo("APPROVED");
        assertThat(submitted.json().get("partnerId").isNull()).isFalse();
    }

    @Test
    void theStaffExamplesAreAccepted() {
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm-examples", Roles.PARTNER_MANAGER));

        TestHttp.Response partner = manager.post("/api/onboarding/partners", text("onboarding/partner.json"));
        assertThat(partner.status()).as(partner.body()).isEqualTo(201);
        String partnerId = partner.json().get("id").asString();
        TestHttp.Response change = manager.put("/api/onboarding/partners/" + partnerId + "/bank-account",
                text("onboarding/bank-account-change.json"));
        assertThat(change.status()).as(change.body()).isEqualTo(200);
        assertThat(manager.put("/api/onboarding/partners/" + partnerId + "/contacts",
                text("onboarding/partner-contacts.json")).status()).isEqualTo(200);
        TestHttp.Response organization = manager.post("/tmf-api/party/v4/organization",
                text("onboarding/organization.json"));
        assertThat(organization.status()).as(organization.body()).isEqualTo(201);
        assertThat(manager.patch("/tmf-api/party/v4/organization/" + organization.json().get("id").asString(),
                text("onboarding/organization-patch.json")).status()).isEqualTo(200);
        TestHttp.Response agreement = manager.post("/tmf-api/agreementManagement/v4/agreement",
                text("onboarding/agreement.json").replace("11111111-1111-4111-8111-111111111111", partnerId));
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        TestHttp.Response corrected = manager.patch("/tmf-api/agreementManagement/v4/agreement/"
                + agreement.json().get("id").asString(), text("onboarding/agreement-patch.json"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("terms").get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(manager.post("/api/onboarding/partners/" + partnerId + "/suspension",
                text("onboarding/partner-status-change.json")).status()).isEqualTo(200);
        assertThat(manager.post("/api/onboarding/partners/" + partnerId + "/reinstatement",
                text("onboarding/partner-reinstatement.json")).status()).isEqualTo(200);
    }

    @Test
    void theApiDocsShowTheExampleFilesAsRequestBodies() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();

        assertThat(docs.at("/paths/~1api~1onboarding~1applications/post/requestBody/content/application~1json/example"))
                .isEqualTo(json("onboarding/application.json"));
        assertThat(docs.at("/paths/~1api~1onboarding~1partners/post/requestBody/content/application~1json/example"))
                .isEqualTo(json("onboarding/partner.json"));
        assertThat(docs.at("/paths/~1api~1onboarding~1applications/post/operationId").asString())
                .isEqualTo("applyAsPartner");
        assertThat(docs.at("/paths/~1api~1onboarding~1applications~1{id}~1submission/post/operationId").asString())
                .isEqualTo("submitApplication");
        assertThat(docs.at("/paths/~1api~1onboarding~1applications/post/responses/201/headers").has("Location"))
                .isTrue();
        assertThat(docs.at("/paths/~1tmf-api~1party~1v4~1organization~1{id}/delete/responses").has("204")).isTrue();
    }

    private static TestHttp.Response attach(TestHttp applicant, String id, String type, String file) {
        return applicant.postMultipart(APPLICATIONS + "/" + id + "/documents", new TestMultipart()
                .field("documentType", type).file("file", file, "application/pdf", bytes("onboarding/" + file)));
    }

    private static JsonNode json(String example) {
        return JSON.readTree(text(example));
    }

    private static String text(String example) {
        return new String(bytes(example), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String example) {
        try (InputStream in = new ClassPathResource("examples/" + example).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("examples/" + example + " is not on the classpath", e);
        }
    }
}
