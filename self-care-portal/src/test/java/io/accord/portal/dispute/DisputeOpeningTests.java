package io.accord.portal.dispute;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The opening form: a line with an open dispute of the partner is not offered again, and a 409 links to it. */
class DisputeOpeningTests extends PortalTestSupport {

    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String STATEMENT = "5b0d2c0e-0000-4000-8000-000000000041";
    private static final String OPEN = "d1500000-0000-4000-8000-000000000041";

    DisputeOpeningTests(MockMvc mvc) {
        super(mvc);
    }

    private static void statementWithTwoLines() {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":18.27,
                 "lines":[{"type":"REVENUE_SHARE","label":"Streamo views","rounded":15.35},
                          {"type":"WHOLESALE","label":"Wholesale, SMS","rounded":2.92}]}""".formatted(STATEMENT));
    }

    /** The partner's open dispute on the statement's second line, as the service lists it. */
    private static void openDisputeOnTheSecondLine() {
        STUB.answerJson("GET", TICKETS, 200, """
                [{"id":"%s","status":"inReview","category":"RATE","disputedAmount":{"unit":"EUR","value":"2.92"},
                  "relatedEntity":[{"id":"%s","role":"Statement"},{"id":"%s-2","role":"StatementLine"}]}]"""
                .formatted(OPEN, STATEMENT, STATEMENT), Map.of("X-Total-Count", "1"));
    }

    @Test
    void aLineWithAnOpenDisputeIsNotOfferedButLinksToThatDispute() throws Exception {
        statementWithTwoLines();
        openDisputeOnTheSecondLine();

        // the statement page's "Dispute" link of the disputed line: that line is not chosen
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).param("lineId", STATEMENT + "-2")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<option value=\"" + STATEMENT + "-1\">Streamo views · 15.35 EUR</option>"),
                        containsString("<option value=\"" + STATEMENT + "-2\" disabled=\"disabled\">"
                                + "Wholesale, SMS · 2.92 EUR · already disputed</option>"),
                        not(containsString("selected=\"selected\">Wholesale")),
                        containsString("href=\"/disputes/" + OPEN + "\""))));
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("· bereits reklamiert</option>"),
                        containsString("hat bereits eine offene Reklamation"))));
        // the partner's open disputes on this statement, in the states that hold their lines
        assertThat(STUB.requestsTo("GET", TICKETS).getFirst().query())
                .contains("statementId=" + STATEMENT, "status=open,inReview,resolutionProposed,escalated");
    }

    @Test
    void aConflictOnAnAlreadyDisputedLineLinksToTheOpenDisputesPage() throws Exception {
        statementWithTwoLines();
        STUB.answerJson("GET", TICKETS, 200, "[]", Map.of("X-Total-Count", "0"));
        // dispute-service's 409 for a line the partner already disputes (opened meanwhile, e.g. in another tab)
        STUB.answerJson("POST", TICKETS, 409, """
                {"type":"https://accord.dev/problems/conflict","status":409,
                 "detail":"StatementLine %s-1 already has an open dispute: %s","openDisputeId":"%s",
                 "openDisputeHref":"/tmf-api/troubleTicket/v4/troubleTicket/%s"}"""
                .formatted(STATEMENT, OPEN, OPEN, OPEN), Map.of());

        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("statementId", STATEMENT).param("lineId", STATEMENT + "-1").param("category", "RATE")
                        .param("amount", "5").param("description", "rated at the old rate"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("already has an open dispute"),
                        containsString("data-testid=\"open-dispute-link\"><a href=\"/disputes/" + OPEN + "\">"
                                + "Go to the dispute open on this line and add to it</a>"))));

        // only the TMF link (no id): the portal's page of the dispute it names
        STUB.answerJson("POST", TICKETS, 409, """
                {"status":409,"detail":"already has an open dispute",
                 "openDisputeHref":"/tmf-api/troubleTicket/v4/troubleTicket/%s"}""".formatted(OPEN), Map.of());
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .header("Accept-Language", "de").param("statementId", STATEMENT)
                        .param("lineId", STATEMENT + "-1").param("category", "RATE").param("amount", "5")
                        .param("description", "rated at the old rate"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<a href=\"/disputes/" + OPEN + "\">"
                        + "Zur offenen Reklamation dieser Position, um sie zu ergänzen</a>")));

        // another refusal names no dispute: no link
        STUB.answerJson("POST", TICKETS, 422, "{\"status\":422,\"detail\":\"amount exceeds the line\"}", Map.of());
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("statementId", STATEMENT).param("lineId", STATEMENT + "-1").param("category", "RATE")
                        .param("amount", "500").param("description", "rated at the old rate"))
                .andExpect(status().is(422))
                .andExpect(content().string(allOf(containsString("amount exceeds the line"),
                        not(containsString("open-dispute-link")))));
    }
}
