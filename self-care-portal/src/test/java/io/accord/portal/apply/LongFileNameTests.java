package io.accord.portal.apply;

import io.accord.portal.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (Tomcat parses the form before the CSRF check reads it): an upload whose file name is 400 CJK
 * characters (1,200 bytes of UTF-8) is read, here to be refused for its missing CSRF token (403); with Tomcat's
 * default of 512 bytes for a part's headers the answer was 413, whatever the form. A name over the 4 KB is a 413
 * on the portal's own error page (it was Tomcat's bare "HTTP Status 413 – Payload Too Large").
 */
class LongFileNameTests extends PortalTestSupport {

    LongFileNameTests(MockMvc mvc) {
        super(mvc);
    }

    @LocalServerPort
    int port;

    @Test
    void aFormWithAFileNameOfHundredsOfCharactersIsRead() throws Exception {
        assertThat(upload("契".repeat(400) + ".pdf").statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = upload("a".repeat(5_000) + ".pdf");
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).contains("The upload is too large for the portal", "Status 413",
                "<link rel=\"stylesheet\" href=\"/css/portal.css\">").doesNotContain("HTTP Status 413");
    }

    private HttpResponse<String> upload(String fileName) throws IOException, InterruptedException {
        String body = "--b0und4ry\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nTAX_FORM\r\n"
                + "--b0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 x\r\n--b0und4ry--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/apply/a0000000-0000-4000-8000-0000000000a1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=b0und4ry")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
