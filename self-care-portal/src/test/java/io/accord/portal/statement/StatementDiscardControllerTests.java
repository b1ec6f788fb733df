package io.accord.portal.statement;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static io.accord.portal.statement.StatementControllerTests.ISSUED;
import static io.accord.portal.statement.StatementControllerTests.PERIOD;
import static io.accord.portal.statement.StatementControllerTests.answersAnIssuedStatement;
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

/** Finance discards a DRAFT or APPROVED statement, with a reason, from its page; refusals are shown there. */
class StatementDiscardControllerTests extends PortalTestSupport {

    private static final String DRAFT = "5b0d2c0e-0000-4000-8000-0000000000d7";
    private static final String DRAFT_PATH = "/api/settlement/statements/" + DRAFT;

    StatementDiscardControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static void answersADraftStatement(String state) {
        STUB.answerJson("GET", DRAFT_PATH, """
                {"id":"%s","partnerId":"%s","periodId":"%s","state":"%s","direction":"PAYABLE","currency":"EUR",
                 "netAmount":1.00,"taxAmount":0.19,"totalAmount":1.19,"preparedBy":"finance",
                 "lines":[{"type":"REVENUE_SHARE","label":"Video streaming, minutes","rounded":1.00}]}"""
                .formatted(DRAFT, PARTNER_A, PERIOD, state));
        STUB.answerJson("GET", DRAFT_PATH + "/payments", "[]");
        STUB.answerJson("GET", "/api/settlement/notes", "[]");
    }

    @Test
    void financeIsOfferedDiscardOnDraftAndApprovedStatementsOnly() throws Exception {
        for (String state : List.of("DRAFT", "APPROVED")) {
            answersADraftStatement(state);
            mvc.perform(get("/statements/" + DRAFT).with(TestUsers.staff("finance", "finance")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("action=\"/statements/" + DRAFT + "/discard\""),
                            containsString("name=\"reason\""), containsString(">Discard statement</button>"),
                            containsString("data-confirm=\"Discard statement 5b0d2c0e? This cannot be undone"),
                            // an issued statement is corrected by a note, not discarded: no note form before issue
                            not(containsString("Draft a credit or debit note")))));
        }
        answersAnIssuedStatement("");
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(not(containsString("/discard\""))));
        answersADraftStatement("DRAFT");
        for (String role : List.of("auditor", "platform-admin", "ops", "partner-manager")) {
            mvc.perform(get("/statements/" + DRAFT).with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/discard\""))));
        }
    }

    @Test
    void discardingSendsTheReasonAndTheStatementSaysItWasDiscarded() throws Exception {
        STUB.answerJson("POST", DRAFT_PATH + "/discard", """
                {"id":"%s","state":"DISCARDED","discardReason":"Drafted before dsp-2026-0142 was resolved"}"""
                .formatted(DRAFT));

        MvcResult discarded = mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf())
                        .param("reason", "  Drafted before dsp-2026-0142 was resolved ")
                        .header("Accept-Language", "de").with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements/" + DRAFT)).andReturn();
        assertThat(STUB.requestsTo("POST", DRAFT_PATH + "/discard")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"reason\":\"Drafted before dsp-2026-0142 was resolved\"}");
            assertThat(call.authorization()).isEqualTo("Bearer finance-token");
        });

        answersADraftStatement("DISCARDED");
        mvc.perform(get("/statements/" + DRAFT).flashAttrs(discarded.getFlashMap()).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Abrechnung 5b0d2c0e verworfen. Der nächste Abrechnungslauf erstellt ihre "
                                + "Periode neu."),
                        containsString(">Verworfen</span>"), not(containsString("/discard\"")))));
    }

    @Test
    void aDiscardWithoutReasonIsRefusedAtTheFieldWithNothingSent() throws Exception {
        answersADraftStatement("DRAFT");
        mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf()).param("reason", "   ")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The statement was not discarded."),
                        containsString("<span id=\"discard-reason-error\" class=\"field-error\">Enter the reason "
                                + "(at most 1000 characters).</span>"))));
        mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf()).param("reason", "x".repeat(1001))
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requestsTo("POST", DRAFT_PATH + "/discard")).isEmpty();
    }

    @Test
    void settlementsRefusalIsShownOnTheStatementWithTheReasonKept() throws Exception {
        answersADraftStatement("APPROVED");
        STUB.answerJson("POST", DRAFT_PATH + "/discard", 409, """
                {"type":"https://accord.dev/problems/conflict","status":409,
                 "detail":"Statement 5b0d2c0e of period 2026-11 cannot be discarded: the partner has a statement of a later period (discard it first)"}""",
                Map.of());

        mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf()).param("reason", "Wrong terms")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"discard-problem\" class=\"alert\" role=\"alert\""),
                        containsString("The statement was not discarded."),
                        containsString("the partner has a statement of a later period (discard it first)"),
                        containsString(">Wrong terms</textarea>"))));

        STUB.answerJson("POST", DRAFT_PATH + "/discard", 403,
                "{\"status\":403,\"detail\":\"Access denied\"}", Map.of());
        mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf()).param("reason", "Wrong terms")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("The statement was not discarded."),
                        containsString("Access denied"), containsString("Video streaming, minutes"))));

        // issued meanwhile: the page no longer offers discarding, but still says why it was refused
        answersADraftStatement("ISSUED");
        STUB.answerJson("POST", DRAFT_PATH + "/discard", 409, """
                {"status":409,"detail":"Statement 5b0d2c0e is ISSUED: a credit or debit note corrects it"}""",
                Map.of());
        mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf()).param("reason", "Wrong terms")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The statement was not discarded."),
                        containsString("is ISSUED: a credit or debit note corrects it"),
                        not(containsString("action=\"/statements/" + DRAFT + "/discard\"")))));
    }

    @Test
    void rolesThatMayNotDiscardAreRefusedBeforeAnythingIsSent() throws Exception {
        for (var user : List.of(TestUsers.partner("partner-admin"), TestUsers.staff("auditor", "auditor"),
                TestUsers.staff("platform-admin", "platform-admin"), TestUsers.staff("ops", "ops"))) {
            mvc.perform(post("/statements/" + DRAFT + "/discard").with(csrf()).param("reason", "r").with(user))
                    .andExpect(status().isForbidden());
        }
        assertThat(STUB.requests()).isEmpty();
    }
}
