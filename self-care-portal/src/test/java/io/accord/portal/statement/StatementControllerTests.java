package io.accord.portal.statement;

import java.nio.charset.StandardCharsets;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A statement's page: its figures and lines, what was paid and remains, its notes, and who gets the payment form. */
class StatementControllerTests extends PortalTestSupport {

    static final String ISSUED = "5b0d2c0e-0000-4000-8000-0000000000e1";
    static final String PERIOD = "9e7a0000-0000-4000-8000-000000000001";
    static final String NOTE = "7c0e0000-0000-4000-8000-0000000000c1";
    static final String DRAFT_NOTE = "7c0e0000-0000-4000-8000-0000000000c2";
    static final String PAYMENT = "8a0e0000-0000-4000-8000-0000000000b1";
    static final String STATEMENT_PATH = "/api/settlement/statements/" + ISSUED;

    StatementControllerTests(MockMvc mvc) {
        super(mvc);
    }

    /** An issued statement of 18.27 EUR with two lines, 5.00 paid on it, one issued credit note and one draft. */
    static void answersAnIssuedStatement(String extraFields) {
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","partnerId":"%s","periodId":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR",
                 "netAmount":15.35,"taxAmount":2.92,"totalAmount":18.27,"paidAmount":5.00,
                 "documentNumber":"ST-2026-000042","issuedAt":"2026-12-01T10:00:00Z"%s,
                 "lines":[{"type":"REVENUE_SHARE","label":"Video streaming, minutes","rounded":10.00},
                          {"type":"WHOLESALE","label":"Wholesale, SMS","rounded":5.35}]}"""
                .formatted(ISSUED, PARTNER_A, PERIOD, extraFields));
        STUB.answerJson("GET", STATEMENT_PATH + "/payments", """
                [{"id":"%s","statementId":"%s","direction":"PAYABLE","amount":5.00,"currency":"EUR",
                  "paidOn":"2026-12-03","reference":"SEPA-2026-12-03-0007","remainingAmount":13.27,
                  "statementState":"ISSUED","recordedBy":"finance","recordedAt":"2026-12-03T08:15:30Z"}]"""
                .formatted(PAYMENT, ISSUED));
        STUB.answerJson("GET", "/api/settlement/notes", 200, """
                [{"id":"%s","type":"CREDIT_NOTE","statementId":"%s","state":"ISSUED","direction":"PAYABLE",
                  "currency":"EUR","totalAmount":2.38,"documentNumber":"CN-2026-000003",
                  "issuedAt":"2026-12-04T09:00:00Z"},
                 {"id":"%s","type":"DEBIT_NOTE","statementId":"%s","state":"DRAFT","direction":"RECEIVABLE",
                  "currency":"EUR","totalAmount":1.19}]""".formatted(NOTE, ISSUED, DRAFT_NOTE, ISSUED),
                Map.of("X-Total-Count", "2"));
        STUB.answerJson("GET", "/api/settlement/periods/" + PERIOD, """
                {"id":"%s","startAt":"2026-11-01T00:00:00Z","endAt":"2026-12-01T00:00:00Z","state":"CLOSED"}"""
                .formatted(PERIOD));
    }

    @Test
    void aPartnerSeesItsStatementWithLinesPaymentsWhatRemainsAndItsNotes() throws Exception {
        answersAnIssuedStatement("");

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Statement ST-2026-000042</h1>"),
                        containsString("2026-11-01 00:00 to 2026-12-01 00:00 (UTC)"),
                        containsString("15.35 EUR"), containsString("2.92 EUR"), containsString("18.27 EUR"),
                        containsString("2026-12-01 10:00"), containsString("Payable to the partner"),
                        containsString("/statements/" + ISSUED + "/document"),
                        containsString("Video streaming, minutes"), containsString("Wholesale, SMS"),
                        containsString("5.35 EUR"),
                        containsString("SEPA-2026-12-03-0007"), containsString("2026-12-03 08:15"),
                        containsString("<td>Us, to the partner</td>"),
                        containsString("<strong data-testid=\"remaining\">13.27 EUR</strong>"),
                        containsString("CN-2026-000003"), containsString("Credit note"), containsString("2.38 EUR"),
                        containsString("/statements/notes/" + NOTE + "/document"),
                        containsString("Debit note"),
                        not(containsString("/statements/notes/" + DRAFT_NOTE + "/document")),
                        not(containsString("Record a payment")), not(containsString("/payments\"")),
                        not(containsString("<dt>Partner</dt>")),
                        // settlement tells a partner none of our users' names: no empty "Recorded by" column
                        not(containsString("Recorded by")))));

        assertThat(STUB.requestsTo("GET", "/api/settlement/notes")).singleElement().satisfies(call -> {
            assertThat(call.query()).isEqualTo("statementId=" + ISSUED + "&offset=0&limit=100");
            assertThat(call.authorization()).isEqualTo("Bearer partner-token");
        });
        assertThat(STUB.requestsTo("GET", STATEMENT_PATH + "/payments")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer partner-token"));
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).isEmpty();
    }

    @Test
    void financeGetsThePaymentFormOnAnIssuedStatementAndSeesWhosePartnersItIs() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Partner</dt>"),
                        containsString("Streamly GmbH"), containsString("Recorded by"),
                        containsString("<td>finance</td>"),
                        containsString("action=\"/statements/" + ISSUED + "/payments\""),
                        containsString("Record a payment"), containsString("A payment we made to the partner"),
                        containsString("<label for=\"payment-amount\">Amount (EUR)</label>"),
                        containsString("name=\"currency\" value=\"EUR\""),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void nobodyButFinanceGetsThePaymentFormAndFinanceNotOnceThePaymentsAreComplete() throws Exception {
        answersAnIssuedStatement("");
        for (var reader : java.util.List.of(TestUsers.partner("partner-admin"),
                TestUsers.staff("auditor", "auditor"), TestUsers.staff("platform-admin", "platform-admin"))) {
            mvc.perform(get("/statements/" + ISSUED).with(reader))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("SEPA-2026-12-03-0007"),
                            not(containsString("Record a payment")))));
        }

        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","partnerId":"%s","state":"PAID","direction":"PAYABLE","currency":"EUR","totalAmount":18.27,
                 "paidAmount":18.27,"documentNumber":"ST-2026-000042","lines":[]}""".formatted(ISSUED, PARTNER_A));
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Paid<"), not(containsString("Record a payment")))));
    }

    @Test
    void whatRemainsIsTheStatementsOwnWhenSettlementSaysItWithItsNotes() throws Exception {
        answersAnIssuedStatement(", \"notesAmount\": -2.38, \"remainingAmount\": 10.89");

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<strong data-testid=\"remaining\">10.89 EUR</strong>"),
                        containsString("<dt>Credit and debit notes</dt><dd>-2.38 EUR</dd>"))));
    }

    @Test
    void withoutPaymentsAReceivableStatementsWholeTotalRemainsForThePartnerToPay() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH + "/payments", "[]");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"RECEIVABLE","currency":"EUR","totalAmount":-3547.21,
                 "paidAmount":0,"documentNumber":"ST-2026-000050","lines":[]}""".formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No payments recorded yet."),
                        containsString("<strong data-testid=\"remaining\">3,547.21 EUR</strong>"),
                        containsString("Receivable from the partner"),
                        containsString("A payment the partner made to us"),
                        containsString("name=\"direction\" value=\"RECEIVABLE\""))));
    }

    @Test
    void aCreditNoteThatTurnedAPaidReceivableStatementMakesThePaymentOurs() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"RECEIVABLE","currency":"EUR","totalAmount":-30.65,
                 "paidAmount":30.65,"notesAmount":5.00,"remainingAmount":5.00,"remainingDirection":"PAYABLE",
                 "documentNumber":"ST-2026-000051","lines":[]}""".formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("A payment we made to the partner"),
                        containsString("name=\"direction\" value=\"PAYABLE\""),
                        containsString("<strong data-testid=\"remaining\">5.00 EUR</strong>"))));
    }

    @Test
    void theGermanPageSaysItInGerman() throws Exception {
        answersAnIssuedStatement("");

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Abrechnung ST-2026-000042</h1>"),
                        containsString("13,27 EUR"), containsString("Gutschrift"),
                        containsString("<label for=\"payment-amount\">Betrag (EUR)</label>"),
                        containsString("<dt>Noch zu zahlen</dt>"),
                        containsString("An den Partner zu zahlen"))));
    }

    @Test
    void anUnknownOrAnotherPartnersStatementIsNotFound() throws Exception {
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This was not found.")));
        assertThat(STUB.requestsTo("GET", STATEMENT_PATH)).hasSize(1);
    }

    @Test
    void aMalformedIdIsABadRequestWithoutAnyCall() throws Exception {
        mvc.perform(get("/statements/not-a-uuid").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aMissingPeriodLeavesTheStatementShown() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", "/api/settlement/periods/" + PERIOD, 404, "{\"status\":404}", Map.of());

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ST-2026-000042"),
                        not(containsString("<dt>Period</dt>")))));
    }

    @Test
    void aNotesPdfIsDownloadedThroughThePortalWithTheUsersToken() throws Exception {
        byte[] pdf = "%PDF-1.7\nnote\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        STUB.answer("GET", "/api/settlement/notes/" + NOTE + "/document", new StubGateway.Answer(200,
                "application/pdf", pdf, Map.of("Content-Disposition", "attachment; filename=\"CN-2026-000003.pdf\"")));

        download(get("/statements/notes/" + NOTE + "/document").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"CN-2026-000003.pdf\""))
                .andExpect(content().bytes(pdf));
        StubGateway.Request call = STUB.requests().getFirst();
        assertThat(call.authorization()).isEqualTo("Bearer partner-token");
        assertThat(call.accept()).isEqualTo("application/pdf");
    }

    /** Settlement lets partner managers and ops read every partner's statements: so does the portal, without acting. */
    @Test
    void aPartnerManagerAndOpsReadAStatementWithItsPartnerButRecordNoPayment() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));

        for (String role : java.util.List.of("partner-manager", "ops")) {
            mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("<h1>Statement ST-2026-000042</h1>"),
                            containsString("<dt>Partner</dt>"), containsString("Streamly GmbH"),
                            containsString("Video streaming, minutes"), containsString("CN-2026-000003"),
                            containsString("/statements/" + ISSUED + "/document"),
                            not(containsString("Record a payment")), not(containsString("/payments\"")),
                            not(containsString("/approval")), not(containsString("/issue\"")))));
        }
        assertThat(STUB.requestsTo("GET", STATEMENT_PATH)).extracting(StubGateway.Request::authorization)
                .containsExactly("Bearer partner-manager-token", "Bearer ops-token");
    }

    @Test
    void aPartnerManagerDownloadsAnIssuedStatementsPdf() throws Exception {
        byte[] pdf = "%PDF-1.7\nstatement\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        STUB.answer("GET", STATEMENT_PATH + "/document", new StubGateway.Answer(200, "application/pdf", pdf,
                Map.of("Content-Disposition", "attachment; filename=\"ST-2026-000042.pdf\"")));

        download(get("/statements/" + ISSUED + "/document")
                .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        assertThat(STUB.requests().getFirst().authorization()).isEqualTo("Bearer partner-manager-token");
    }
}
