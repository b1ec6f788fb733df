package io.accord.portal.dispute;

import java.util.Map;

import tools.jackson.databind.JsonNode;

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

/**
 * The opening form: several lines of one statement in one dispute, what remains to dispute and the dispute window
 * shown (never enforced here), a line with an open dispute of the partner not offered again, and the service's
 * refusals said in words (a 409 links to the open dispute).
 */
class DisputeOpeningTests extends PortalTestSupport {

    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String STATEMENT = "5b0d2c0e-0000-4000-8000-000000000041";
    private static final String OPEN = "d1500000-0000-4000-8000-000000000041";
    private static final String OPENED = "d1500000-0000-4000-8000-000000000042";
    private static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement";
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

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
                        containsString("<input type=\"checkbox\" name=\"lineId\" id=\"line-1\" value=\""
                                + STATEMENT + "-1\"></td>"),
                        containsString("<label for=\"line-1\">Streamo views</label>"),
                        containsString("<input type=\"checkbox\" name=\"lineId\" id=\"line-2\" value=\""
                                + STATEMENT + "-2\" disabled=\"disabled\"></td>"),
                        containsString("<label for=\"line-2\">Wholesale, SMS · already disputed</label>"),
                        not(containsString("checked")),
                        containsString("href=\"/disputes/" + OPEN + "\""))));
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"line-2\">Großhandelspreis der Nutzung · bereits reklamiert</label>"),
                        containsString("hat bereits eine offene Reklamation"))));
        // the partner's open disputes on this statement, in the states that hold their lines
        assertThat(STUB.requestsTo("GET", TICKETS).getFirst().query())
                .contains("statementId=" + STATEMENT, "status=open,inReview,resolutionProposed,escalated,pendingInformation");
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

    @Test
    void severalLinesOfOneStatementAreOneDisputeForTheSumOfWhatIsDisputedOnEach() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":14.17,
                 "lines":[{"type":"REVENUE_SHARE","label":"Streamo views","rounded":15.35},
                          {"type":"WHOLESALE","label":"Wholesale, SMS","rounded":2.92},
                          {"type":"WHOLESALE","label":"Wholesale, voice","rounded":-4.10}]}""".formatted(STATEMENT));
        STUB.answerJson("GET", TICKETS, 200, "[]", Map.of("X-Total-Count", "0"));

        // a checkbox and an amount per line, the amount starting at the line's (its size for a line owed to us);
        // the statement page's link of line 3 without an amount chooses it at its own amount
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).param("lineId", STATEMENT + "-3")
                        .header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"line-3\" value=\"" + STATEMENT + "-3\" checked=\"checked\">"),
                        containsString("id=\"line-1\" value=\"" + STATEMENT + "-1\">"),
                        containsString("name=\"lineAmount-" + STATEMENT + "-1\" id=\"lineAmount-" + STATEMENT
                                + "-1\" value=\"15,35\""),
                        containsString("name=\"lineAmount-" + STATEMENT + "-3\" id=\"lineAmount-" + STATEMENT
                                + "-3\" value=\"4,10\""))));

        STUB.answerJson("POST", TICKETS, 201, "{\"id\":\"%s\"}".formatted(OPENED), Map.of());
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-user"))
                        .header("Accept-Language", "de").param("statementId", STATEMENT)
                        .param("lineId", STATEMENT + "-1", STATEMENT + "-3")
                        .param("lineAmount-" + STATEMENT + "-1", "10,50")
                        .param("lineAmount-" + STATEMENT + "-2", "2,92")
                        .param("lineAmount-" + STATEMENT + "-3", "4,10")
                        .param("category", "RATE").param("amount", "").param("description", "both at the old rate"))
                .andExpect(redirectedUrl("/disputes/" + OPENED));
        JsonNode opened = JSON.readTree(STUB.requestsTo("POST", TICKETS).getFirst().body());
        // one dispute: the chosen lines as its items, the sum of their disputed amounts (the unchosen line not)
        assertThat(opened.path("disputedAmount").path("value").asString()).isEqualTo("14.60");
        assertThat(opened.path("relatedEntity").findValuesAsString("id"))
                .containsExactly(STATEMENT, STATEMENT + "-1", STATEMENT + "-3");
        assertThat(opened.path("relatedEntity").findValuesAsString("role"))
                .containsExactly("Statement", "StatementLine", "StatementLine");
        // each line with what is disputed on it (the split used to be lost: only the sum reached the service)
        assertThat(opened.path("relatedEntity").get(1).path("disputedAmount").path("value").asString())
                .isEqualTo("10.50");
        assertThat(opened.path("relatedEntity").get(2).path("disputedAmount").path("value").asString())
                .isEqualTo("4.10");
        assertThat(opened.path("relatedEntity").get(2).path("disputedAmount").path("unit").asString())
                .isEqualTo("EUR");
        assertThat(opened.path("relatedEntity").get(0).has("disputedAmount")).isFalse();

        // a chosen line without a usable amount: refused at its field, what was typed kept, nothing sent
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-user"))
                        .param("statementId", STATEMENT).param("lineId", STATEMENT + "-1", STATEMENT + "-3")
                        .param("lineAmount-" + STATEMENT + "-1", "")
                        .param("lineAmount-" + STATEMENT + "-3", "4.10")
                        .param("category", "RATE").param("description", "both at the old rate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"lineAmount-" + STATEMENT + "-1-error\" class=\"field-error\""),
                        containsString("aria-invalid=\"true\" aria-describedby=\"lineAmount-" + STATEMENT
                                + "-1-error\""),
                        containsString("value=\"" + STATEMENT + "-3\" checked=\"checked\">"),
                        containsString("id=\"lineAmount-" + STATEMENT + "-3\" value=\"4.10\""))));
        assertThat(STUB.requestsTo("POST", TICKETS)).hasSize(1);
    }

    /** Resolved disputes on the statement: a credit on line 1, one on the whole statement, a charge (not counted). */
    private static void resolvedDisputesOnTheStatement() {
        STUB.answerJson("GET", TICKETS, 200, """
                [{"id":"d1500000-0000-4000-8000-000000000043","status":"resolved","adjustmentId":"a1",
                  "proposal":{"direction":"CREDIT_PARTNER","amount":{"unit":"EUR","value":"10.00"},"state":"accepted"},
                  "relatedEntity":[{"id":"%1$s","role":"Statement"},{"id":"%1$s-1","role":"StatementLine"}]},
                 {"id":"d1500000-0000-4000-8000-000000000044","status":"closed","adjustmentId":"a2",
                  "proposal":{"direction":"CREDIT_PARTNER","amount":{"unit":"EUR","value":"1.00"},"state":"accepted"},
                  "relatedEntity":[{"id":"%1$s","role":"Statement"}]},
                 {"id":"d1500000-0000-4000-8000-000000000045","status":"resolved","adjustmentId":"a3",
                  "proposal":{"direction":"DEBIT_PARTNER","amount":{"unit":"EUR","value":"2.00"},"state":"accepted"},
                  "relatedEntity":[{"id":"%1$s","role":"Statement"},{"id":"%1$s-2","role":"StatementLine"}]}]"""
                .formatted(STATEMENT), Map.of("X-Total-Count", "3"));
    }

    @Test
    void theFormShowsWhatRemainsToDisputeAndLeavesTheLimitToTheService() throws Exception {
        statementWithTwoLines();
        resolvedDisputesOnTheStatement();

        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<p data-testid=\"dispute-headroom\">Resolved disputes credited 11.00 EUR on "
                                + "this statement: up to 7.27 EUR of it remains to dispute"),
                        // line 1: 15.35 less 10.00 and the statement's 1.00; line 2: 2.92 less 1.00 (a charge takes none)
                        containsString("<td class=\"num\">15.35 EUR</td>\n                        "
                                + "<td class=\"num\">4.35 EUR</td>"),
                        containsString("<td class=\"num\">2.92 EUR</td>\n                        "
                                + "<td class=\"num\">1.92 EUR</td>"),
                        // nothing here refuses an amount beyond it: no maximum on the fields
                        not(containsString(" max=")))));
        assertThat(STUB.requestsTo("GET", TICKETS).stream().map(request -> request.query()))
                .anySatisfy(query -> assertThat(query).contains("statementId=" + STATEMENT,
                        "status=resolved,closed"));

        // 15.35 on line 1 is sent: the service decides, and its 422 is said in words
        STUB.answerJson("POST", TICKETS, 422, """
                {"type":"https://accord.dev/problems/amount-exceeds-line","status":422,
                 "detail":"The disputed amount 15.35 exceeds what remains of statement line %s-1 of 15.35 EUR",
                 "remaining":"4.350000","scopeAmount":"15.350000","limit":"4.350000"}""".formatted(STATEMENT),
                Map.of());
        for (String[] language : new String[][] {{"en", "15.35", "At most 4.35 EUR can still be disputed on what you "
                + "chose (15.35 EUR in all, less what resolved disputes already credited)."},
                {"de", "15,35", "Auf Ihre Auswahl können höchstens noch 4,35 EUR reklamiert werden (15,35 EUR "
                + "insgesamt"}}) {
            mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                            .header("Accept-Language", language[0]).param("statementId", STATEMENT)
                            .param("lineId", STATEMENT + "-1").param("lineAmount-" + STATEMENT + "-1", language[1])
                            .param("category", "RATE").param("description", "rated at the old rate"))
                    .andExpect(status().is(422))
                    .andExpect(content().string(allOf(containsString(language[2]),
                            containsString("data-testid=\"refusal-exceeds\""))));
        }
        assertThat(STUB.requestsTo("POST", TICKETS)).hasSize(2);

        // any other refusal (a 403 here) is said on the form with the service's detail, not as an error page
        STUB.answerJson("POST", TICKETS, 403, "{\"status\":403,\"detail\":\"S69-H6 not allowed\"}", Map.of());
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("statementId", STATEMENT).param("category", "RATE").param("amount", "1")
                        .param("description", "rated at the old rate"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("S69-H6 not allowed"),
                        containsString("<form class=\"wizard\""))));
    }

    @Test
    void theFormNamesTheAgreementsDisputeWindowOrTheServicesDefaultWithoutANumber() throws Exception {
        STUB.answerJson("GET", "/api/settlement/statements/" + STATEMENT, """
                {"id":"%s","documentNumber":"ST-2026-000042","currency":"EUR","totalAmount":15.35,
                 "issuedAt":"2026-12-01T10:00:00Z",
                 "lines":[{"type":"REVENUE_SHARE","label":"Streamo views","rounded":15.35}]}""".formatted(STATEMENT));
        STUB.answerJson("GET", TICKETS, 200, "[]", Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", AGREEMENTS, 200, """
                [{"id":"ag-1","status":"ACTIVE","terms":{"disputeWindowDays":30}}]""", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Disputes on this statement can be opened until 2026-12-31 "
                        + "(the 30-day dispute window of your agreement, counted from the issue).")));
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("können bis zum 31.12.2026 eröffnet werden")));

        // an agreement naming no window: the service's default applies, and the portal assumes no number for it
        STUB.answerJson("GET", AGREEMENTS, 200, """
                [{"id":"ag-1","status":"ACTIVE","terms":{}}]""", Map.of("X-Total-Count", "1"));
        mvc.perform(get("/disputes/new").param("statementId", STATEMENT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Your agreement names no dispute window: the dispute "
                        + "service&#39;s default window applies"), not(containsString("-day dispute window")),
                        not(containsString("60 days")))));

        // the service's refusal of a closed window, in words with its day
        STUB.answerJson("POST", TICKETS, 422, """
                {"type":"https://accord.dev/problems/dispute-window-closed","status":422,
                 "detail":"The dispute window of 30 days closed at 2026-12-31T10:00:00Z",
                 "disputeWindowDays":30,"windowClosedAt":"2026-12-31T10:00:00Z"}""", Map.of());
        mvc.perform(post("/disputes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .header("Accept-Language", "de").param("statementId", STATEMENT)
                        .param("category", "RATE").param("amount", "1").param("description", "late"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString(
                        "Die Reklamationsfrist von 30 Tagen für diese Abrechnung endete am 31.12.2026.")));
    }
}
