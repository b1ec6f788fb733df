package io.accord.portal.dispute;

import java.time.Instant;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Withdrawal and escalation (the partner; escalation also staff who work disputes) and staff-internal notes. */
class DisputeStepsControllerTests extends PortalTestSupport {

    DisputeStepsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String ID = "d1500000-0000-4000-8000-0000000000a1";
    private static final String API = "/api/disputes/" + ID;
    private static final String NOTES = API + "/internal-notes";

    private static void ticket(String status) {
        STUB.answerJson("GET", TICKETS + "/" + ID, """
                {"id":"%s","status":"%s","category":"RATE","description":"rated at the old rate",
                 "creationDate":"2026-12-01T09:00:00Z","disputedAmount":{"unit":"EUR","value":"12.50"},
                 "relatedEntity":[{"id":"5b0d2c0e-0000-4000-8000-000000000001","role":"Statement"}],
                 "note":[{"author":"partner-admin","date":"2026-12-01T09:05:00Z","text":"see the CDRs"},
                         {"author":"finance","date":"2026-12-01T11:00:00Z","text":"we are looking into it"}],
                 "statusChangeHistory":[{"status":"open","changeDate":"2026-12-01T09:00:00Z","changedBy":"partner-admin"}],
                 "sla":{"firstResponseDue":"%s","resolutionDue":"2026-12-31T09:00:00Z"}}"""
                .formatted(ID, status, Instant.now().plusSeconds(7200)));
    }

    private static void internalNotes() {
        STUB.answerJson("GET", NOTES, """
                [{"id":"n1","author":"finance-b","date":"2026-12-01T10:30:00Z","text":"rate table import was late"}]""");
    }

