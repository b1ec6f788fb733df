package io.accord.portal.reconciliation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReconciliationControllerTests extends PortalTestSupport {

    ReconciliationControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/api/settlement";
    private static final String INVOICE = "1a000000-0000-4000-8000-000000000001";
    private static final String RECONCILIATION = "2e000000-0000-4000-8000-000000000002";
    private static final String MATCH = "3a000000-0000-4000-8000-000000000003";
    private static final String OFFERING = "4f000000-0000-4000-8000-000000000004";
    private static final String INVOICE_JSON = """
            {"id":"%s","partnerId":"%s","periodId":"9e000000-0000-4000-8000-000000000002",
             "invoiceNumber":"INV-2026-0043","invoiceDate":"2026-12-02","currency":"EUR","totalAmount":1572.75,
             "lineCount":3,"usageFile":{"fileName":"march.csv","rows":5000,"sha256":"ab"},"submittedBy":"pia",
             "submittedAt":"2026-12-02T08:00:00Z","lines":[],
             "latestReconciliation":{"id":"%s","href":"/api/settlement/reconciliations/%s",
                                     "outcomes":{"MATCHED":1,"MISMATCH":1},"discrepancies":true},
             "latestUsageMatch":{"id":"%s","href":"/api/settlement/usage-matches/%s","state":"COMPLETED"}}"""
            .formatted(INVOICE, PARTNER_A, RECONCILIATION, RECONCILIATION, MATCH, MATCH);

    @Test
    void financeSeesPartnerInvoicesWithTheirOutcomes() throws Exception {
        STUB.answerJson("GET", API + "/partner-invoices", 200, "[" + INVOICE_JSON + "]",
                Map.of("X-Total-Count", "1"));

        mvc.perform(get("/reconciliation").param("partnerId", PARTNER_A).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("INV-2026-0043"), containsString("1,572.75 EUR"),
                        containsString("Matched 1"), containsString("Mismatch 1"),
                        containsString("Discrepancies beyond tolerance"), containsString("5,000 records"),
                        containsString("href=\"/reconciliation/" + INVOICE + "\""))));
        var call = STUB.requestsTo("GET", API + "/partner-invoices").getFirst();
        assertThat(call.query()).isEqualTo("partnerId=" + PARTNER_A + "&offset=0&limit=25");
        assertThat(call.authorization()).isEqualTo("Bearer finance-token");
    }

    @Test
    void invoicesNameTheirPartnerWithItsIdBeside() throws Exception {
        STUB.answerJson("GET", API + "/partner-invoices", 200, "[" + INVOICE_JSON + "]",
                Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));
        STUB.answerJson("GET", API + "/partner-invoices/" + INVOICE, """
                {"id":"%s","partnerId":"%s","invoiceNumber":"INV-1","currency":"EUR","totalAmount":1,
                 "latestReconciliation":null,"latestUsageMatch":null}""".formatted(INVOICE, PARTNER_A));
        String named = "<span class=\"partner-name\" title=\"" + PARTNER_A + "\"><span>Streamly GmbH</span>"
                + "<small class=\"muted partner-id\">11111111</small></span>";

        mvc.perform(get("/reconciliation").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(named)));
        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(named)));
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).hasSize(2)
                .allSatisfy(r -> assertThat(r.query()).isEqualTo("fields=id,name,tradingName&limit=1&id=" + PARTNER_A));
    }

    @Test
    void anInvoiceShowsItsLineOutcomesAndItsUsageMatchCountsAndAmounts() throws Exception {
        STUB.answerJson("GET", API + "/partner-invoices/" + INVOICE, INVOICE_JSON);
        STUB.answerJson("GET", API + "/reconciliations/" + RECONCILIATION, """
                {"id":"%s","statementId":"5b0d2c0e-0000-4000-8000-000000000042","documentNumber":"ACD-2026-000042",
                 "keys":["OFFERING","USAGE_TYPE","PERIOD"],"currency":"EUR","absoluteTolerance":5.00,"percentTolerance":0.5,"statementTotal":1560.40,
                 "invoiceTotal":1572.75,"difference":12.35,"discrepancies":true,"reconciledBy":"pia",
                 "reconciledAt":"2026-12-02T08:00:01Z",
                 "lines":[{"lineNo":1,"outcome":"MATCHED","beyondTolerance":false,"offeringId":"%s",
                           "usageType":"VOICE","period":"CURRENT","statementAmount":1250.40,"invoiceAmount":1250.40,
                           "difference":0.00,"tolerance":6.25},
                          {"lineNo":2,"outcome":"MISSING_ON_STATEMENT","beyondTolerance":true,
                           "offeringId":"%s","usageType":"VOICE","period":"PRIOR",
                           "statementAmount":null,"invoiceAmount":12.35,"difference":12.35,"tolerance":5.00}]}"""
                .formatted(RECONCILIATION, OFFERING, OFFERING));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + OFFERING, """
                {"id":"%s","name":"Video Plus"}""".formatted(OFFERING));
        STUB.answerJson("GET", API + "/usage-matches/" + MATCH, """
                {"id":"%s","mode":"USAGE_ID","state":"COMPLETED","requestedBy":"fiona",
                 "requestedAt":"2026-12-02T09:00:00Z",
                 "outcomes":{"MATCHED":{"count":4990,"ourQuantity":120000,"theirQuantity":120000,
                                        "ourAmount":840.000000,"theirAmount":840.000000},
                             "ONLY_THEIRS":{"count":10,"ourQuantity":0,"theirQuantity":600,"ourAmount":0,
                                            "theirAmount":4.200000}}}""".formatted(MATCH));

        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Partner invoice INV-2026-0043"),
                        containsString("Against statement</span>"),
                        containsString("href=\"/statements/5b0d2c0e-0000-4000-8000-000000000042\""
                                + " title=\"5b0d2c0e-0000-4000-8000-000000000042\">ACD-2026-000042</a>"),
                        containsString(", compared by offering, usage type, period."),
                        containsString(">Video Plus</span> · <span>Voice · an earlier period<"),
                        not(containsString("VOICE")), not(containsString("PRIOR")),
                        containsString(">Missing on the statement<"), not(containsString(OFFERING + "<")),
                        containsString("beyond tolerance"), containsString("class=\"beyond\""),
                        containsString("data-testid=\"reconciliation-difference\">12.35 EUR<"),
                        containsString(">Only in the CDR file<"), containsString("4,990"), containsString("120,000"),
                        containsString("4.20"), containsString("By usage id, started by fiona"),
                        containsString("data-testid=\"match-state\">Completed<"), not(containsString("ONLY_THEIRS")))));
        // one look-up of the offering both lines compare
        assertThat(STUB.requestsTo("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + OFFERING))
                .hasSize(1);
        // ops read statements too: the number links to the statement's page for them as well
        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/statements/5b0d2c0e-0000-4000-8000-000000000042\"")));
    }

    private static final String LATER = "1a000000-0000-4000-8000-000000000009";

    /** A reconciliation comparing per side (the default keys): each row says whose supply it is. */
    private static void answersAReconciliationPerSide(String invoiceFields) {
        STUB.answerJson("GET", API + "/partner-invoices/" + INVOICE, """
                {"id":"%s","partnerId":"%s","invoiceNumber":"INV-2026-0043","currency":"EUR","totalAmount":99.47,
                 "submittedBy":"pia","submittedAt":"2026-12-02T08:00:00Z"%s,
                 "latestReconciliation":{"id":"%s","outcomes":{"MATCHED":1,"MISSING_ON_INVOICE":1}},
                 "latestUsageMatch":null}""".formatted(INVOICE, PARTNER_A, invoiceFields, RECONCILIATION));
        STUB.answerJson("GET", API + "/reconciliations/" + RECONCILIATION, """
                {"id":"%s","statementId":"5b0d2c0e-0000-4000-8000-000000000042","documentNumber":"ACD-2026-000016",
                 "keys":["OFFERING","USAGE_TYPE","PERIOD","SIDE"],"currency":"EUR","statementTotal":-42.63,
                 "invoiceTotal":99.47,"difference":142.10,"discrepancies":true,
                 "lines":[{"lineNo":1,"outcome":"MATCHED","offeringId":"%s","usageType":null,"period":"CURRENT",
                           "side":"REVENUE_SHARE","statementAmount":99.47,"invoiceAmount":99.47,"difference":0,
                           "tolerance":0.50,"discrepancyKey":"5b0d2c0e/x/*/CURRENT/REVENUE_SHARE/*"},
                          {"lineNo":2,"outcome":"MISSING_ON_INVOICE","beyondTolerance":true,"offeringId":"%s",
                           "usageType":null,"period":"CURRENT","side":"WHOLESALE","statementAmount":-142.10,
                           "invoiceAmount":null,"difference":142.10,"tolerance":0.71}]}"""
                .formatted(RECONCILIATION, OFFERING, OFFERING));
    }

    @Test
    void eachComparedRowSaysItsSideAndPeriodInWords() throws Exception {
        answersAReconciliationPerSide("");

        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(", compared by offering, usage type, period, side."),
                        containsString("<th scope=\"col\">Side</th>"),
                        containsString("<td>Revenue share (the partner&#39;s supply)</td>"),
                        containsString("<td>Wholesale (Accord&#39;s supply)</td>"),
                        containsString("<span>this period</span>"), not(containsString("CURRENT")),
                        not(containsString("REVENUE_SHARE")), not(containsString("data-testid=\"superseded\"")))));

        mvc.perform(get("/reconciliation/" + INVOICE).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Seite</th>"),
                        containsString("<td>Umsatzanteil (Leistung des Partners)</td>"),
                        containsString("<td>Großhandel (Leistung von Accord)</td>"),
                        containsString("<span>dieser Zeitraum</span>"), containsString("02.12.2026, 08:00 UTC"),
                        not(containsString("CURRENT")))));
    }

    @Test
    void aSupersededInvoiceSaysSoAndLinksTheLaterOne() throws Exception {
        answersAReconciliationPerSide((",\"state\":\"SUPERSEDED\",\"supersededBy\":{\"id\":\"%s\","
                + "\"invoiceNumber\":\"INV-2026-0044\",\"href\":\"/api/settlement/partner-invoices/%s\"}")
                .formatted(LATER, LATER));

        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"superseded\""),
                        containsString("<span class=\"badge\">Superseded</span>"),
                        containsString("the partner&#39;s later invoice of the same period replaced it"),
                        containsString("<a href=\"/reconciliation/" + LATER + "\">INV-2026-0044</a>"))));
        mvc.perform(get("/reconciliation/" + INVOICE).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span class=\"badge\">Ersetzt</span>"),
                        containsString("<a href=\"/reconciliation/" + LATER + "\">INV-2026-0044</a>"))));

        STUB.answerJson("GET", API + "/partner-invoices", 200, """
                [{"id":"%s","partnerId":"%s","invoiceNumber":"INV-2026-0043","currency":"EUR","totalAmount":1,
                  "state":"SUPERSEDED","supersededBy":{"id":"%s","invoiceNumber":"INV-2026-0044"}},
                 {"id":"%s","partnerId":"%s","invoiceNumber":"INV-2026-0044","currency":"EUR","totalAmount":1,
                  "state":"SUBMITTED"}]""".formatted(INVOICE, PARTNER_A, LATER, LATER, PARTNER_A),
                Map.of("X-Total-Count", "2"));
        mvc.perform(get("/reconciliation").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .containsOnlyOnce("<span class=\"badge\">Superseded</span>")
                        .doesNotContain(">Submitted<"));
    }

    private static final String CREDIT_NOTE = "6c000000-0000-4000-8000-000000000006";
    private static final String DEBIT_NOTE = "6d000000-0000-4000-8000-000000000007";

    /**
     * Our side counted the statement's issued notes (docs/settlement-reconciliation.md, "Notes"): a credit note of
     * 5.00 on the VOICE line and 0.01 on no line, a debit note on the VOICE line too.
     */
    @Test
    void theIssuedNotesOurSideCountedAreListedAndNamedAtTheLinesTheyCorrect() throws Exception {
        STUB.answerJson("GET", API + "/partner-invoices/" + INVOICE, """
                {"id":"%s","partnerId":"%s","invoiceNumber":"INV-2026-0050","currency":"EUR","totalAmount":19.29,
                 "submittedBy":"pia","submittedAt":"2026-12-06T08:00:00Z",
                 "latestReconciliation":{"id":"%s","outcomes":{"MATCHED":2}},"latestUsageMatch":null}"""
                .formatted(INVOICE, PARTNER_A, RECONCILIATION));
        STUB.answerJson("GET", API + "/reconciliations/" + RECONCILIATION, """
                {"id":"%s","statementId":"5b0d2c0e-0000-4000-8000-000000000042","documentNumber":"ACD-2026-000016",
                 "keys":["OFFERING","USAGE_TYPE","PERIOD","SIDE"],"currency":"EUR","statementTotal":19.29,
                 "invoiceTotal":19.29,"difference":0,"discrepancies":false,
                 "notes":[{"id":"%s","href":"/api/settlement/notes/%s","type":"CREDIT_NOTE",
                           "documentNumber":"ACD-2026-000017","issuedAt":"2026-12-05T23:30:00Z"},
                          {"id":"%s","href":"/api/settlement/notes/%s","type":"DEBIT_NOTE",
                           "documentNumber":"ACD-2026-000018","issuedAt":"2026-12-06T07:15:00Z"}],
                 "lines":[{"lineNo":1,"outcome":"MATCHED","offeringId":"%s","usageType":"VOICE","period":"CURRENT",
                           "side":"REVENUE_SHARE","statementAmount":19.28,"invoiceAmount":19.28,"difference":0,
                           "tolerance":0,"statementLineIds":["5b0d2c0e-0000-4000-8000-000000000042-1"],
                           "noteLineIds":["%s-1","%s-1"]},
                          {"lineNo":2,"outcome":"MATCHED","offeringId":null,"usageType":null,"period":"CURRENT",
                           "reference":"ACD-2026-000017","side":"REVENUE_SHARE","statementAmount":0.01,
                           "invoiceAmount":0.01,"difference":0,"tolerance":0,"statementLineIds":[],
                           "noteLineIds":["%s-2"]},
                          {"lineNo":3,"outcome":"MATCHED","offeringId":"%s","usageType":"SMS","period":"CURRENT",
                           "side":"REVENUE_SHARE","statementAmount":0,"invoiceAmount":0,"difference":0,
                           "tolerance":0,"statementLineIds":["5b0d2c0e-0000-4000-8000-000000000042-2"],
                           "noteLineIds":[]}]}"""
                .formatted(RECONCILIATION, CREDIT_NOTE, CREDIT_NOTE, DEBIT_NOTE, DEBIT_NOTE, OFFERING, CREDIT_NOTE,
                        DEBIT_NOTE, CREDIT_NOTE, OFFERING));

        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Credit and debit notes on our side")
                        .contains("<td>Credit note</td>", "<th scope=\"row\">ACD-2026-000017</th>",
                                "<time datetime=\"2026-12-05T23:30:00Z\">2026-12-05</time>")
                        .contains("<td>Debit note</td>", "<th scope=\"row\">ACD-2026-000018</th>",
                                "<time datetime=\"2026-12-06T07:15:00Z\">2026-12-06</time>")
                        .containsOnlyOnce(">incl. notes ACD-2026-000017, ACD-2026-000018</span>")
                        .containsOnlyOnce(">incl. note ACD-2026-000017</span>")
                        .doesNotContain("CREDIT_NOTE", "DEBIT_NOTE", CREDIT_NOTE + "-"));

        mvc.perform(get("/reconciliation/" + INVOICE).header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Gutschriften und Belastungsanzeigen auf unserer Seite", "<td>Gutschrift</td>",
                                "<td>Belastungsanzeige</td>", ">05.12.2026</time>", ">06.12.2026</time>",
                                ">inkl. Belege ACD-2026-000017, ACD-2026-000018</span>",
                                ">inkl. Beleg ACD-2026-000017</span>"));
    }

    @Test
    void aReconciliationThatIncludedNoNotesShowsNone() throws Exception {
        answersAReconciliationPerSide("");

        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("data-testid=\"included-notes\"")),
                        not(containsString("data-testid=\"line-notes\"")), not(containsString("incl. note")))));
    }

    @Test
    void anInvoiceNotReconciledYetSaysSo() throws Exception {
        STUB.answerJson("GET", API + "/partner-invoices/" + INVOICE, """
                {"id":"%s","partnerId":"%s","invoiceNumber":"INV-1","currency":"EUR","totalAmount":1,
                 "latestReconciliation":null,"latestUsageMatch":null}""".formatted(INVOICE, PARTNER_A));

        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Not reconciled yet"),
                        containsString("No usage match of this invoice yet."))));
        // the invoice, and its partner's name; no reconciliation or usage match to read
        assertThat(STUB.requests()).extracting(r -> r.path()).containsExactly(API + "/partner-invoices/" + INVOICE,
                "/tmf-api/party/v4/organization");
    }

    @Test
    void aMalformedPartnerIdIsABadRequestWithoutACall() throws Exception {
        mvc.perform(get("/reconciliation").param("partnerId", "acme").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The partner id is not a valid id."),
                        containsString("aria-invalid=\"true\""))));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void anUnknownInvoiceIsNotFoundAndPartnersDoNotOpenThePage() throws Exception {
        mvc.perform(get("/reconciliation/" + INVOICE).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reconciliation").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
    }
}
