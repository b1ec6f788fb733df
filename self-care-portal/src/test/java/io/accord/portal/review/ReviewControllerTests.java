package io.accord.portal.review;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReviewControllerTests extends PortalTestSupport {

    ReviewControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ID = "a0000000-0000-4000-8000-000000000007";
    private static final String QUEUE = "/api/onboarding/admin/applications";

    private static String application(String status) {
        return """
                {"id":"%s","status":"%s","submittedAt":"2026-12-01T09:00:00Z",
                 "application":{"legalName":"Streamly GmbH","partnerType":"OTT_CONTENT","businessModel":"SELL_THROUGH",
                                "country":"DE"},
                 "checks":[{"check":"TAX_ID","outcome":"PASSED"},
                           {"check":"SANCTIONS","outcome":"REVIEW","reason":"name similar to a denylist entry"}]}"""
                .formatted(ID, status);
    }

    @Test
    void aPartnerManagerSeesTheQueueWithItsChecksAndDecisions() throws Exception {
        STUB.answerJson("GET", QUEUE, 200, "[" + application("IN_REVIEW") + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/review").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Streamly GmbH"),
                        containsString("Sanctions: Review (name similar to a denylist entry)"),
                        not(containsString("TAX_ID")), containsString("Approve Streamly GmbH"),
                        containsString("<label for=\"reason-" + ID + "\""), containsString("name=\"_csrf\""),
                        // the live region a decision in a row is announced in
                        containsString("<div id=\"review-status\" class=\"notice live\" role=\"status\"></div>"))));
        assertThat(STUB.requests().getFirst().authorization()).isEqualTo("Bearer partner-manager-token");
    }

    @Test
    void eachChecksReasonCodeIsShownInWordsAndOneWithoutWordsAsItCame() throws Exception {
        String coded = """
                {"id":"%s","status":"IN_REVIEW","submittedAt":"2026-12-01T09:00:00Z",
                 "application":{"legalName":"Streamly GmbH","partnerType":"OTT_CONTENT","country":"DE"},
                 "checks":[{"check":"duplicates","outcome":"FAILED","reasonCode":"DUPLICATE_TAX_ID",
                            "reason":"tax id DE136695976 is already partner Acme (p-1)"},
                           {"check":"screening","outcome":"FAILED","reasonCode":"SCREENING_FUZZY_NAME",
                            "reason":"name similar to a denylist entry"}]}""".formatted(ID);
        STUB.answerJson("GET", QUEUE, 200, "[" + coded + "]", Map.of("X-Total-Count", "1"));

        // until 2026-12-07 the service's reasonCode was not shown, only its English reason
        mvc.perform(get("/review").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Duplicates: Failed · Same tax id as a partner or"
                                + " application (tax id DE136695976 is already partner Acme (p-1))"),
                        containsString("Screening: Failed · SCREENING_FUZZY_NAME (name similar"))));
        mvc.perform(get("/review").header("Accept-Language", "de")
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dubletten: Nicht bestanden · Gleiche Steuernummer"
                                + " wie ein Partner oder Antrag ("),
                        containsString("· SCREENING_FUZZY_NAME ("))));
    }

    @Test
    void anAuditorReadsTheQueueWithoutDecisions() throws Exception {
        STUB.answerJson("GET", QUEUE, "[" + application("IN_REVIEW") + "]");

        mvc.perform(get("/review").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Streamly GmbH"),
                        containsString("decisions are made by partner managers"), not(containsString("Approve")))));
    }

    @Test
    void approvingWithHtmxAnswersTheDecidedRow() throws Exception {
        STUB.answerJson("POST", QUEUE + "/" + ID + "/approval", application("APPROVED"));

        mvc.perform(post("/review/" + ID + "/approval").header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"application-" + ID + "\""),
                        containsString(">Approved<"), not(containsString("<html")), not(containsString("/approval")),
                        // announced in the page's live region (an out-of-band swap), focus kept in the row
                        containsString("<div hx-swap-oob=\"innerHTML:#review-status\">Application of Streamly GmbH is now Approved.</div>"),
                        containsString("<th scope=\"row\" tabindex=\"-1\">Streamly GmbH</th>"))));

        var call = STUB.requestsTo("POST", QUEUE + "/" + ID + "/approval").getFirst();
        assertThat(call.authorization()).isEqualTo("Bearer partner-manager-token");
        assertThat(call.body()).isEqualTo("{}");
    }

    @Test
    void approvingWithoutJavaScriptRedirectsToTheQueue() throws Exception {
        STUB.answerJson("POST", QUEUE + "/" + ID + "/approval", application("APPROVED"));

        mvc.perform(post("/review/" + ID + "/approval").with(csrf())
                        .with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/review"));
    }

    @Test
    void aDecisionWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/review/" + ID + "/approval").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void decliningWithoutAReasonIsABadRequestThatSendsNothing() throws Exception {
        STUB.answerJson("GET", QUEUE + "/" + ID, application("IN_REVIEW"));

        mvc.perform(post("/review/" + ID + "/rejection").param("reason", "   ").header("HX-Request", "true")
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter the reason for declining."),
                        containsString("role=\"alert\""))));
        assertThat(STUB.requestsTo("POST", QUEUE + "/" + ID + "/rejection")).isEmpty();
    }

    @Test
    void decliningSendsTheReason() throws Exception {
        STUB.answerJson("POST", QUEUE + "/" + ID + "/rejection", application("REJECTED"));

        mvc.perform(post("/review/" + ID + "/rejection").param("reason", "Sanctions hit confirmed")
                        .header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">Declined<")));

        assertThat(STUB.requestsTo("POST", QUEUE + "/" + ID + "/rejection").getFirst().body())
                .isEqualTo("{\"reason\":\"Sanctions hit confirmed\"}");
    }

    @Test
    void anApplicationDecidedMeanwhileIsAConflictShowingItsState() throws Exception {
        STUB.answerJson("POST", QUEUE + "/" + ID + "/approval", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"application is APPROVED\"}", Map.of());
        STUB.answerJson("GET", QUEUE + "/" + ID, application("APPROVED"));

        mvc.perform(post("/review/" + ID + "/approval").header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Approved"),
                        containsString("can no longer be decided here"))));
    }

    @Test
    void partnersCannotOpenTheQueue() throws Exception {
        mvc.perform(get("/review").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        mvc.perform(post("/review/" + ID + "/approval").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void anAuditorsDecisionIsRefusedWithoutACall() throws Exception {
        mvc.perform(post("/review/" + ID + "/approval").with(csrf()).with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/review/" + ID + "/rejection").param("reason", "no").with(csrf())
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
