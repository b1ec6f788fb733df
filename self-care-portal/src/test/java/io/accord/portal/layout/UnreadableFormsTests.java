package io.accord.portal.layout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (Tomcat reads the form): a file over the portal's 50 MB is a 413 on the portal's error page, or
 * problem+json for a client that prefers JSON; it was Tomcat's bare "HTTP Status 413 – Payload Too Large" page
 * (Spring Security's first filter read the form, and again on the error dispatch). Nothing reaches the gateway.
 */
class UnreadableFormsTests extends PortalTestSupport {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    UnreadableFormsTests(MockMvc mvc) {
        super(mvc);
    }

    @LocalServerPort
    int port;

    @Test
    void aFileOverTheLimitIsA413OnThePortalsErrorPage() throws Exception {
        HttpResponse<String> page = upload(FIFTY_MB + 1, "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("The upload is too large for the portal", "Status 413",
                "<link rel=\"stylesheet\" href=\"/css/portal.css\">").doesNotContain("HTTP Status 413");
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsProblemJsonForAJsonClient() throws Exception {
        HttpResponse<String> answer = upload(FIFTY_MB + 1, "application/json");

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://accord.dev/problems/payload-too-large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("instance").asString()).isEqualTo("/documents");
        assertThat(problem.path("detail").asString()).contains("50 MB");
    }

    /** A multipart form with one file of {@code size} bytes, streamed (never held in memory). */
    private HttpResponse<String> upload(long size, String accept) throws IOException, InterruptedException {
        byte[] head = ("--b0und4ry\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nOTHER\r\n"
                + "--b0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b0und4ry--\r\n".getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=b0und4ry").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), zeros(size), new ByteArrayInputStream(tail))))))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }
}
