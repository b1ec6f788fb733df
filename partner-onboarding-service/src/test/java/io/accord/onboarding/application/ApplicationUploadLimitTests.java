package io.accord.onboarding.application;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.UUID;

import static io.accord.onboarding.application.Applicants.APPLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymous flow cannot fill the database: an application holds at most 10 documents (422 beyond) and 50 MB in
 * all (413 beyond), the defaults of {@code accord.onboarding.documents.max-per-application} and
 * {@code max-total-size-per-application}; a refused upload stores nothing.
 */
@AccordServiceTest
class ApplicationUploadLimitTests {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;

    ApplicationUploadLimitTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private TestHttp anonymous;
    private Applicants.Draft draft;

    @BeforeEach
    void draft() {
        anonymous = TestHttp.localPort(port);
        draft = Applicants.apply(anonymous, Applicants.cleanOtt(Applicants.uniqueName("Many Files"),
                Applicants.uniqueGermanVat()));
    }

    @Test
    void theEleventhDocumentIs422NamingTheLimit() {
        for (int i = 0; i < 10; i++) {
            assertThat(draft.attach(anonymous, "OTHER").status()).isEqualTo(201);
        }

        TestHttp.Response refused = draft.attach(anonymous, "OTHER");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/too-many-documents");
        assertThat(refused.json().get("detail").asString()).contains("the limit per application is 10");
        assertThat(refused.json().get("limit").asInt()).isEqualTo(10);
        assertThat(documents()).isEqualTo(10);
    }

    @Test
    void bytesBeyondFiftyMegabytesAre413NamingTheLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(upload(pdfOfSize(TEN_MB)).status()).isEqualTo(201);
        }

        TestHttp.Response refused = draft.attach(anonymous, "TAX_FORM");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("limit of 52428800 bytes (50 MB) per application");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(52_428_800L);
        assertThat(documents()).isEqualTo(5);
    }

    private TestHttp.Response upload(byte[] pdf) {
        return draft.as(anonymous).postMultipart(APPLICATIONS + "/" + draft.id() + "/documents", new TestMultipart()
                .field("documentType", "OTHER").file("file", "big.pdf", "application/pdf", pdf));
    }

    private long documents() {
        return jdbc.sql("select count(*) from document where owner_type = 'APPLICATION' and owner_id = ?")
                .param(UUID.fromString(draft.id())).query(Long.class).single();
    }

    /** A PDF (by its signature) of exactly this many bytes. */
    private static byte[] pdfOfSize(int size) {
        byte[] pdf = new byte[size];
        Arrays.fill(pdf, (byte) ' ');
        System.arraycopy(Applicants.PDF, 0, pdf, 0, Applicants.PDF.length);
        return pdf;
    }
}
