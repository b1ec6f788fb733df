package io.accord.portal.invoicelist;

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

/** The partner's list of its submitted invoices with their reconciliation status. */
class SubmittedInvoicesControllerTests extends PortalTestSupport {

    SubmittedInvoicesControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String INVOICES = "/api/settlement/partner-invoices";
    private static final String PERIODS = "/api/settlement/periods";
    private static final String PERIOD = "9e000000-0000-4000-8000-000000000001";
    private static final String WAITING = "1a000000-0000-4000-8000-000000000001";
    private static final String MATCHED = "1a000000-0000-4000-8000-000000000002";
    private static final String DIFFERS = "1a000000-0000-4000-8000-000000000003";

    private static String invoice(String id, String number, String reconciliation, String usageMatch) {
        return """
                {"id":"%s","partnerId":"%s","periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-12-02",
                 "currency":"EUR","totalAmount":1234.5,"lineCount":3,"submittedBy":"partner-admin",
                 "submittedAt":"2026-12-02T08:15:30Z","latestReconciliation":%s,"latestUsageMatch":%s}"""
                .formatted(id, PARTNER_A, PERIOD, number, reconciliation, usageMatch);
    }

    private static void periods() {
        STUB.answerJson("GET", PERIODS, """
                [{"id":"%s","startAt":"2026-11-01T00:00:00Z","endAt":"2026-12-01T00:00:00Z","state":"CLOSED"}]"""
                .formatted(PERIOD));
    }

    @Test
    void theFiltersPeriodsOfOneDayAreToldApartAndTheirStatesInTheUsersLanguage() throws Exception {
        String early = "7ca0cf78-8210-4773-9cf1-9c4cd24b6097";
        String alike = "08d354fb-0000-4ae7-869f-14aa105d2dd6";
        String twin = "aa000000-0000-4000-8000-000000000001";
        STUB.answerJson("GET", PERIODS, """
                [{"id":"%s","startAt":"2026-12-06T12:14:01Z","endAt":"2026-12-06T15:18:40Z","state":"OPEN"},
                 {"id":"%s","startAt":"2026-12-06T12:10:55Z","endAt":"2026-12-06T12:14:01Z","state":"CLOSED"},
                 {"id":"%s","startAt":"2026-12-06T12:10:55Z","endAt":"2026-12-06T12:14:01Z","state":"CLOSED"}]"""
                .formatted(early, alike, twin));
        STUB.answerJson("GET", INVOICES, 200, "[]", Map.of("X-Total-Count", "0"));

        mvc.perform(get("/invoices/submitted").header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(">06.12.2026, 12:14 – 06.12.2026, 15:18 UTC (Offen)</option>"),
                        containsString(">06.12.2026, 12:10 – 06.12.2026, 12:14 UTC (Abgeschlossen) · 08d354fb</option>"),
                        containsString(">06.12.2026, 12:10 – 06.12.2026, 12:14 UTC (Abgeschlossen) · aa000000</option>"),
                        not(containsString("CLOSED")))));
    }

    @Test
    void listsThePartnersInvoicesWithTheirReconciliationStatusAndLinksEach() throws Exception {
        periods();
        STUB.answerJson("GET", INVOICES, 200, "[" + invoice(WAITING, "INV-3", "null", "null") + ","
                + invoice(MATCHED, "INV-2", """
                        {"id":"r2","outcomes":{"MATCHED":2,"WITHIN_TOLERANCE":1,"MISMATCH":0},"discrepancies":false}""",
                "{\"id\":\"m2\",\"state\":\"DONE\"}") + ","
                + invoice(DIFFERS, "INV-1", """
                        {"id":"r1","outcomes":{"MATCHED":1,"MISMATCH":2},"discrepancies":true}""", "null") + "]",
                Map.of("X-Total-Count", "23"));

        String page = mvc.perform(get("/invoices/submitted").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Your invoices"),
                        containsString("href=\"/invoices/" + WAITING + "\""),
                        containsString("href=\"/invoices/" + DIFFERS + "\""),
                        containsString("aria-label=\"Open invoice INV-2\""),
                        containsString("2026-11-01 – 2026-12-01 (Closed)"), containsString("1,234.50 EUR"),
                        containsString("2026-12-02 08:15"), containsString("23 in all"),
                        containsString("<time datetime=\"2026-12-02\">2026-12-02</time>"),
                        containsString("<label for=\"invoice-period\">Settlement period</label>"),
                        containsString("/invoices/submitted?page=1"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(page, WAITING)).contains("Not reconciled yet").doesNotContain("badge good", "badge bad");
        assertThat(row(page, MATCHED)).contains("badge good", "Matched", "2 matched", "1 within tolerance", "DONE")
                .doesNotContain("beyond tolerance");
        assertThat(row(page, DIFFERS)).contains("badge bad", "Differences beyond tolerance", "1 matched",
                "2 beyond tolerance");

        var call = STUB.requestsTo("GET", INVOICES).getFirst();
        assertThat(call.query()).as("the service scopes it to the partner; no partnerId is sent")
                .isEqualTo("offset=0&limit=20");
        assertThat(call.authorization()).isEqualTo("Bearer partner-token");
    }

    private static String row(String page, String id) {
        int start = page.indexOf("data-invoice=\"" + id + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void thePeriodFilterAndPagingAreSentOn() throws Exception {
        periods();
        STUB.answerJson("GET", INVOICES, 200, "[]", Map.of("X-Total-Count", "40"));
        mvc.perform(get("/invoices/submitted").param("periodId", PERIOD).param("page", "1")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("selected=\"selected\"")));
        assertThat(STUB.requestsTo("GET", INVOICES).getFirst().query())
                .isEqualTo("periodId=" + PERIOD + "&offset=20&limit=20");
    }

    @Test
    void aMalformedPeriodIsRefusedAtTheFilterAndNoInvoicesAreAskedFor() throws Exception {
        periods();
        mvc.perform(get("/invoices/submitted").param("periodId", "last-month").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"invoice-period-error\""),
                        containsString("Choose a settlement period from the list."),
                        containsString("aria-invalid=\"true\""))));
        assertThat(STUB.requestsTo("GET", INVOICES)).isEmpty();
    }

    @Test
    void noInvoicesYetSaysSoAndTheUploadPageLinksTheList() throws Exception {
        periods();
        STUB.answerJson("GET", INVOICES, "[]");
        mvc.perform(get("/invoices/submitted").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("No invoices submitted yet."),
                        not(containsString("<table")))));
        mvc.perform(get("/invoices").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString("href=\"/invoices/submitted\"")));
    }

    @Test
    void staffUseTheReconciliationPagesInstead() throws Exception {
        mvc.perform(get("/invoices/submitted").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void theListSpeaksGerman() throws Exception {
        periods();
        STUB.answerJson("GET", INVOICES, "[" + invoice(DIFFERS, "INV-1", """
                {"id":"r1","outcomes":{"MISMATCH":2},"discrepancies":true}""", "null") + "]");
        mvc.perform(get("/invoices/submitted").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(allOf(containsString("Ihre Rechnungen"),
                        containsString("Abweichungen über der Toleranz"), containsString("2 über der Toleranz"),
                        // dates the German way, the machine-readable value ISO
                        containsString("<time datetime=\"2026-12-02\">02.12.2026</time>"),
                        containsString("01.11.2026 – 01.12.2026 (Abgeschlossen)"),
                        containsString("02.12.2026, 08:15"), not(containsString("2026-12-02 08:15")))));
    }
}
