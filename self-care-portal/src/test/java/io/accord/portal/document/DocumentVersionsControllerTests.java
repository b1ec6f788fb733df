package io.accord.portal.document;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DocumentVersionsControllerTests extends PortalTestSupport {

    DocumentVersionsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/tmf-api/document/v4/document";
    private static final String ID = "d0c00000-0000-4000-8000-000000000003";
    private static final String DOCUMENT = """
            {"id":"%s","name":"Tax registration 2027","documentType":"TAX_FORM","version":"2",
             "lastUpdate":"2026-11-30T08:15:00Z","expiryDate":"2027-12-31",
             "attachment":[{"name":"tax-form-v2.pdf","mimeType":"application/pdf","size":{"amount":20480,"units":"bytes"}}]}"""
            .formatted(ID);
    private static final String VERSIONS = """
            [{"href":"%1$s/%2$s/version/1","version":"1","creationDate":"2026-11-01T09:00:00Z",
              "attachment":{"name":"tax-form.pdf","mimeType":"application/pdf","size":{"amount":10240,"units":"bytes"}}},
             {"href":"%1$s/%2$s/version/2","version":"2","creationDate":"2026-11-30T08:15:00Z",
              "attachment":{"name":"tax-form-v2.pdf","mimeType":"application/pdf","size":{"amount":20480,"units":"bytes"}}}]"""
            .formatted(API, ID);

    private void document() {
        STUB.answerJson("GET", API + "/" + ID, DOCUMENT);
        STUB.answerJson("GET", API + "/" + ID + "/version", VERSIONS);
    }

    @Test
    void aDocumentListsEveryVersionNewestFirstWithItsDownloadAndTheFormForANewOne() throws Exception {
        document();

        String page = mvc.perform(get("/documents/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Tax registration 2027</h1>", "data-testid=\"latest-version\">2<",
                "<label for=\"version-file\">File (PDF, PNG or JPEG)</label>",
                "<label for=\"version-expiry\">Expiry date (optional)</label>", "enctype=\"multipart/form-data\"",
                "aria-label=\"Download version 1: tax-form.pdf\"", "tax-form.pdf (application/pdf, 10 KB)");
        assertThat(page).containsSubsequence("/documents/" + ID + "/version/2/content",
                "/documents/" + ID + "/version/1/content");
        assertThat(STUB.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer partner-token"));
    }

    @Test
    void theListLinksEachDocumentToItsVersions() throws Exception {
        STUB.answerJson("GET", API, 200, "[" + DOCUMENT + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/documents").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/documents/" + ID + "\"")));
    }

    @Test
    void aNewVersionPassesTheFileAndItsExpiryOn() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/version", 201, """
                {"href":"%s/%s/version/3","version":"3","creationDate":"2026-12-01T10:00:00Z"}""".formatted(API, ID),
                Map.of());
        MockMultipartFile file = new MockMultipartFile("file", "tax-form-v3.pdf", "application/pdf",
                "%PDF-1.7 tax form v3".getBytes(StandardCharsets.US_ASCII));

        mvc.perform(multipart("/documents/" + ID + "/version").file(file).param("expiryDate", "2028-12-31")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/documents/" + ID))
                .andExpect(flash().attribute("versionAdded", "3"));

        StubGateway.Request upload = STUB.requestsTo("POST", API + "/" + ID + "/version").getFirst();
        assertThat(upload.body()).contains("name=\"expiryDate\"", "2028-12-31",
                "name=\"file\"; filename=\"tax-form-v3.pdf\"", "%PDF-1.7 tax form v3");
        assertThat(upload.authorization()).isEqualTo("Bearer partner-token");
    }

    @Test
    void aRefusedVersionShowsTheReasonAtItsField() throws Exception {
        document();
        STUB.answerJson("POST", API + "/" + ID + "/version", 400, """
                {"title":"Invalid input","status":400,"detail":"a file part is required",
                 "violations":[{"field":"file","message":"a file part is required"},
                               {"field":"expiryDate","message":"expiryDate must be a date (yyyy-MM-dd)"}]}""",
                Map.of());

        mvc.perform(multipart("/documents/" + ID + "/version").param("expiryDate", "31.12.2028").with(csrf())
                        .with(TestUsers.partner("partner-admin")).header("Accept-Language", "de-DE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("aria-describedby=\"version-file-error\""),
                        containsString("<span id=\"version-file-error\" class=\"field-error\">a file part is required</span>"),
                        containsString("<span id=\"version-expiry-error\" class=\"field-error\">expiryDate must be a date (yyyy-MM-dd)</span>"),
                        containsString("value=\"31.12.2028\""), containsString("Neue Version hochladen"))));
    }

    @Test
    void aFileTypeTheServiceDoesNotTakeIsA415AtTheForm() throws Exception {
        document();
        STUB.answerJson("POST", API + "/" + ID + "/version", 415, """
                {"type":"https://accord.dev/problems/unsupported-media-type","title":"Unsupported Media Type",
                 "status":415,"detail":"Content-Type 'text/plain' is not supported"}""", Map.of());
        MockMultipartFile file = new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes());

        mvc.perform(multipart("/documents/" + ID + "/version").file(file).with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(allOf(containsString("is not supported"),
                        containsString("<label for=\"version-file\">"),
                        org.hamcrest.Matchers.not(containsString("not available right now")))));
    }

    @Test
    void partnerUsersReadTheVersionsButMayNotAddOne() throws Exception {
        document();
        mvc.perform(get("/documents/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("tax-form-v2.pdf"),
                        not(containsString("Upload a new version")))));

        STUB.reset();
        MockMultipartFile file = new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF".getBytes());
        mvc.perform(multipart("/documents/" + ID + "/version").file(file).with(csrf())
                .with(TestUsers.partner("partner-user"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void anEarlierVersionIsDownloadedThroughThePortal() throws Exception {
        byte[] pdf = "%PDF-1.7 version 1".getBytes(StandardCharsets.US_ASCII);
        STUB.answer("GET", API + "/" + ID + "/version/1/content", new StubGateway.Answer(200, "application/pdf", pdf,
                Map.of("Content-Disposition", "attachment; filename=\"tax-form.pdf\"")));

        download(get("/documents/" + ID + "/version/1/content").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"tax-form.pdf\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().bytes(pdf));
    }
}