    @Test
    void thePartnerWithdrawsItsDisputeWithAReason() throws Exception {
        ticket("inReview");
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Withdraw the dispute"),
                        containsString("<label for=\"withdrawal-reason\">Why you withdraw it</label>"),
                        containsString("Escalate the dispute"),
                        containsString("<label for=\"escalation-reason\">Why you escalate it (optional)</label>"),
                        not(containsString("Add internal note")))));

        STUB.answerJson("POST", API + "/withdrawal", "{\"id\":\"" + ID + "\",\"status\":\"withdrawn\"}");
        mvc.perform(post("/disputes/" + ID + "/withdrawal").param("reason", "  settled with our account manager ")
                        .with(csrf()).with(TestUsers.partner("partner-user")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeSteps.done.withdrawal"));
        var sent = STUB.requestsTo("POST", API + "/withdrawal").getFirst();
        assertThat(JSON.readTree(sent.body())).isEqualTo(
                JSON.readTree("{\"reason\":\"settled with our account manager\"}"));
        assertThat(sent.authorization()).isEqualTo("Bearer partner-token");
    }

    @Test
    void aWithdrawalWithoutReasonIsRefusedAtTheFieldAndSendsNothing() throws Exception {
        ticket("open");
        mvc.perform(post("/disputes/" + ID + "/withdrawal").param("reason", "   ").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"withdrawal-reason-error\""),
                        containsString("Say why you withdraw the dispute"),
                        containsString("aria-describedby=\"withdrawal-reason-error\""),
                        containsString("aria-invalid=\"true\""))));
        assertThat(STUB.requestsTo("POST", API + "/withdrawal")).isEmpty();
    }

    @Test
    void theServicesViolationIsShownAtItsFieldWithTheInputKept() throws Exception {
        ticket("open");
        STUB.answerJson("POST", API + "/withdrawal", 400, """
                {"status":400,"detail":"The request has invalid fields: reason.",
                 "violations":[{"field":"reason","message":"must not contain control characters"}]}""", Map.of());
        String page = mvc.perform(post("/disputes/" + ID + "/withdrawal").param("reason", "no longer needed")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"withdrawal-reason-error\" class=\"field-error\">must not contain control "
                + "characters</span>", ">no longer needed</textarea>", "id=\"withdrawal-problem\"");
        assertThat(page).doesNotContain("id=\"escalation-reason-error\"");
    }

    @Test
    void aDisputeThatMovedOnShowsTheServicesConflictAtTheEscalationForm() throws Exception {
        // the page was opened in review; meanwhile finance proposed a resolution
        ticket("resolutionProposed");
        STUB.answerJson("POST", API + "/escalation", 409, """
                {"status":409,"detail":"Dispute %s is resolutionProposed and cannot be escalated"}""".formatted(ID),
                Map.of());
        mvc.perform(post("/disputes/" + ID + "/escalation").param("reason", "no answer for two weeks")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"escalation-problem\""),
                        containsString("is resolutionProposed and cannot be escalated"),
                        containsString(">no answer for two weeks</textarea>"))));
        assertThat(JSON.readTree(STUB.requestsTo("POST", API + "/escalation").getFirst().body()))
                .isEqualTo(JSON.readTree("{\"reason\":\"no answer for two weeks\"}"));
    }

    @Test
    void anEscalationWithoutReasonSendsAnEmptyRequestAndFinanceMayEscalateToo() throws Exception {
        STUB.answerJson("POST", API + "/escalation", "{\"id\":\"" + ID + "\",\"status\":\"escalated\"}");
        mvc.perform(post("/disputes/" + ID + "/escalation").param("reason", "").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeSteps.done.escalation"));
        assertThat(STUB.requestsTo("POST", API + "/escalation").getFirst().body()).isEqualTo("{}");
        assertThat(STUB.requestsTo("POST", API + "/escalation").getFirst().authorization())
                .isEqualTo("Bearer finance-token");
    }

    @Test
    void onlyThePartnerWithdrawsAndAuditorsTakeNoStep() throws Exception {
        mvc.perform(post("/disputes/" + ID + "/withdrawal").param("reason", "x").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        for (String step : new String[] {"withdrawal", "escalation", "internal-notes"}) {
            mvc.perform(post("/disputes/" + ID + "/" + step).param("reason", "x").param("text", "x").with(csrf())
                            .with(TestUsers.staff("auditor", "auditor")))
                    .andExpect(status().isForbidden());
        }
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aResolvedDisputeOffersNeitherWithdrawalNorEscalation() throws Exception {
        ticket("resolved");
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("see the CDRs"),
                        not(containsString("Withdraw the dispute")), not(containsString("Escalate the dispute")))));
        ticket("resolutionProposed");
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("Withdraw the dispute"),
                        not(containsString("Escalate the dispute")))));
    }

    @Test
    void staffSeeTheInternalNotesInTheThreadInTheirPlace() throws Exception {
        ticket("inReview");
        internalNotes();
        String page = mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("rate table import was late"),
                        containsString("class=\"internal-note\""), containsString("Internal</span>"),
                        containsString("<label for=\"internal-note\">"), containsString("Add internal note"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("see the CDRs")).isLessThan(page.indexOf("rate table import was late"));
        assertThat(page.indexOf("rate table import was late")).isLessThan(page.indexOf("we are looking into it"));
        assertThat(STUB.requestsTo("GET", NOTES).getFirst().authorization()).isEqualTo("Bearer partner-manager-token");
    }

    @Test
    void partnersNeverSeeInternalNotesAndTheyAreNotEvenAskedFor() throws Exception {
        ticket("inReview");
        internalNotes();
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("we are looking into it"),
                        not(containsString("rate table import was late")), not(containsString("internal-note")),
                        not(containsString("Internal</span>")))));
        assertThat(STUB.requestsTo("GET", NOTES)).isEmpty();

        mvc.perform(post("/disputes/" + ID + "/internal-notes").param("text", "psst").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requestsTo("POST", NOTES)).isEmpty();
    }

    @Test
    void auditorsReadTheInternalNotesWithoutAForm() throws Exception {
        ticket("inReview");
        internalNotes();
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("rate table import was late"),
                        not(containsString("Add internal note")), not(containsString("Escalate the dispute")),
                        not(containsString("Withdraw the dispute")))));
    }

    @Test
    void financeAddsAnInternalNoteAndAnEmptyOneIsRefusedAtTheField() throws Exception {
        STUB.answerJson("POST", NOTES, 201, "{\"id\":\"n2\",\"author\":\"finance\",\"text\":\"partner is right\"}",
                Map.of());
        mvc.perform(post("/disputes/" + ID + "/internal-notes").param("text", "partner is right for 1-3 March")
                        .with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/disputes/" + ID))
                .andExpect(flash().attribute("noticeKey", "disputeSteps.done.internalNote"));
        assertThat(STUB.requestsTo("POST", NOTES).getFirst().body())
                .isEqualTo("{\"text\":\"partner is right for 1-3 March\"}");

        ticket("inReview");
        internalNotes();
        mvc.perform(post("/disputes/" + ID + "/internal-notes").param("text", "").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"internal-note-error\""),
                        containsString("Write the note (at most 4000 characters)."))));
        assertThat(STUB.requestsTo("POST", NOTES)).hasSize(1);
    }

    @Test
    void staffStillNoteAClosedDisputeInternallyWhileNoOneComments() throws Exception {
        ticket("closed");
        internalNotes();
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Add internal note"),
                        not(containsString("Add comment")), not(containsString("Escalate the dispute")))));
    }

    @Test
    void internalNotesThatCannotBeReadDoNotHideTheDispute() throws Exception {
        ticket("inReview");
        STUB.answerJson("GET", NOTES, 503, "{\"status\":503}", Map.of());
        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("we are looking into it"),
                        containsString("The internal notes cannot be read right now."))));
    }

    @Test
    void theStepsSpeakGerman() throws Exception {
        ticket("open");
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("Reklamation zurückziehen"),
                        containsString("Reklamation eskalieren"), containsString("Warum Sie sie zurückziehen"))));
        internalNotes();
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(allOf(containsString("Intern</span>"),
                        containsString("Interne Notiz hinzufügen"))));
    }
}
