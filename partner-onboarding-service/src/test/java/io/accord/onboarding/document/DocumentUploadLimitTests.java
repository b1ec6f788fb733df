package io.accord.onboarding.document;

import io.accord.testsupport.TestMultipart;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.accord.onboarding.document.DocumentClient.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 10 MB default limit through the real Tomcat: a file over it is refused by the multipart parser itself
 * with 413 problem+json, the whole body is read so the client gets that answer, and nothing is stored.
 */
@AccordServiceTest
class DocumentUploadLimitTests {

    private static final int LIMIT = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;

    DocumentUploadLimitTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private DocumentClient partnerAdmin;

    @BeforeEach
    void partner() {
        String partnerId = DocumentApiTests.createPartner(port, "Big Files AG");
        partnerAdmin = new DocumentClient(port, TestJwt.partner("pa", partnerId, Roles.PARTNER_ADMIN));
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        DocumentClient.Response created = partnerAdmin.upload(DocumentApiTests.form(SampleFiles.pdfOfSize(LIMIT),
                "big.pdf", "application/pdf", "CONTRACT", "Exactly ten megabytes"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("attachment").get(0).get("size").get("amount").asLong()).isEqualTo(LIMIT);
    }

    @Test
    void oneByteOverTheLimitIs413ProblemJsonAndStoresNothing() {
        long before = storedVersions();

        DocumentClient.Response refused = partnerAdmin.upload(DocumentApiTests.form(
                SampleFiles.pdfOfSize(LIMIT + 1), "big.pdf", "application/pdf", "CONTRACT", "Too big"));

        assertPayloadTooLarge(refused);
        assertThat(storedVersions()).isEqualTo(before);
        assertThat(partnerAdmin.get(DOCUMENTS).header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void aRequestFarOverTheLimitIsRefusedBeforeItIsParsedAndTheClientStillGets413() {
        long before = storedVersions();

        DocumentClient.Response refused = partnerAdmin.upload(DocumentApiTests.form(
                SampleFiles.pdfOfSize(3 * LIMIT), "huge.pdf", "application/pdf", "CONTRACT", "Far too big"));

        assertPayloadTooLarge(refused);
        assertThat(storedVersions()).isEqualTo(before);
    }

    @Test
    void anOversizeNewVersionIs413AndKeepsTheDocumentAsItWas() {
        String id = partnerAdmin.upload(DocumentApiTests.form(SampleFiles.PDF, "c.pdf", "application/pdf",
                "CONTRACT", "Contract")).json().get("id").asString();

        DocumentClient.Response refused = partnerAdmin.post(DOCUMENTS + "/" + id + "/version",
                new TestMultipart().file("file", "c2.pdf", "application/pdf", SampleFiles.pdfOfSize(LIMIT + 1)));

        assertPayloadTooLarge(refused);
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id).json().get("version").asString()).isEqualTo("1");
        assertThat(partnerAdmin.get(DOCUMENTS + "/" + id + "/version").json().size()).isEqualTo(1);
    }

    private static void assertPayloadTooLarge(DocumentClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://accord.dev/problems/payload-too-large");
        assertThat(response.json().get("correlationId").asString()).isNotBlank();
    }

    private long storedVersions() {
        return jdbc.sql("select count(*) from document_content").query(Long.class).single();
    }
}
