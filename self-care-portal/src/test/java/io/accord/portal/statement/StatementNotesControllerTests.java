package io.accord.portal.statement;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static io.accord.portal.statement.StatementControllerTests.DRAFT_NOTE;
import static io.accord.portal.statement.StatementControllerTests.ISSUED;
import static io.accord.portal.statement.StatementControllerTests.NOTE;
import static io.accord.portal.statement.StatementControllerTests.STATEMENT_PATH;
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

/**
 * Finance drafts a credit or debit note on an issued statement, approves it (four eyes) and issues it from the
 * statement's page; settlement's refusals are shown there as messages, never as an error page.
 */
class StatementNotesControllerTests extends PortalTestSupport {

    private static final String NOTES = STATEMENT_PATH + "/notes";
    private static final String APPROVED_NOTE = "7c0e0000-0000-4000-8000-0000000000c3";

    StatementNotesControllerTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void financeDraftsACreditNoteAndTheStatementSaysSo() throws Exception {
        STUB.answerJson("POST", NOTES, 201, """
                {"id":"7c0e0000-0000-4000-8000-0000000000c9","type":"CREDIT_NOTE","state":"DRAFT","currency":"EUR",
                 "netAmount":5.19,"totalAmount":6.18}""", Map.of("Location", "/api/settlement/notes/7c0e"));

        MvcResult drafted = mvc.perform(post("/statements/" + ISSUED + "/notes").with(csrf())
                        .param("type", "CREDIT_NOTE").param("currency", "EUR")
                        .param("reason", " Dispute dsp-7: minutes missing, March ")
                        .param("lines[0].label", "Missing video minutes, revenue share").param("lines[0].amount", "4")
                        .param("lines[0].statementLineNumber", "1")
                        .param("lines[1].label", "").param("lines[1].amount", "").param("lines[1].statementLineNumber", "")
                        .param("lines[2].label", "Goodwill").param("lines[2].amount", "1.19")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED))
                .andReturn();

