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
                        containsString("<dt>Offen: von uns an den Partner zu zahlen</dt>"),
                        containsString("An den Partner zu zahlen"))));
    }

    @Test
    void theStatementNamesTheAgreementVersionsItWasComputedWithInTheUsersLanguage() throws Exception {
        answersAnIssuedStatement(",\"agreements\":[{\"agreementId\":\"agr-7\",\"version\":1},"
                + "{\"agreementId\":\"agr-9\",\"version\":2}]");

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Agreements</dt>"),
                        containsString("<span>agr-7 (version 1)</span>, <span>agr-9 (version 2)</span>"))));
        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Vereinbarungen</dt>"),
                        containsString("<span>agr-7 (Version 1)</span>, <span>agr-9 (Version 2)</span>"))));
    }

    @Test
    void aStatementNamingNoAgreementVersionShowsNone() throws Exception {
        answersAnIssuedStatement("");

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("agreement-versions"))));
    }

    /**
     * The review's statement: receivable (total −4.80), the partner paid 4.80 in three payments, a credit note of
     * 2.38 turned it, we refunded 2.00: settlement nets "paid 2.80" and says 0.38 remains for us to pay.
     */
    static void answersACreditBalanceAfterARefund() {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","partnerId":"%s","state":"ISSUED","direction":"RECEIVABLE","currency":"EUR",
                 "netAmount":-4.03,"taxAmount":-0.77,"totalAmount":-4.80,"paidAmount":2.80,"notesAmount":2.38,
                 "remainingAmount":0.38,"remainingDirection":"PAYABLE","documentNumber":"ACD-2026-000016",
                 "issuedAt":"2026-12-06T21:09:47.218530Z","lines":[]}""".formatted(ISSUED, PARTNER_A));
        StringBuilder payments = new StringBuilder("[");
        String[][] made = {{"RECEIVABLE", "1.00", "3.80"}, {"RECEIVABLE", "1.00", "2.80"},
                {"RECEIVABLE", "2.80", "0.00"}, {"PAYABLE", "2.00", "0.38"}};
        for (int i = 0; i < made.length; i++) {
            payments.append(i == 0 ? "" : ",").append("""
                    {"id":"8a0e0000-0000-4000-8000-00000000000%d","direction":"%s","amount":%s,"currency":"EUR",
                     "paidOn":"2026-12-06","reference":"S65-P%d","remainingAmount":%s,
                     "recordedAt":"2026-12-06T21:10:23Z"}""".formatted(i, made[i][0], made[i][1], i, made[i][2]));
        }
        STUB.answerJson("GET", STATEMENT_PATH + "/payments", payments.append("]").toString());
    }

    @Test
    void aCreditBalanceSaysWeOweThePartnerAndShowsPaymentsEachWayApart() throws Exception {
        answersACreditBalanceAfterARefund();

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<dt>Remaining: we owe the partner</dt>"),
                        containsString("<strong data-testid=\"remaining\">0.38 EUR</strong>"),
                        containsString("<dt>Paid by the partner to us</dt>"),
                        containsString("<dd data-testid=\"paid-by-partner\">4.80 EUR</dd>"),
                        containsString("<dt>Paid by us to the partner</dt>"),
                        containsString("<dd data-testid=\"paid-by-us\">2.00 EUR</dd>"),
                        not(containsString("Remaining to pay")), not(containsString("the partner owes us")),
                        not(containsString("<dt>Paid</dt>")))));

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<dt>Offen: von uns an den Partner zu zahlen</dt>"),
                        containsString("<dt>Vom Partner an uns gezahlt</dt>"), containsString("4,80 EUR"),
                        containsString("<dt>Von uns an den Partner gezahlt</dt>"), containsString("2,00 EUR"),
                        not(containsString("Noch zu zahlen")))));
    }

    @Test
    void whatThePartnerStillOwesIsWordedSo() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH + "/payments", """
                [{"id":"%s","direction":"RECEIVABLE","amount":1.00,"currency":"EUR","paidOn":"2026-12-03",
                  "reference":"S65-IN","remainingAmount":2.00,"recordedAt":"2026-12-03T08:15:30Z"}]"""
                .formatted(PAYMENT));
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"RECEIVABLE","currency":"EUR","totalAmount":-3.00,
                 "paidAmount":1.00,"remainingAmount":2.00,"remainingDirection":"RECEIVABLE",
                 "documentNumber":"ST-2026-000052","lines":[]}""".formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Remaining: the partner owes us</dt>"),
                        containsString("<dd data-testid=\"paid-by-partner\">1.00 EUR</dd>"),
                        not(containsString("paid-by-us")))));
    }

    @Test
    void aConvertedLineShowsItsSourceAmountAndRateInTheUsersNumbers() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR","totalAmount":51752.56,
                 "paidAmount":0,"documentNumber":"ST-2026-000053",
                 "lines":[{"type":"USAGE_REVENUE_SHARE","label":"Revenue share: Gold feed × DATA","rounded":51752.56,
                           "usageType":"DATA","fxRate":2500.123456,"sourceAmount":20.70,"sourceCurrency":"XAU"},
                          {"type":"WHOLESALE","label":"Wholesale, SMS","rounded":-5.35,"fxRate":null,
                           "sourceAmount":null,"sourceCurrency":null}]}""".formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("51,752.56 EUR"),
                        containsString("data-testid=\"fx\">20.70 XAU × 2,500.123456 (converted)</span>"))))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .containsOnlyOnce("data-testid=\"fx\""));
        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("data-testid=\"fx\">20,70 XAU × 2.500,123456 (umgerechnet)</span>")));
    }

    /** A wholesale line of 1274.5 MB from 2 records at one price, a converted one without a price, a recurring one. */
    static void answersUsageLines() {
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"RECEIVABLE","currency":"EUR","totalAmount":-2.00,
                 "paidAmount":0,"documentNumber":"ST-2026-000078",
                 "lines":[{"type":"WHOLESALE","label":"Wholesale: Data × DATA","rounded":-1.00,"usageType":"DATA",
                           "quantity":1274.500000,"unit":"MB","recordCount":2,"unitPrice":0.00078125},
                          {"type":"USAGE_REVENUE_SHARE","label":"Revenue share: Gold feed × SMS","rounded":0.50,
                           "usageType":"SMS","quantity":12,"unit":"MESSAGE","recordCount":1,"unitPrice":null,
                           "fxRate":2500.123456,"sourceAmount":0.0002,"sourceCurrency":"XAU"},
                          {"type":"RECURRING","label":"Monthly fee","rounded":-1.50,"quantity":1,
                           "unit":null,"recordCount":null,"unitPrice":null}]}""".formatted(ISSUED));
    }

    @Test
    void aUsageLineSaysItsQuantityInItsUnitItsRecordsAndThePriceTheyWereChargedAt() throws Exception {
        answersAnIssuedStatement("");
        answersUsageLines();

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<th scope=\"col\" class=\"num\">Quantity</th>"),
                        containsString("<td class=\"num\" data-testid=\"quantity\">1,274.5 MB</td>"),
                        containsString("data-testid=\"usage\">Usage: 2 rated records, 1,274.5 MB charged at "
                                + "0.00078125 EUR per MB</span>"),
                        containsString("<td class=\"num\" data-testid=\"quantity\">12 messages</td>"),
                        // no one price: no "charged at"; converted: the price would be in the usage currency
                        containsString("data-testid=\"usage\">Usage: 1 rated record, 12 messages</span>"),
                        // a recurring line counts no usage: no unit, no usage line, its quantity not shown
                        containsString("<td class=\"num\" data-testid=\"quantity\"></td>"))))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .containsOnlyOnce("Monthly fee").contains("data-testid=\"usage\"")
                        .satisfies(page -> assertThat(page.split("data-testid=\"usage\"", -1)).hasSize(3)));

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<td class=\"num\" data-testid=\"quantity\">1.274,5 MB</td>"),
                        containsString("data-testid=\"usage\">Nutzung: 2 bewertete Datensätze, 1.274,5 MB "
                                + "berechnet zu 0,00078125 EUR je MB</span>"),
                        containsString("data-testid=\"usage\">Nutzung: 1 bewerteter Datensatz, 12 Nachrichten</span>"))));
    }

    @Test
    void aConvertedLinesUnitPriceIsInItsUsageCurrencyAndALineWithoutFiguresSaysNothing() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR","totalAmount":51752.56,
                 "paidAmount":0,"documentNumber":"ST-2026-000079",
                 "lines":[{"type":"WHOLESALE","label":"Wholesale: Gold feed × API","rounded":51752.56,
                           "quantity":2070,"unit":"API_CALL","recordCount":-1,"unitPrice":0.01,
                           "fxRate":2500.123456,"sourceAmount":20.70,"sourceCurrency":"XAU"},
                          {"type":"USAGE_REVENUE_SHARE","label":"Revenue share: Old × VOICE","rounded":0.00,
                           "quantity":3.5,"unit":null,"recordCount":null,"unitPrice":null}]}""".formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"usage\">Usage: -1 rated records, "
                        + "2,070 API calls charged at 0.01 XAU per API call</span>")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .containsOnlyOnce("data-testid=\"usage\"").doesNotContain("3.5"));
    }

    @Test
    void inGermanALineIsNamedByItsOfferingAndUsageTypeWithSettlementsEnglishLabelBelow() throws Exception {
        String offering = "96c7cd26-de09-41f1-abc8-f845b61b6a09";
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR","totalAmount":4.85,
                 "paidAmount":0,"documentNumber":"ST-2026-000054",
                 "lines":[{"type":"USAGE_REVENUE_SHARE","label":"Revenue share: Voice Data × VOICE","rounded":1.77,
                           "offeringId":"%s","usageType":"VOICE"},
                          {"type":"VOLUME_TIER_BONUS","label":"Volume-tier bonus (rule any × any, base 70 %%)",
                           "rounded":3.08,"offeringId":null,"usageType":null}]}""".formatted(ISSUED, offering));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + offering, """
                {"id":"%s","name":"Sprach-Daten"}""".formatted(offering));

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span>Sprach-Daten · Sprache</span>"),
                        containsString("lang=\"en\">Revenue share: Voice Data × VOICE</span>"),
                        containsString("<span>Mengenstaffel-Bonus</span>"),
                        containsString("lang=\"en\">Volume-tier bonus (rule any × any, base 70 %)</span>"))));

        // in English settlement's label is the line's name: no look-up of offerings
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span>Revenue share: Voice Data × VOICE</span>"),
                        not(containsString("lang=\"en\">Revenue share")))));
        assertThat(STUB.requestsTo("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + offering))
                .hasSize(1);
    }

    @Test
    void timesNameTheirZone() throws Exception {
        answersAnIssuedStatement("");

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dd>01.12.2026, 10:00 UTC</dd>"),
                        containsString("<td>03.12.2026, 08:15 UTC</td>"),
                        containsString("<td>04.12.2026, 09:00 UTC</td>"),
                        containsString("01.11.2026, 00:00 bis 01.12.2026, 00:00 (UTC)"))));
    }

    @Test
    void anIssuedStatementShowsWhenItIsDueFromItsCustomerBillOrItsOwnDueDate() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", "/tmf-api/customerBillManagement/v4/customerBill/" + ISSUED, """
                {"id":"%s","billNo":"ST-2026-000042","paymentDueDate":"2026-12-31T00:00:00Z"}""".formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Due on</dt>"),
                        containsString("<dd data-testid=\"due-date\"><time datetime=\"2026-12-31\">2026-12-31</time></dd>"))));
        assertThat(STUB.requestsTo("GET", "/tmf-api/customerBillManagement/v4/customerBill/" + ISSUED)).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer partner-token"));

        // settlement's own due date, when the statement has one, without asking TMF678
        STUB.reset();
        answersAnIssuedStatement(", \"dueDate\": \"2027-01-15\"");
        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Fällig am</dt>"),
                        containsString("<dd data-testid=\"due-date\"><time datetime=\"2027-01-15\">15.01.2027</time></dd>"))));
        assertThat(STUB.requestsTo("GET", "/tmf-api/customerBillManagement/v4/customerBill/" + ISSUED)).isEmpty();
    }

    @Test
    void withoutADueDateAnywhereOrBeforeIssueTheStatementIsShownWithoutOne() throws Exception {
        answersAnIssuedStatement("");

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ST-2026-000042"), not(containsString("Due on")))));

        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"DRAFT","direction":"PAYABLE","currency":"EUR","totalAmount":1.00,"lines":[]}"""
                .formatted(ISSUED));
        STUB.answerJson("GET", "/tmf-api/customerBillManagement/v4/customerBill/" + ISSUED, """
                {"id":"%s","paymentDueDate":"2026-12-31T00:00:00Z"}""".formatted(ISSUED));
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Due on"))));
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

    /** A DRAFT statement whose approval waits for the partner's tax id, with a warning the portal does not know. */
    private static void answersADraftWithWarnings() {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","partnerId":"%s","periodId":"%s","state":"DRAFT","direction":"PAYABLE","currency":"EUR",
                 "netAmount":15.35,"taxAmount":2.92,"totalAmount":18.27,"paidAmount":0,
                 "documentType":"REVENUE_SHARE_STATEMENT",
                 "warnings":[{"code":"PARTNER_TAX_ID_MISSING","message":"self-billed: set the tax id of %2$s"},
                             {"code":"FX_RATE_STALE","message":"the EUR/USD rate is older than a week"}],
                 "lines":[{"type":"REVENUE_SHARE","label":"Video streaming, minutes","rounded":10.00}]}"""
                .formatted(ISSUED, PARTNER_A, PERIOD));
    }

    @Test
    void financeSeesWhatKeepsADraftFromApprovalAndWhoSetsTheMissingTaxId() throws Exception {
        answersADraftWithWarnings();

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"statement-warnings\""),
                        containsString("This statement cannot go on until this is fixed:"),
                        containsString("The partner&#39;s tax id (VAT number) is not known. This statement is"
                                + " self-billed in the partner&#39;s name"),
                        containsString("A partner manager or platform admin sets it on the partner&#39;s page."),
                        containsString("href=\"/partners/" + PARTNER_A + "#tax-id\">Open the partner&#39;s page</a>"),
                        not(containsString("Set the partner&#39;s tax id on its page.")),
                        containsString("<code>FX_RATE_STALE</code>"),
                        containsString("<span lang=\"en\">the EUR/USD rate is older than a week</span>"),
                        not(containsString(">PARTNER_TAX_ID_MISSING<")))));
    }

    @Test
    void aPartnerManagerIsLedToThePartnersTaxIdAndAnAuditorIsToldWhoSetsIt() throws Exception {
        answersADraftWithWarnings();

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/partners/" + PARTNER_A
                                + "#tax-id\">Set the partner&#39;s tax id on its page.</a>"),
                        not(containsString("A partner manager or platform admin sets it")))));
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("A partner manager or platform admin sets it on the partner&#39;s page."),
                        not(containsString("#tax-id")))));
    }

    @Test
    void warningsAreInGermanAndAPartnerGetsNoServiceMessageNorLink() throws Exception {
        answersADraftWithWarnings();

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Diese Abrechnung kann erst weiter, wenn dies behoben ist:"),
                        containsString("Die Steuernummer (USt-IdNr.) des Partners ist nicht bekannt."),
                        containsString(">Steuernummer des Partners auf seiner Seite hinterlegen.</a>"))));
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The partner&#39;s tax id (VAT number) is not known."),
                        containsString("Your partner manager sets it."), containsString("<code>FX_RATE_STALE</code>"),
                        not(containsString("older than a week")), not(containsString("#tax-id")))));
    }

    @Test
    void aStatementWithoutWarningsShowsNone() throws Exception {
        answersAnIssuedStatement(",\"warnings\":[]");

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Statement ST-2026-000042</h1>"),
                        not(containsString("statement-warnings")), not(containsString("cannot go on")))));
    }

    /** A revenue-share line says the share its records were computed with, in the user's numbers; others nothing. */
    @Test
    void aRevenueShareLineShowsItsShareRateInTheUsersNumbers() throws Exception {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR","totalAmount":15.35,
                 "documentNumber":"ST-2026-000042",
                 "lines":[{"type":"USAGE_REVENUE_SHARE","label":"Revenue share: Gold feed × SMS","rounded":10.00,
                           "shareRate":30.000000},
                          {"type":"USAGE_REVENUE_SHARE","label":"Revenue share: Gold feed × DATA","rounded":5.35,
                           "shareRate":12.5},
                          {"type":"WHOLESALE","label":"Wholesale, SMS","rounded":0.00,"shareRate":null}]}"""
                .formatted(ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\" class=\"num\">Share</th>"),
                        containsString("<td class=\"num\" data-testid=\"share-rate\">30 %</td>"),
                        containsString("<td class=\"num\" data-testid=\"share-rate\">12.5 %</td>"),
                        containsString("<td class=\"num\" data-testid=\"share-rate\"></td>"))));
        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\" class=\"num\">Anteil</th>"),
                        containsString("<td class=\"num\" data-testid=\"share-rate\">30 %</td>"),
                        containsString("<td class=\"num\" data-testid=\"share-rate\">12,5 %</td>"))));
    }

    /** Settlement's CSV of the lines is passed on as it comes, with the user's token: the portal writes none. */
    @Test
    void theLinesAreDownloadedAsSettlementsCsvWithTheUsersToken() throws Exception {
        byte[] csv = ("statementId,documentNumber,lineNumber,lineId,type,description,exactAmount,amount,currency\r\n"
                + ISSUED + ",ST-2026-000042,1," + ISSUED + "-1,REVENUE_SHARE,Video-Streaming für Ä,10.004999,10.00,EUR"
                + "\r\n").getBytes(StandardCharsets.UTF_8);
        STUB.answer("GET", STATEMENT_PATH + "/lines", new StubGateway.Answer(200, "text/csv;charset=UTF-8", csv,
                Map.of("Content-Disposition", "attachment; filename=\"ST-2026-000042-lines.csv\"")));

        download(get("/statements/" + ISSUED + "/lines.csv").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ST-2026-000042-lines.csv\""))
                .andExpect(content().bytes(csv));
        StubGateway.Request call = STUB.requests().getFirst();
        assertThat(call.authorization()).isEqualTo("Bearer partner-token");
        assertThat(call.accept()).isEqualTo("text/csv");

        answersAnIssuedStatement("");
        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(content().string(allOf(containsString("<a href=\"/statements/" + ISSUED + "/lines.csv\""),
                        containsString("data-testid=\"lines-csv\">Positionen herunterladen (CSV)</a>"))));
    }

    @Test
    void anotherPartnersLinesAreNotFoundAndAMalformedIdIsABadRequestWithoutAnyCall() throws Exception {
        mvc.perform(get("/statements/" + ISSUED + "/lines.csv").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound());
        STUB.reset();
        mvc.perform(get("/statements/not-a-uuid/lines.csv").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requests()).isEmpty();
    }

    static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement";
    static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";

    /** An issued statement of 15.35 EUR issued {@code daysAgo} days ago: a line of 10.00, one of −5.35, one of 0. */
    static void answersADisputableStatement(int daysAgo, int windowDays) {
        answersAnIssuedStatement("");
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","partnerId":"%s","state":"ISSUED","direction":"PAYABLE","currency":"EUR",
                 "totalAmount":15.35,"documentNumber":"ST-2026-000042","issuedAt":"%s",
                 "lines":[{"id":"%s-1","type":"REVENUE_SHARE","label":"Video streaming, minutes","rounded":10.00},
                          {"id":"%s-2","type":"WHOLESALE","label":"Wholesale, SMS","rounded":-5.35},
                          {"id":"%s-3","type":"WHOLESALE","label":"Wholesale, MMS","rounded":0.00}]}"""
                .formatted(ISSUED, PARTNER_A, java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo)),
                        ISSUED, ISSUED, ISSUED));
        STUB.answerJson("GET", AGREEMENTS, """
                [{"id":"a1","status":"ACTIVE","terms":{"disputeWindowDays":90}},
                 {"id":"a2","status":"ACTIVE","terms":{"disputeWindowDays":%d}}]""".formatted(windowDays));
        STUB.answerJson("GET", TICKETS, "[]");
    }

    @Test
    void aPartnerDisputesTheStatementAndEachLineWithAnAmountThroughTheDisputeForm() throws Exception {
        answersADisputableStatement(5, 30);

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/disputes/new?statementId=" + ISSUED + "\">Dispute the statement</a>"),
                        containsString("href=\"/disputes/new?statementId=" + ISSUED + "&amp;lineId=" + ISSUED
                                + "-1&amp;amount=10\""),
                        containsString("aria-label=\"Dispute line 1\">Dispute</a>"),
                        // a line we are owed is disputed for its amount too
                        containsString("lineId=" + ISSUED + "-2&amp;amount=5.35\""),
                        not(containsString("lineId=" + ISSUED + "-3")))));
        assertThat(STUB.requestsTo("GET", TICKETS)).singleElement().satisfies(call -> {
            assertThat(call.query()).isEqualTo("statementId=" + ISSUED + "&status=open&status=inReview"
                    + "&status=resolutionProposed&status=escalated&status=pendingInformation&offset=0&limit=100");
            assertThat(call.authorization()).isEqualTo("Bearer partner-token");
        });

        mvc.perform(get("/statements/" + ISSUED).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString(">Abrechnung reklamieren</a>"),
                        containsString("aria-label=\"Position 1 reklamieren\">Reklamieren</a>"))));
    }

    @Test
    void aLineAPendingInformationDisputeHoldsIsNotOfferedAgain() throws Exception {
        // the service counts pendingInformation as open: a second dispute on the line would be a 409
        answersADisputableStatement(5, 30);
        STUB.answerJson("GET", TICKETS, """
                [{"id":"d1","status":"pendingInformation","relatedEntity":[{"id":"%s","role":"Statement"},
                                                                 {"id":"%s-2","role":"StatementLine"}]}]"""
                .formatted(ISSUED, ISSUED));
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lineId=" + ISSUED + "-1&amp;amount=10\""),
                        not(containsString("lineId=" + ISSUED + "-2&")))));
        assertThat(STUB.requestsTo("GET", TICKETS)).singleElement()
                .satisfies(call -> assertThat(call.query()).contains("&status=pendingInformation&"));
    }

    @Test
    void aLineAnOpenDisputeHoldsIsNotOfferedAgain() throws Exception {
        answersADisputableStatement(5, 30);
        STUB.answerJson("GET", TICKETS, """
                [{"id":"d1","status":"inReview","relatedEntity":[{"id":"%s","role":"Statement"},
                                                                 {"id":"%s-1","role":"StatementLine"}]}]"""
                .formatted(ISSUED, ISSUED));

        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Dispute the statement</a>"),
                        not(containsString("lineId=" + ISSUED + "-1&")),
                        containsString("lineId=" + ISSUED + "-2&amp;amount=5.35\""))));
    }

    @Test
    void noDisputeIsOfferedOnceTheAgreementsWindowClosedNorToStaffNorOnADraft() throws Exception {
        // the newest agreement in force says 30 days (an older one 90): issued 31 days ago is too late
        answersADisputableStatement(31, 30);
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Video streaming, minutes"),
                        not(containsString("/disputes/new")))));
        assertThat(STUB.requestsTo("GET", AGREEMENTS)).singleElement()
                .satisfies(call -> assertThat(call.query()).isEqualTo("status=ACTIVE&offset=0&limit=100"));

        // an agreement naming no window: no window applies here (the service decides and its refusal is shown on
        // the form); a fixed 60 days used to hide the links
        answersADisputableStatement(61, 30);
        STUB.answerJson("GET", AGREEMENTS, "[{\"id\":\"a1\",\"status\":\"ACTIVE\",\"terms\":{}}]");
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString(">Dispute the statement</a>"),
                        containsString("lineId=" + ISSUED + "-1&amp;amount=10\""))));
        answersADisputableStatement(400, 30);
        STUB.answerJson("GET", AGREEMENTS, "[]");
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString(">Dispute the statement</a>")));

        // only a partner opens a dispute: finance, partner managers and platform admins see no link
        answersADisputableStatement(5, 30);
        for (var staff : java.util.List.of(TestUsers.staff("finance", "finance"),
                TestUsers.staff("partner-manager", "partner-manager"),
                TestUsers.staff("platform-admin", "platform-admin"))) {
            mvc.perform(get("/statements/" + ISSUED).with(staff))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/disputes/new"))));
        }

        // the dispute service knows issued statements only
        STUB.answerJson("GET", STATEMENT_PATH, """
                {"id":"%s","state":"APPROVED","direction":"PAYABLE","currency":"EUR","totalAmount":10.00,
                 "lines":[{"type":"REVENUE_SHARE","label":"Video streaming, minutes","rounded":10.00}]}"""
                .formatted(ISSUED));
        mvc.perform(get("/statements/" + ISSUED).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/disputes/new"))));
    }
}
