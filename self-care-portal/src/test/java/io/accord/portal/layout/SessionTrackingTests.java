package io.accord.portal.layout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: the session (the browser's only credential) travels in its cookie only, never in a link of the
 * first page of a new session, where Tomcat's URL rewriting used to put it ({@code /;ACCORD_PORTAL_SESSION=…}).
 */
class SessionTrackingTests extends PortalTestSupport {

    SessionTrackingTests(MockMvc mvc) {
        super(mvc);
    }

    @LocalServerPort
    int port;

    @Test
    void aNewSessionsFirstPageCarriesTheSessionInItsCookieNotInItsLinks() throws Exception {
        // a form posted without its CSRF token: the error page of a session made just now
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/apply/a0000000-0000-4000-8000-0000000000a1/documents"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build();

        HttpResponse<String> page;
        try (HttpClient client = HttpClient.newHttpClient()) {
            page = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("href=").doesNotContain("ACCORD_PORTAL_SESSION").doesNotContain(";jsessionid");
    }
}