        // the empty row is left out; a label with a comma stays one label
        assertThat(STUB.requestsTo("POST", NOTES)).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"type\":\"CREDIT_NOTE\",\"reason\":\"Dispute dsp-7: minutes missing,"
                    + " March\",\"lines\":[{\"label\":\"Missing video minutes, revenue share\",\"amount\":\"4\","
                    + "\"statementLineNumber\":1},{\"label\":\"Goodwill\",\"amount\":\"1.19\"}]}");
            assertThat(call.authorization()).isEqualTo("Bearer finance-token");
        });

        answersAnIssuedStatement("");
        mvc.perform(get("/statements/" + ISSUED).flashAttrs(drafted.getFlashMap())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"status\" data-testid=\"statement-notice\">"
                        + "Credit note of 6.18 EUR drafted. A second finance user approves it")));
    }

    @Test
    void financeIsOfferedTheNoteFormAndTheStepsOfEachNoteOthersNot() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", "/api/settlement/notes", 200, """
                [{"id":"%s","type":"CREDIT_NOTE","state":"ISSUED","currency":"EUR","totalAmount":2.38,
                  "documentNumber":"CN-2026-000003","issuedAt":"2026-12-04T09:00:00Z","preparedBy":"finance",
                  "approvedBy":"finance-b"},
                 {"id":"%s","type":"DEBIT_NOTE","state":"DRAFT","currency":"EUR","totalAmount":1.19,"preparedBy":"finance"},
                 {"id":"%s","type":"CREDIT_NOTE","state":"APPROVED","currency":"EUR","totalAmount":3.00,
                  "preparedBy":"finance","approvedBy":"finance-b"}]""".formatted(NOTE, DRAFT_NOTE, APPROVED_NOTE),
                Map.of("X-Total-Count", "3"));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance-b", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("action=\"/statements/" + ISSUED + "/notes\""),
                        containsString("Draft a credit or debit note"), containsString("name=\"lines[2].amount\""),
                        containsString("<option value=\"2\">2: Wholesale, SMS (5.35 EUR)</option>"),
                        containsString("action=\"/statements/" + ISSUED + "/notes/" + DRAFT_NOTE + "/approval\""),
                        containsString("action=\"/statements/" + ISSUED + "/notes/" + APPROVED_NOTE + "/issue\""),
                        not(containsString("/notes/" + NOTE + "/approval")), not(containsString("/notes/" + NOTE + "/issue")),
                        not(containsString("/notes/" + DRAFT_NOTE + "/issue")),
                        containsString("Prepared by finance"), containsString("Approved by finance-b"),
                        containsString("data-confirm=\"Issue note 7c0e0000? An issued note cannot be changed"),
                        // the CSRF token goes with each form
                        containsString("name=\"_csrf\""))));
        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance-b", "finance")))
                .andExpect(content().string(allOf(containsString("Gutschrift oder Belastungsanzeige erstellen"),
                        containsString("Beleg erstellen"), containsString(">Freigeben</button>"))));
        for (var user : List.of(TestUsers.partner("partner-admin"), TestUsers.staff("auditor", "auditor"),
                TestUsers.staff("platform-admin", "platform-admin"))) {
            mvc.perform(get("/statements/" + ISSUED).with(user))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("/notes\"")),
                            not(containsString("/approval\"")), not(containsString("Draft a credit or debit note")))));
        }
    }

    @Test
    void aNoteBeyondWhatTheStatementMayStillBeCorrectedByIsShownWithSettlementsReasonAtItsLine() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("POST", NOTES, 422, """
                {"type":"https://accord.dev/problems/note-exceeds-statement","title":"Unprocessable Content",
                 "status":422,"detail":"lines[0].amount: a credit of 40.00 EUR on line 1 of statement ST-2026-000042 exceeds what may still be credited on it: 7.62 EUR remains",
                 "field":"lines[0].amount","statementLineNumber":1,"remainingAmount":"7.62"}""", Map.of());

        mvc.perform(post("/statements/" + ISSUED + "/notes").with(csrf()).param("type", "CREDIT_NOTE")
                        .param("currency", "EUR").param("reason", "Too much")
                        .param("lines[1].label", "Minutes").param("lines[1].amount", "40.00")
                        .param("lines[1].statementLineNumber", "1")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"note-problem\" class=\"alert\" role=\"alert\""),
                        containsString("The note was not drafted."),
                        containsString("exceeds what may still be credited on it: 7.62 EUR remains"),
                        // settlement's first line sent is the form's second row: marked there
                        containsString("<span id=\"note-line-1-amount-error\" class=\"field-error\">More than the "
                                + "statement may still be corrected by (see above).</span>"),
                        containsString("value=\"40.00\""), containsString(">Too much</textarea>"),
                        containsString("<option value=\"1\" selected=\"selected\">"))));
    }

    @Test
    void theFormsOwnCheckSendsNothingAndReadsGermanAmounts() throws Exception {
        answersAnIssuedStatement("");
        mvc.perform(post("/statements/" + ISSUED + "/notes").with(csrf()).param("type", "GIFT")
                        .param("currency", "EUR").param("reason", " ")
                        .param("lines[0].label", "Minutes").param("lines[0].amount", "1.234,567")
                        .param("lines[2].amount", "2").header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Der Beleg wurde nicht erstellt."),
                        containsString("Bitte korrigieren Sie die 4 markierten Felder."),
                        containsString("Wählen Sie Gutschrift oder Belastungsanzeige."),
                        containsString("id=\"note-line-0-amount-error\""),
                        containsString("id=\"note-line-2-label-error\""))));
        assertThat(STUB.requestsTo("POST", NOTES)).isEmpty();

        STUB.answerJson("POST", NOTES, 201, "{\"id\":\"7c0e\",\"type\":\"DEBIT_NOTE\",\"totalAmount\":1234.5,"
                + "\"currency\":\"EUR\"}", Map.of());
        mvc.perform(post("/statements/" + ISSUED + "/notes").with(csrf()).param("type", "DEBIT_NOTE")
                        .param("currency", "EUR").param("reason", "Nachberechnung")
                        .param("lines[0].label", "SMS").param("lines[0].amount", "1.234,50")
                        .header("Accept-Language", "de").with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED));
        assertThat(STUB.requestsTo("POST", NOTES)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"amount\":\"1234.50\""));
    }

    @Test
    void theDrafterIsRefusedByFourEyesAndSeesWhyOnTheStatement() throws Exception {
        STUB.answerJson("POST", "/api/settlement/notes/" + DRAFT_NOTE + "/approval", 409, """
                {"type":"https://accord.dev/problems/four-eyes","status":409,
                 "detail":"four-eyes: finance prepared this note"}""", Map.of());

        MvcResult refused = mvc.perform(post("/statements/" + ISSUED + "/notes/" + DRAFT_NOTE + "/approval")
                        .with(csrf()).with(TestUsers.staff("finance", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED)).andReturn();

        answersAnIssuedStatement("");
        mvc.perform(get("/statements/" + ISSUED).flashAttrs(refused.getFlashMap())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"statement-refusal\""),
                        containsString("The note was not approved. A note is approved by a second finance user"),
                        containsString("four-eyes: finance prepared this note"))));
    }

    @Test
    void aSecondFinanceUserApprovesAndIssuesAndSettlementsForbiddenIsAMessage() throws Exception {
        STUB.answerJson("POST", "/api/settlement/notes/" + DRAFT_NOTE + "/approval",
                "{\"id\":\"%s\",\"state\":\"APPROVED\"}".formatted(DRAFT_NOTE));
        MvcResult approved = mvc.perform(post("/statements/" + ISSUED + "/notes/" + DRAFT_NOTE + "/approval")
                        .with(csrf()).with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED)).andReturn();
        assertThat(approved.getFlashMap().get("statementNotice")).isEqualTo("Note 7c0e0000 approved.");
        assertThat(STUB.requestsTo("POST", "/api/settlement/notes/" + DRAFT_NOTE + "/approval")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer finance-token"));

        STUB.answerJson("POST", "/api/settlement/notes/" + APPROVED_NOTE + "/issue",
                "{\"id\":\"%s\",\"state\":\"ISSUED\",\"documentNumber\":\"ACD-2026-000043\"}".formatted(APPROVED_NOTE));
        MvcResult issued = mvc.perform(post("/statements/" + ISSUED + "/notes/" + APPROVED_NOTE + "/issue")
                        .with(csrf()).header("Accept-Language", "de").with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED)).andReturn();
        assertThat(issued.getFlashMap().get("statementNotice")).isEqualTo("Beleg ACD-2026-000043 ausgestellt.");

        STUB.answerJson("POST", "/api/settlement/notes/" + APPROVED_NOTE + "/issue", 403,
                "{\"type\":\"https://accord.dev/problems/forbidden\",\"status\":403,\"detail\":\"Access denied\"}",
                Map.of());
        MvcResult forbidden = mvc.perform(post("/statements/" + ISSUED + "/notes/" + APPROVED_NOTE + "/issue")
                        .with(csrf()).with(TestUsers.staff("finance-b", "finance")))
                .andExpect(redirectedUrl("/statements/" + ISSUED)).andReturn();
        assertThat((Map<String, Object>) forbidden.getFlashMap()).containsEntry("statementRefusalDetail", "Access denied")
                .containsEntry("statementRefusal", "The note was not issued. Only an approved note is issued.");
    }

    @Test
    void rolesThatMayNotCorrectAreRefusedBeforeAnythingIsSent() throws Exception {
        for (var user : List.of(TestUsers.partner("partner-admin"), TestUsers.staff("auditor", "auditor"),
                TestUsers.staff("platform-admin", "platform-admin"), TestUsers.staff("ops", "ops"))) {
            mvc.perform(post("/statements/" + ISSUED + "/notes").with(csrf()).param("type", "CREDIT_NOTE")
                    .param("reason", "r").param("lines[0].label", "l").param("lines[0].amount", "1").with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/statements/" + ISSUED + "/notes/" + DRAFT_NOTE + "/approval").with(csrf()).with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/statements/" + ISSUED + "/notes/" + DRAFT_NOTE + "/issue").with(csrf()).with(user))
                    .andExpect(status().isForbidden());
        }
        // and without the CSRF token, not even finance
        mvc.perform(post("/statements/" + ISSUED + "/notes/" + DRAFT_NOTE + "/approval")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
