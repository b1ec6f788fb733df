package io.accord.portal.security;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;
import io.accord.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every answer carries a Content-Security-Policy of the portal's own scripts and styles and a Referrer-Policy, pages
 * and Tomcat's own refusals alike (once Tomcat's HTML page "HTTP Status 400 – Bad Request" without them), and no
 * template holds what that policy would block.
 */
class SecurityHeadersTests extends PortalTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle=|\\sth:style=|\\son[a-z]+=|\\sth:on[a-z]+=|hx-on|javascript:",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    SecurityHeadersTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void aPageAllowsOnlyThePortalsOwnScriptsStylesAndFormsAndSendsNoReferrer() throws Exception {
        for (MvcResult result : List.of(mvc.perform(get("/dashboard")).andReturn(),
                mvc.perform(get("/profile").with(TestUsers.partner("pat"))).andReturn())) {
            String policy = result.getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).as(result.getRequest().getRequestURI())
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                            "base-uri 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval")
                    // logging out posts to the portal, which redirects to Keycloak's logout
                    .containsPattern("form-action 'self' " + Pattern.quote(STUB.url().replaceAll("/+$", "")));
            assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void noTemplateHoldsAnInlineScriptStyleOrEventHandler() throws IOException {
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> inline = templates.filter(path -> path.toString().endsWith(".html")).flatMap(path -> {
                try {
                    return INLINE.matcher(Files.readString(path)).results().map(hit -> path + ": " + hit.group());
                } catch (IOException unreadable) {
                    throw new java.io.UncheckedIOException(unreadable);
                }
            }).toList();
            assertThat(inline).isEmpty();
        }
    }

    @Test
    void aPathTomcatRefusesGetsThePortalsErrorPageWithItsHeaders() {
        RawHttp http = new RawHttp(port);
        for (String path : List.of("/%zz", "/dashboard/%00", "/a%2fb")) {
            RawHttp.Response page = http.get(path, "Accept: text/html,*/*;q=0.8", "Accept-Language: de");

            assertThat(page.status()).as(path + " -> " + page).isEqualTo(400);
            assertThat(page.header("Content-Type")).as(page.toString()).startsWith("text/html");
            assertThat(page.body()).as(page.toString()).contains("Etwas ist schiefgelaufen", "/css/portal.css")
                    .doesNotContain("HTTP Status", "Apache Tomcat", "<script");
            assertThat(page.header("Content-Security-Policy")).as(page.toString()).contains("script-src 'self'");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }

        RawHttp.Response problem = http.get("/%zz", "Accept: application/json");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).as(problem.toString()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(problem.body());
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("type").asString()).endsWith("/malformed-request");
        assertThat(problem.header("Content-Security-Policy")).isNotBlank();
    }

    @Test
    void oversizedHeadersAre431AndAnOverlongAddress414() {
        RawHttp http = new RawHttp(port);
        RawHttp.Response headers = http.get("/dashboard", "X-Filler: " + "x".repeat(20_000));
        assertThat(headers.status()).as(headers.toString()).isEqualTo(431);
        assertThat(headers.body()).contains("Something went wrong");
        assertThat(headers.header("Content-Security-Policy")).isNotBlank();

        // not even the request line was read, let alone an Accept header: the page
        RawHttp.Response line = http.get("/dashboard/" + "7".repeat(20_000), "Accept: application/json");
        assertThat(line.status()).as(line.toString()).isEqualTo(414);
        assertThat(line.header("Content-Type")).startsWith("text/html");
        assertThat(line.header("Content-Security-Policy")).isNotBlank();
    }
}
