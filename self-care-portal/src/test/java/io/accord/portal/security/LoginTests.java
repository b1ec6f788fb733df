package io.accord.portal.security;

import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Over real HTTP: what the browser gets before and while it logs in. */
class LoginTests extends PortalTestSupport {

    LoginTests(MockMvc mvc) {
        super(mvc);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anAnonymousPageRequestStartsTheLogin() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PUBLIC_URL + "/oauth2/authorization/keycloak"));
    }

    @Test
    void aLoginOfAnUnknownRegistrationIsThePortalsNotFoundPage() throws Exception {
        // it was Spring Security's 500 (an HTML page of its own)
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/authorization/self-care-portal"))
                .header("Accept", "text/html,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Page not found · Accord</title>", "This was not found.",
                "/css/portal.css");
    }

    @Test
    void theLoginGoesToKeycloakWithPkceAndLeavesOnlyAnHttpOnlySameSiteSessionCookie() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/keycloak")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        URI keycloak = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(keycloak.getPath()).isEqualTo("/realms/accord/protocol/openid-connect/auth");
        Map<String, String> query = Arrays.stream(keycloak.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "self-care-portal")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce")
                .containsEntry("redirect_uri", PUBLIC_URL + "/login/oauth2/code/keycloak");
        assertThat(query.get("scope")).contains("openid");

        assertThat(response.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> {
            assertThat(cookie).startsWith("ACCORD_PORTAL_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        });
    }

    /**
     * Until 2026-12-07 the redirect to the login and the redirect URI sent to Keycloak were built from the request's
     * Host header: a forged one came back in both (and in a page's own redirects, which Tomcat made absolute).
     */
    @Test
    void aForgedHostHeaderAppearsInNoRedirect() throws Exception {
        String untracked = "/apply/" + UUID.randomUUID();
        for (String target : List.of("/dashboard", "/oauth2/authorization/keycloak", "/", untracked)) {
            String answer = sendWithHost(target, "evil.example:666");

            assertThat(answer).as(target).startsWith("HTTP/1.1 302").doesNotContainIgnoringCase("evil.example");
        }
        String login = sendWithHost("/dashboard", "evil.example:666");
        assertThat(login).containsIgnoringCase("Location: " + PUBLIC_URL + "/oauth2/authorization/keycloak");
        String keycloak = sendWithHost("/oauth2/authorization/keycloak", "evil.example:666");
        assertThat(keycloak).contains("redirect_uri=" + PUBLIC_URL + "/login/oauth2/code/keycloak");
        assertThat(sendWithHost(untracked, "evil.example:666")).as("a page's own redirect stays relative")
                .containsIgnoringCase("Location: /apply/track\r\n");
    }

    /** A request over a raw socket, the only way to send a Host header other than the address connected to. */
    private String sendWithHost(String target, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
        }
    }

    @Test
    void theLoginAsksKeycloakForThePortalsLanguage() throws Exception {
        // the browser's language, else English; the language chosen in the footer (its cookie) before either
        String[][] cases = {{null, null, "en"}, {"de-DE,de;q=0.9,en;q=0.8", null, "de"}, {"fr", null, "en"},
                {"en", "de", "de"}, {"de", "en", "en"}};
        for (String[] language : cases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/oauth2/authorization/keycloak")).GET();
            if (language[0] != null) {
                request.header("Accept-Language", language[0]);
            }
            if (language[1] != null) {
                request.header("Cookie", "accord-lang=" + language[1]);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(302);
            URI keycloak = URI.create(response.headers().firstValue("Location").orElseThrow());
            Map<String, String> query = Arrays.stream(keycloak.getRawQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            assertThat(query).as(Arrays.toString(language)).containsEntry("ui_locales", language[2])
                    .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce");
        }
    }

    @Test
    void htmxComesFromItsWebJarWithoutLogin() throws Exception {
        HttpResponse<String> htmx = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/webjars/htmx.org/dist/htmx.min.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }
}
