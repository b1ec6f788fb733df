package io.accord.portal.security;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The session timeout warning (WCAG 2.2.1): the layout tells the script how long the session lasts and holds its two
 * dialogs (closed: without JavaScript nothing shows); "Stay signed in" posts to {@code /session/extension}, which
 * refreshes an expired access token (so Keycloak's session, idle as long as the portal's, lasts too), and answers 401
 * once the session cannot go on, so the page says the user was signed out.
 */
class SessionTimeoutTests extends PortalTestSupport {

    private static final String TOKEN = "/realms/accord/protocol/openid-connect/token";

    SessionTimeoutTests(MockMvc mvc) {
        super(mvc);
    }

    /** The servlet container sets the configured 30 minutes on every session; MockMvc's sessions have none. */
    private static RequestPostProcessor sessionOf(int seconds) {
        return request -> {
            request.getSession().setMaxInactiveInterval(seconds);
            return request;
        };
    }

    @Test
    void aLoggedInPageCarriesTheTimeoutAndTheClosedDialogsInTheUsersLanguage() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");

        mvc.perform(get("/catalog").with(TestUsers.partner("partner-admin")).with(sessionOf(1800)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<meta name=\"session-timeout\" content=\"1800\">"),
                        containsString("<dialog id=\"session-warning\" class=\"session-dialog\" aria-labelledby=\"session-warning-title\""),
                        containsString("data-extend-url=\"/session/extension\""),
                        containsString("you are signed out after 30 minutes without activity: in about 2 minutes now"),
                        containsString("data-session=\"extend\" autofocus>Stay signed in</button>"),
                        containsString("<h2 id=\"session-ended-title\">You were signed out</h2>"),
                        not(containsString("<dialog id=\"session-warning\" class=\"session-dialog\" open")))));

        mvc.perform(get("/catalog").header("Accept-Language", "de").with(TestUsers.partner("partner-admin"))
                        .with(sessionOf(1800)))
                .andExpect(content().string(allOf(containsString("Angemeldet bleiben"),
                        containsString("Sie wurden abgemeldet"),
                        containsString("nach 30 Minuten ohne Aktivität abgemeldet"))));
    }

    @Test
    void aPageWithoutALoginHasNoWarning() throws Exception {
        mvc.perform(get("/apply/track"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("session-timeout")),
                        not(containsString("session-warning")))));
    }

    @Test
    void stayingSignedInRefreshesAnExpiredAccessTokenAndAnswersTheTimeout() throws Exception {
        STUB.answerJson("POST", TOKEN, """
                {"access_token":"refreshed-token","token_type":"Bearer","expires_in":900,
                 "refresh_token":"refresh-2","scope":"openid profile email"}""");

        mvc.perform(post("/session/extension").with(csrf()).accept("application/json").with(sessionOf(1800))
                        .with(TestUsers.user("partner-admin", "expired-token", Instant.now().minusSeconds(120),
                                "refresh-1", PARTNER_A, "partner-admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.timeoutSeconds").value(1800));

        assertThat(STUB.requestsTo("POST", TOKEN)).singleElement().satisfies(call -> assertThat(call.body())
                .contains("grant_type=refresh_token", "refresh_token=refresh-1"));
    }

    @Test
    void stayingSignedInWithAFreshTokenCallsNobody() throws Exception {
        mvc.perform(post("/session/extension").with(csrf()).with(sessionOf(1800))
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeoutSeconds").value(1800));

        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aRefreshKeycloakRefusesEndsTheSessionAndAnswers401() throws Exception {
        STUB.answerJson("POST", TOKEN, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}",
                Map.of());

        MvcResult result = mvc.perform(post("/session/extension").with(csrf()).accept("application/json")
                        .with(TestUsers.user("partner-admin", "expired-token", Instant.now().minusSeconds(120),
                                "refresh-1", PARTNER_A, "partner-admin")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"))
                .andReturn();

        assertThat(((MockHttpSession) result.getRequest().getSession(false))).isNull();
    }

    @Test
    void aKeycloakThatDoesNotAnswerIsA503AndTheSessionStays() throws Exception {
        STUB.answerJson("POST", TOKEN, 503, "{\"title\":\"Service Unavailable\",\"status\":503}", Map.of());

        MvcResult result = mvc.perform(post("/session/extension").with(csrf()).accept("application/json")
                        .with(TestUsers.user("partner-admin", "expired-token", Instant.now().minusSeconds(120),
                                "refresh-1", PARTNER_A, "partner-admin")))
                .andExpect(status().isServiceUnavailable())
                .andReturn();

        assertThat(result.getRequest().getSession(false)).isNotNull();
    }

    @Test
    void withoutASessionOrItsCsrfTokenNothingIsExtended() throws Exception {
        mvc.perform(post("/session/extension").with(csrf()).accept("application/json"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/session/extension").accept("application/json").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
