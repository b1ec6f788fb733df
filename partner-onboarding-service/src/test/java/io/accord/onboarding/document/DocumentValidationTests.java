package io.accord.onboarding.document;

import io.accord.testsupport.TestMultipart;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.onboarding.document.DocumentClient.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad upload is a 400 (or 415) problem+json naming what is wrong, and stores nothing. */
@AccordServiceTest
class DocumentValidationTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;

    DocumentValidationTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private String partnerId;
    private DocumentClient partnerAdmin;
    private long storedBefore;

    @BeforeEach
    void setUp() {
        partnerId = DocumentApiTests.createPartner(port, "Careless Uploads SARL");
        partnerAdmin = new DocumentClient(port, TestJwt.partner("pa", partnerId, Roles.PARTNER_ADMIN));
        storedBefore = stored();
    }

    @Test
    void aRenamedExecutableSentAsContractPdfIsRefusedSayingWhatItReallyIs() {
        DocumentClient.Response refused = partnerAdmin.upload(DocumentApiTests.form(SampleFiles.EXE, "contract.pdf",
                "application/pdf", "CONTRACT", "Contract"));

        assertProblem(refused, 400, "validation-error");
        assertThat(fields(refused)).containsExactly("file");
        assertThat(refused.json().get("detail").asString()).contains("Windows/DOS executable")
                .contains("only PDF, PNG and JPEG");
        assertNothingStored();
    }

    @Test
    void aMissingFilePartIsNamed() {
        DocumentClient.Response refused = partnerAdmin.upload(new TestMultipart()
                .field("documentType", "CONTRACT").field("name", "Contract"));

        assertProblem(refused, 400, "validation-error");
        assertThat(fields(refused)).containsExactly("file");
        assertNothingStored();
    }

    @Test
    void textSentWhereTheFilePartBelongsIsAMissingFileNotABindingError() {
        DocumentClient.Response refused = partnerAdmin.upload(new TestMultipart().field("file", "%PDF-1.4")
                .field("documentType", "CONTRACT").field("name", "Contract"));

        assertProblem(refused, 400, "validation-error");
        assertThat(fields(refused)).containsExactly("file");
        assertThat(refused.text()).doesNotContain("java.lang");
    }

    @Test
    void anUnknownDocumentTypeIsNamedWithTheAllowedValues() {
        DocumentClient.Response refused = partnerAdmin.upload(DocumentApiTests.form(SampleFiles.PDF, "p.pdf",
                "application/pdf", "PASSPORT", "Passport"));

        assertProblem(refused, 400, "validation-error");
        assertThat(fields(refused)).containsExactly("documentType");
        assertThat(refused.json().get("detail").asString())
                .contains("CONTRACT, CERTIFICATE, TAX_FORM, IDENTITY, BANK_PROOF, OTHER");
        assertNothingStored();
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        DocumentClient.Response refused = partnerAdmin.upload(new TestMultipart().field("unrelated", "x"));

        assertProblem(refused, 400, "validation-error");
        assertThat(fields(refused)).containsExactlyInAnyOrder("file", "documentType", "name");
    }

    @Test
    void aMalformedExpiryDateAnEmptyFileAndABadPartnerAreNamed() {
        assertThat(fields(partnerAdmin.upload(DocumentApiTests.form(SampleFiles.PDF, "p.pdf", "application/pdf",
                "CONTRACT", "C").field("expiryDate", "31.12.2026")))).containsExactly("expiryDate");
        assertThat(fields(partnerAdmin.upload(DocumentApiTests.form(new byte[0], "p.pdf", "application/pdf",
                "CONTRACT", "C")))).containsExactly("file");
        assertThat(fields(partnerAdmin.upload(DocumentApiTests.form(SampleFiles.PDF, "p.pdf", "application/pdf",
                "CONTRACT", "C").field("partnerId", UUID.randomUUID().toString())))).containsExactly("partnerId");
        DocumentClient manager = new DocumentClient(port, TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        assertThat(fields(manager.upload(DocumentApiTests.form(SampleFiles.PDF, "p.pdf", "application/pdf",
                "CONTRACT", "C")))).containsExactly("partnerId");
        assertThat(fields(manager.upload(DocumentApiTests.form(SampleFiles.PDF, "p.pdf", "application/pdf",
                "CONTRACT", "C").field("partnerId", UUID.randomUUID().toString())))).containsExactly("partnerId");
        assertNothingStored();
    }

    @Test
    void aJsonBodyIsAnUnsupportedMediaType() {
        DocumentClient.Response refused = partnerAdmin.send("POST", DOCUMENTS, "application/json",
                "{\"name\": \"Contract\"}");

        assertProblem(refused, 415, "unsupported-media-type");
        assertNothingStored();
    }

    @Test
    void anExecutableAsANewVersionIsRefusedAndTheDocumentStaysAsItWas() {
        String id = partnerAdmin.upload(DocumentApiTests.form(SampleFiles.PDF, "c.pdf", "application/pdf",
                "CONTRACT", "Contract")).json().get("id").asString();

        DocumentClient.Response refused = partnerAdmin.post(DOCUMENTS + "/" + id + "/version",
                new TestMultipart().file("file", "v2.pdf", "application/pdf", SampleFiles.EXE));

        assertProblem(refused, 400, "validation-error");
        assertThat(fields(refused)).containsExactly("file");
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version").json().size()).isEqualTo(1);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/content").body()).isEqualTo(SampleFiles.PDF);
    }

    @Test
    void badListParametersAreBadRequestsAndBadIdsNotFoundNotServerErrors() {
        assertThat(fields(partnerAdmin.get(DOCUMENTS + "?expiringWithinDays=-1"))).containsExactly("expiringWithinDays");
        assertThat(fields(partnerAdmin.get(DOCUMENTS + "?expiringWithinDays=soon"))).containsExactly("expiringWithinDays");
        assertThat(fields(partnerAdmin.get(DOCUMENTS + "?documentType=PASSPORT"))).containsExactly("documentType");
        assertThat(fields(partnerAdmin.get(DOCUMENTS + "?limit=0"))).containsExactly("limit");
        assertThat(partnerAdmin.get(DOCUMENTS + "/not-a-uuid").status()).isEqualTo(404);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + UUID.randomUUID() + "/version/x/content").status()).isEqualTo(404);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static void assertProblem(DocumentClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://accord.dev/problems/" + type);
        assertThat(response.json().get("correlationId").asString()).isNotBlank();
    }

    private void assertNothingStored() {
        assertThat(stored()).isEqualTo(storedBefore);
        assertThat(partnerAdmin.get(DOCUMENTS).header("X-Total-Count")).isEqualTo("0");
    }

    private long stored() {
        return jdbc.sql("select count(*) from document_content").query(Long.class).single();
    }

    private static List<String> fields(DocumentClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        for (JsonNode violation : response.json().get("violations")) {
            fields.add(violation.get("field").asString());
        }
        return fields;
    }
}
