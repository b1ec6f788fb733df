package io.accord.portal.dispute;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One dispute's page: when silence accepts a pending proposal, and the outcome of an accepted charge. */
class DisputeDetailPageTests extends PortalTestSupport {

    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String ID = "d1500000-0000-4000-8000-000000000031";
    private static final String STATEMENT = "5b0d2c0e-0000-4000-8000-000000000031";

    DisputeDetailPageTests(MockMvc mvc) {
        super(mvc);
    }

    private static String ticket(String status, String extra) {
        return """
                {"id":"%s","status":"%s","category":"RATE","description":"rated at the old rate",
                 "creationDate":"2026-12-01T09:00:00Z","disputedAmount":{"unit":"EUR","value":"12.50"},
                 "relatedEntity":[{"id":"%s","role":"Statement"}],
                 "relatedParty":[{"id":"%s","role":"Partner","@referredType":"Organization"}],
                 "statusChangeHistory":[{"status":"open","changeDate":"2026-12-01T09:00:00Z","changedBy":"partner-admin"}]
                 %s}""".formatted(ID, status, STATEMENT, PARTNER_A, extra);
    }

    private static String proposal(String direction, String state, String respondBy) {
        return """
                ,"proposal":{"direction":"%s","amount":{"unit":"EUR","value":"10.00"},"reason":"old rate",
                  "proposedAt":"2026-12-07T10:00:00Z","state":"%s"%s}""".formatted(direction, state,
                respondBy == null ? "" : ",\"respondBy\":\"" + respondBy + "\"");
    }

    @Test
    void thePartnerIsToldWhenItsSilenceAcceptsTheProposalInItsLanguage() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket("resolutionProposed",
                proposal("CREDIT_PARTNER", "proposed", "2026-12-21T10:00:00Z")));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"proposal-respond-by\""),
                        containsString("Please answer by 2026-12-21 10:00 UTC — without an answer the proposal is "
                                + "accepted."), containsString("Accept the proposal"))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bitte antworten Sie bis 21.12.2026, 10:00 UTC — ohne "
                        + "Antwort gilt der Lösungsvorschlag als angenommen.")));
    }

    @Test
    void staffSeeTheSameDeadlineAsTheirs() throws Exception {
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket("resolutionProposed",
                proposal("CREDIT_PARTNER", "proposed", "2026-12-21T10:00:00Z")));
        STUB.answerJson("GET", "/api/disputes/" + ID + "/internal-notes", "[]");

        mvc.perform(get("/disputes/" + ID).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"proposal-respond-by\""),
                        containsString("The partner has until 2026-12-21 10:00 UTC to answer — without an answer the "
                                + "proposal is accepted."), not(containsString("Please answer by")))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de")
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Der Partner kann bis 21.12.2026, 10:00 UTC antworten")));
    }

    @Test
    void aChargeSilenceNeverAcceptsAndAnAnsweredProposalShowNoDeadline() throws Exception {
        // the service leaves respondBy out of a charge (DEBIT_PARTNER) and of an answered proposal
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket("resolutionProposed",
                proposal("DEBIT_PARTNER", "proposed", null)));
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Debit to the partner: 10.00 EUR"),
                        not(containsString("proposal-respond-by")), not(containsString("Please answer by")))));

        STUB.answerJson("GET", TICKETS + "/" + ID, ticket("inReview",
                proposal("CREDIT_PARTNER", "rejected", null)));
        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("proposal-respond-by"))));
    }

    @Test
    void anAcceptedChargeReadsCounterChargedInBothLanguages() throws Exception {
        // dispute-service's outcome of an accepted DEBIT_PARTNER (it used to read ACCEPTED)
        STUB.answerJson("GET", TICKETS + "/" + ID, ticket("resolved",
                ",\"outcome\":\"COUNTER_CHARGED\"" + proposal("DEBIT_PARTNER", "accepted", null)));

        mvc.perform(get("/disputes/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Counter-charged<"),
                        not(containsString("COUNTER_CHARGED")), not(containsString("Counter charged")))));
        mvc.perform(get("/disputes/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Nachbelastet<"),
                        not(containsString("Counter")))));
    }
}
