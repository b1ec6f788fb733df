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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DocumentsControllerTests extends PortalTestSupport {

    DocumentsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/tmf-api/document/v4/document";
    private static final String ID = "d0c00000-0000-4000-8000-000000000003";
    private static final String DOCUMENT = """
            {"id":"%s","name":"Tax registration 2027","documentType":"TAX_FORM","version":"2",
             "lastUpdate":"2026-11-30T08:15:00Z","expiryDate":"2027-12-31",
             "attachment":[{"name":"tax-form.pdf","mimeType":"application/pdf","size":{"amount":20480,"units":"bytes"}}]}"""
            .formatted(ID);

    @Test
    void listsTheDocumentsWithTheirDownloadsAndTheUploadFormForAnAdmin() throws Exception {
        STUB.answerJson("GET", API, 200, "[" + DOCUMENT + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/documents?documentType=TAX_FORM").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tax registration 2027"),
                        containsString("/documents/" + ID + "/content"), containsString("tax-form.pdf (application/pdf, 20 KB)"),
                        containsString("2027-12-31"), containsString("<label for=\"doc-file\""),
                        containsString("enctype=\"multipart/form-data\""))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query())
                .isEqualTo("documentType=TAX_FORM&offset=0&limit=20");
    }

    @Test
    void anUnknownDocumentTypeFilterIsA400AtTheFilter() throws Exception {
        mvc.perform(get("/documents?documentType=PASSPORT").with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("There is no document type &quot;PASSPORT&quot;"),
                        containsString("aria-describedby=\"filter-error\""), not(containsString("No documents.")))));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aPartnerUserHasNoUploadForm() throws Exception {
        STUB.answerJson("GET", API, "[]");

        mvc.perform(get("/documents").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No documents."),
                        not(containsString("Upload a document")))));
    }

    @Test
    void anUploadPassesTheFileAndItsFieldsOn() throws Exception {
        STUB.answerJson("POST", API, 201, DOCUMENT, Map.of());
        MockMultipartFile file = new MockMultipartFile("file", "tax-form.pdf", "application/pdf",
                "%PDF-1.7 tax form".getBytes(StandardCharsets.US_ASCII));

        mvc.perform(multipart("/documents").file(file).param("name", "Tax registration 2027")
                        .param("documentType", "TAX_FORM").param("expiryDate", "2027-12-31")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/documents"));

        String body = STUB.requestsTo("POST", API).getFirst().body();
        assertThat(body).contains("name=\"documentType\"", "TAX_FORM", "name=\"name\"", "Tax registration 2027",
                "name=\"expiryDate\"", "2027-12-31", "name=\"file\"; filename=\"tax-form.pdf\"", "%PDF-1.7 tax form");
        // as the user, and streamed from the upload, not first copied into memory whole (which gives a body a
        // Content-Length: eight 19 MB files at once ended the portal)
        assertThat(STUB.requestsTo("POST", API).getFirst().authorization()).isEqualTo("Bearer partner-token");
        assertThat(STUB.header("POST", API, "Content-Length")).isNull();
    }

    @Test
    void aRefusedUploadShowsTheReasonAtTheField() throws Exception {
        STUB.answerJson("POST", API, 400, """
                {"title":"Invalid input","status":400,"detail":"The file is not a PDF, PNG or JPEG",
                 "violations":[{"field":"file","message":"must be a PDF, PNG or JPEG (judged by its content)"}]}""",
                Map.of());
        STUB.answerJson("GET", API, "[]");
        MockMultipartFile file = new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes());

        mvc.perform(multipart("/documents").file(file).param("name", "Notes").param("documentType", "OTHER")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"doc-file-error\""),
                        containsString("must be a PDF, PNG or JPEG (judged by its content)"),
                        containsString("value=\"Notes\""))));
    }

    @Test
    void aFileOverTheServicesSizeLimitIsA413ShownAtTheForm() throws Exception {
        // the gateway's answer to a file over the service's 10 MB: the form's problem, not "a service is not available"
        STUB.answerJson("POST", API, 413, """
                {"type":"https://accord.dev/problems/payload-too-large","title":"Content Too Large","status":413,
                 "detail":"The upload exceeds the size limit."}""", Map.of());
        STUB.answerJson("GET", API, "[]");
        MockMultipartFile file = new MockMultipartFile("file", "scan.pdf", "application/pdf", "%PDF-1.7".getBytes());

        mvc.perform(multipart("/documents").file(file).param("name", "Scan").param("documentType", "OTHER")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(allOf(containsString("The upload exceeds the size limit."),
                        containsString("value=\"Scan\""), containsString("<label for=\"doc-file\""),
                        not(containsString("not available right now")))));
    }

    @Test
    void aDownloadPassesTheBytesThrough() throws Exception {
        byte[] pdf = "%PDF-1.7 tax form".getBytes(StandardCharsets.US_ASCII);
        STUB.answer("GET", API + "/" + ID + "/content", new StubGateway.Answer(200, "application/pdf", pdf,
                Map.of("Content-Disposition", "attachment; filename=\"tax-form.pdf\"")));

        download(get("/documents/" + ID + "/content").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"tax-form.pdf\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().bytes(pdf));
    }
}
