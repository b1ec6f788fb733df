package io.accord.portal.layout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;
import jakarta.servlet.RequestDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error answer is problem+json for a client that prefers JSON and the error page (with the layout) otherwise:
 * the container's error dispatch ({@code /error}: security's 403, a missing page, a malformed path), a failed data
 * call, a page that answers with an error status itself, and a client that is not logged in.
 */
class ErrorAnswersTests extends PortalTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";

    ErrorAnswersTests(MockMvc mvc) {
        super(mvc);
    }

    @LocalServerPort
    int port;

    @Test
    void theErrorDispatchOfAPageRefusedBySecurityIsProblemJsonForAJsonClient() throws Exception {
        // MockMvc does no error dispatch: /error as the container calls it after security's sendError(403)
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/suspense")
                        .accept("application/json").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://accord.dev/problems/forbidden"))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("You are not allowed to see this."))
                .andExpect(jsonPath("$.instance").value("/suspense"))
                .andExpect(jsonPath("$.timestamp").doesNotExist());
    }

    @Test
    void theErrorDispatchOfAMissingPageIsTheErrorPageWithTheLayoutForABrowser() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page")
                        .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(allOf(containsString("This was not found."),
                        containsString("Status 404"), containsString("href=\"/dashboard\""),
                        containsString("<title>Page not found · Accord</title>"),
                        containsString("action=\"/logout\""))));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page")
                        .accept("application/problem+json").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://accord.dev/problems/not-found"))
                .andExpect(jsonPath("$.instance").value("/no-such-page"));
    }

    @Test
    void aFormWithoutItsCsrfTokenSaysSo() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(WebAttributes.ACCESS_DENIED_403, new MissingCsrfTokenException(null))
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("The form could not be accepted")));
    }

    @Test
    void aFailedDataCallIsProblemJsonForAJsonClientAndAPageForABrowser() throws Exception {
        String id = "0d000000-0000-4000-8000-000000000404";
        STUB.answerJson("GET", ORDERS + "/" + id, 404, """
                {"type":"https://accord.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"ProductOrder %s not found"}""".formatted(id), Map.of());

        mvc.perform(get("/orders/" + id).accept("application/json").with(TestUsers.partner("partner-user")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://accord.dev/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(
                        "This was not found. It does not exist, or it is not yours to see."))
                .andExpect(jsonPath("$.instance").value("/orders/" + id));
        mvc.perform(get("/orders/" + id).with(TestUsers.partner("partner-user")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("This was not found."),
                        not(containsString("ProductOrder " + id + " not found")))));
        // staff trace what failed: the service's own message
        String statement = "17195267-0000-4000-8000-000000000404";
        STUB.answerJson("GET", "/api/settlement/statements/" + statement, 404, """
                {"type":"https://accord.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"Statement %s not found"}""".formatted(statement), Map.of());
        mvc.perform(get("/statements/" + statement).accept("application/json")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Statement " + statement + " not found"));
    }

    @Test
    void aPartnerReadsWhatFailedInTheirLanguageNotTheServicesEnglish() throws Exception {
        String statement = "17195267-0000-4000-8000-000000000001";
        STUB.answerJson("GET", "/api/settlement/statements/" + statement, 404, """
                {"type":"https://accord.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"Statement %s not found"}""".formatted(statement), Map.of());
        String order = "0d000000-0000-4000-8000-000000000409";
        STUB.answerJson("GET", ORDERS + "/" + order, 409, """
                {"type":"https://accord.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"ProductOrder %s is inProgress"}""".formatted(order), Map.of());

        mvc.perform(get("/statements/" + statement).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(
                        containsString("Nicht gefunden. Es gibt dies nicht, oder es ist nicht für Sie sichtbar."),
                        not(containsString("not found")), not(containsString("service-detail")))));
        mvc.perform(get("/orders/" + order).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Das ist jetzt nicht möglich"),
                        not(containsString("is inProgress")))));
    }

    @Test
    void staffAlsoReadTheServicesMessageBelowTheirOwn() throws Exception {
        String statement = "17195267-0000-4000-8000-000000000002";
        STUB.answerJson("GET", "/api/settlement/statements/" + statement, 404, """
                {"type":"https://accord.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"Statement %s not found"}""".formatted(statement), Map.of());

        mvc.perform(get("/statements/" + statement).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Nicht gefunden."),
                        containsString("data-testid=\"service-detail\""),
                        containsString("Meldung des Dienstes: Statement " + statement + " not found"))));
    }

    @Test
    void aPageAnsweringWithAnErrorStatusIsProblemJsonWithItsMessageForAJsonClient() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");

        mvc.perform(get("/quotes/new?offering=not-an-id").accept("application/json")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString("not an offering id")));
    }

    @Test
    void aClientThatPrefersJsonIsNotRedirectedToTheLoginButGets401() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/dashboard"))
                .header("Accept", "application/json").GET());
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(json.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://accord.dev/problems/unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("instance").asString()).isEqualTo("/dashboard");

        HttpResponse<String> browser = send(HttpRequest.newBuilder(uri("/dashboard"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        assertThat(browser.statusCode()).isEqualTo(302);
    }

    /** Over real HTTP, so the container dispatches the error to /error as in production. */
    @Test
    void aFormPostedWithoutItsCsrfTokenIsA403PageOrProblemJsonNotSpringBootsDefault() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/apply/a0000000-0000-4000-8000-0000000000a1/documents"))
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("documentType=TAX_FORM")));
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(json.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://accord.dev/problems/forbidden");
        assertThat(problem.path("detail").asString()).startsWith("The form could not be accepted");
        assertThat(problem.has("timestamp")).isFalse();

        HttpResponse<String> browser = send(HttpRequest.newBuilder(uri("/apply/a0000000-0000-4000-8000-0000000000a1/documents"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("documentType=TAX_FORM")));
        assertThat(browser.statusCode()).isEqualTo(403);
        assertThat(browser.body()).contains("The form could not be accepted", "Status 403",
                "rel=\"stylesheet\" href=\"/css/portal.css");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
