package io.accord.portal.dispute;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pending information (staff ask, the partner answers) and assignment (one dispute, the queue's filter, bulk). */
class DisputeInformationTests extends PortalTestSupport {

    DisputeInformationTests(MockMvc mvc) {
        super(mvc);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String ID = "d1600000-0000-4000-8000-0000000000b1";
    private static final String OTHER = "d1600000-0000-4000-8000-0000000000b2";
    private static final String API = "/api/disputes/" + ID;
    private static final String QUESTION = "Which CDR files did you compare against?";

    private static String ticketJson(String id, String status, String assignee) {
        return """
                {"id":"%s","status":"%s","category":"RATE","description":"rated at the old rate",
                 "creationDate":"2026-12-01T09:00:00Z","disputedAmount":{"unit":"EUR","value":"12.50"},
                 "relatedEntity":[{"id":"5b0d2c0e-0000-4000-8000-000000000001","role":"Statement"}],
                 %s
                 "statusChangeHistory":[{"status":"open","changeDate":"2026-12-01T09:00:00Z","changedBy":"partner-admin"},
                   {"status":"inReview","changeDate":"2026-12-01T10:00:00Z","changedBy":"Accord"},
                   {"status":"pendingInformation","changeDate":"2026-12-01T11:00:00Z","changeReason":"%s","changedBy":"Accord"}],
                 "sla":{"firstResponseDue":"%s","firstRespondedAt":"2026-12-01T10:00:00Z","resolutionDue":"2026-12-31T09:00:00Z"}}"""
                .formatted(id, status, assignee == null ? "" : "\"assignee\":\"" + assignee + "\",", QUESTION,
                        Instant.now().plusSeconds(7200));
    }

    private static void ticket(String status, String assignee) {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticketJson(ID, status, assignee));
        STUB.answerJson("GET", API + "/internal-notes", "[]");
    }

    @Test
    void thePartnerSeesTheQuestionAndAnswersItAndMayStillWithdraw() throws Exception {
        ticket("pendingInformation", null);
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"dispute-status\">Information requested<"),
                        containsString("We need information from you"), containsString(QUESTION),
                        containsString("action=\"/disputes/" + ID + "/information\""),
                        containsString("<label for=\"information-text\">Your answer</label>"),
                        containsString("Withdraw the dispute"),
                        not(containsString("Ask the partner")), not(containsString("Assigned to")))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(content().string(allOf(containsString(">Informationen angefordert<"),
                        containsString("Wir benötigen Informationen von Ihnen"))));

        STUB.answerJson("POST", API + "/information", "{\"id\":\"" + ID + "\",\"status\":\"inReview\"}");
        mvc.perform(post("/disputes/" + ID + "/information").param("text", "  the November files, attached ")
                        .with(csrf()).with(TestUsers.partner("partner-user")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeInfo.done.answered"));
        var sent = STUB.requestsTo("POST", API + "/information").getFirst();
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"text\":\"the November files, attached\"}"));
        assertThat(sent.authorization()).isEqualTo("Bearer partner-token");
    }

    @Test
    void aBlankAnswerIsRefusedAtTheFieldAndTheServicesConflictIsShownNotAnErrorPage() throws Exception {
        ticket("pendingInformation", null);
        mvc.perform(post("/disputes/" + ID + "/information").param("text", "  ").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"information-text-error\""),
                        containsString("Write your answer"))));
        assertThat(STUB.requestsTo("POST", API + "/information")).isEmpty();

        // staff took the question back meanwhile: the service's 409, the answer kept at its form
        ticket("inReview", null);
        STUB.answerJson("POST", API + "/information", 409, """
                {"status":409,"detail":"Dispute %s is inReview and awaits no information"}""".formatted(ID), Map.of());
        mvc.perform(post("/disputes/" + ID + "/information").param("text", "files attached").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"information-problem\""),
                        containsString("awaits no information"), containsString(">files attached</textarea>"))));
    }

    @Test
    void staffAskThePartnerFromReviewAndOnlyStaffWhoWorkDisputesMay() throws Exception {
        ticket("inReview", "fin");
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("action=\"/disputes/" + ID + "/information-request\""),
                        containsString("<label for=\"information-question\">Question to the partner</label>"),
                        not(containsString("action=\"/disputes/" + ID + "/information\"")))));

        STUB.answerJson("POST", API + "/information-request", "{\"id\":\"" + ID + "\",\"status\":\"pendingInformation\"}");
        mvc.perform(post("/disputes/" + ID + "/information-request").param("question", " " + QUESTION + " ")
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeInfo.done.asked"));
        assertThat(JSON.readTree(STUB.requestsTo("POST", API + "/information-request").getFirst().body()))
                .isEqualTo(JSON.readTree("{\"question\":\"" + QUESTION + "\"}"));

        mvc.perform(post("/disputes/" + ID + "/information-request").param("question", "").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"information-question-error\"")));
        int sentBefore = STUB.requests().size();
        for (var reader : java.util.List.of(TestUsers.partner("partner-admin"), TestUsers.staff("auditor", "auditor"))) {
            mvc.perform(post("/disputes/" + ID + "/information-request").param("question", "x").with(csrf()).with(reader))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/disputes/" + ID + "/information").param("text", "x").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).hasSize(sentBefore);
    }

    @Test
    void staffSeeThePendingQuestionAndTheAssigneeAndAssignOrUnassign() throws Exception {
        ticket("pendingInformation", "fin");
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Question to the partner, awaiting its answer"),
                        containsString(QUESTION), containsString("<strong>fin</strong>"),
                        containsString("action=\"/disputes/" + ID + "/assignee\""),
                        containsString("action=\"/disputes/" + ID + "/assignee/removal\""),
                        // no question while one is pending
                        not(containsString("action=\"/disputes/" + ID + "/information-request\"")))));

        STUB.answerJson("PUT", API + "/assignee", "{\"assignee\":\"finance\"}");
        mvc.perform(post("/disputes/" + ID + "/assignee").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeInfo.done.assigned"));
        assertThat(JSON.readTree(STUB.requestsTo("PUT", API + "/assignee").getFirst().body()))
                .isEqualTo(JSON.readTree("{\"assignee\":\"me\"}"));

        STUB.answerJson("DELETE", API + "/assignee", "{}");
        mvc.perform(post("/disputes/" + ID + "/assignee/removal").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeInfo.done.unassigned"));
        assertThat(STUB.requestsTo("DELETE", API + "/assignee")).hasSize(1);

        // assigned to the reader: no "Assign to me"; a concurrent assignment is the service's 409, shown
        ticket("inReview", "finance");
        STUB.answerJson("PUT", API + "/assignee", 409, """
                {"status":409,"detail":"Dispute %s changed concurrently; read it again"}""".formatted(ID), Map.of());
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(allOf(not(containsString("action=\"/disputes/" + ID + "/assignee\"")),
                        containsString("action=\"/disputes/" + ID + "/assignee/removal\""))));
        mvc.perform(post("/disputes/" + ID + "/assignee").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"assignment-problem\""),
                        containsString("changed concurrently"))));

        int sentBefore = STUB.requests().size();
        mvc.perform(post("/disputes/" + ID + "/assignee").with(csrf()).with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/disputes/" + ID + "/assignee/removal").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).hasSize(sentBefore);
    }

    @Test
    void theQueueShowsTheAssigneeAndPendingDisputesAndFiltersByAssignee() throws Exception {
        STUB.answerJson("GET", TICKETS, 200, "[" + ticketJson(ID, "pendingInformation", "fin") + ","
                + ticketJson(OTHER, "inReview", null) + "]", Map.of("X-Total-Count", "2"));
        mvc.perform(get("/disputes?assignee=me").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"pendingInformation\">Information requested</option>"),
                        containsString("<option value=\"me\" selected=\"selected\">Me</option>"),
                        containsString("data-testid=\"queue-assignee\"><span>fin</span>"),
                        containsString("name=\"disputeId\" form=\"bulk-assign\" value=\"" + OTHER + "\""),
                        containsString("name=\"back\" value=\"/disputes?show=work&amp;sort=dueBy&amp;assignee=me\""))));
        mvc.perform(get("/disputes?show=all&assignee=none&assigneeUser=fin-b").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"fin-b\" selected>fin-b</option>"),
                        not(containsString("bulk-assign")))));
        assertThat(STUB.requestsTo("GET", TICKETS)).extracting(StubGateway.Request::query).containsExactly(
                "status=open&status=inReview&status=escalated&status=resolutionProposed&status=rejected"
                        + "&status=pendingInformation&assignee=me&sort=dueBy&offset=0&limit=25",
                "assignee=fin-b&offset=0&limit=25");

        // no user name: said at the filter, nothing asked
        int sentBefore = STUB.requests().size();
        mvc.perform(get("/disputes?assigneeUser=Fin%20B!").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is no user name")));
        assertThat(STUB.requestsTo("GET", TICKETS)).hasSize(2);
    }

    @Test
    void staffAssignTheSelectedToThemselvesAllOrNone() throws Exception {
        STUB.answerJson("POST", "/api/disputes/assignments", "{\"assignee\":\"finance\",\"disputeIds\":[]}");
        mvc.perform(post("/disputes/assignments").param("disputeId", ID, OTHER, ID)
                        .param("back", "/disputes?show=work&assignee=none").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/disputes?show=work&assignee=none"))
                .andExpect(flash().attribute("noticeKey", "disputeInfo.done.bulkAssigned"))
                .andExpect(flash().attribute("noticeCount", 2));
        assertThat(JSON.readTree(STUB.requestsTo("POST", "/api/disputes/assignments").getFirst().body()))
                .isEqualTo(JSON.readTree("{\"disputeIds\":[\"" + ID + "\",\"" + OTHER + "\"],\"assignee\":\"me\"}"));

        // the service refuses the whole: its reason (naming the disputes) shown on the queue, no error page
        STUB.answerJson("POST", "/api/disputes/assignments", 400, """
                {"status":400,"detail":"Not assignable: %s (closed)","notAssignable":["%s"]}""".formatted(OTHER, OTHER),
                Map.of());
        mvc.perform(post("/disputes/assignments").param("disputeId", ID, OTHER).param("back", "https://evil.example")
                        .with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/disputes"))
                .andExpect(flash().attribute("errorKey", "disputeInfo.error.bulkRefused"))
                .andExpect(flash().attribute("errorDetail", "Not assignable: " + OTHER + " (closed)"));

        int sentBefore = STUB.requests().size();
        mvc.perform(post("/disputes/assignments").with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/disputes"))
                .andExpect(flash().attribute("errorKey", "disputeInfo.error.selection"));
        mvc.perform(post("/disputes/assignments").param("disputeId", ID).with(csrf())
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/disputes/assignments").param("disputeId", ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).hasSize(sentBefore);

        // the refusal reads on the queue
        STUB.answerJson("GET", TICKETS, "[]");
        mvc.perform(get("/disputes").flashAttr("errorKey", "disputeInfo.error.bulkRefused")
                        .flashAttr("errorDetail", "Not assignable: x").with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(allOf(containsString("None of the selected disputes was assigned:"),
                        containsString("Not assignable: x"))));
    }
}
