package io.accord.portal.invoice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InvoicesControllerTests extends PortalTestSupport {

    InvoicesControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/api/settlement/partner-invoices";
    private static final String PERIOD = "9e000000-0000-4000-8000-000000000001";
    private static final String INVOICE = "1a000000-0000-4000-8000-000000000002";
    private static final String RECONCILIATION = "2b000000-0000-4000-8000-000000000003";
    private static final String MATCH = "3c000000-0000-4000-8000-000000000004";
    private static final String OFFERING = "f9f04e7f-26f5-487d-b288-fbd835195ca0";
    private static final String INVOICE_VIEW = """
            {"id":"%s","invoiceNumber":"INV-2026-0042","invoiceDate":"2026-12-03","currency":"EUR",
             "totalAmount":1260.40,"lineCount":2,"submittedBy":"partner-admin","submittedAt":"2026-12-03T09:00:00Z",
             "pdf":{"fileName":"invoice.pdf"},"latestReconciliation":{"id":"%s","outcomes":{"MATCHED":1}}}"""
            .formatted(INVOICE, RECONCILIATION);

    private void periods() {
        STUB.answerJson("GET", "/api/settlement/periods", """
                [{"id":"%s","startAt":"2026-11-01T00:00:00Z","endAt":"2026-12-01T00:00:00Z","state":"CLOSED"}]"""
                .formatted(PERIOD));
    }

    @Test
    void theFormOffersThePartnersPeriodsAndLabelsEveryField() throws Exception {
        periods();

        mvc.perform(get("/invoices").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2026-11-01 – 2026-12-01 (Closed)"),
                        containsString("<label for=\"invoiceNumber\""), containsString("aria-label=\"Line 1: Amount\""),
                        containsString("<label for=\"usageFile\""), containsString("<label for=\"pdf\""))));
    }

    @Test
    void linesEnteredInTheFormAreSubmittedAsJson() throws Exception {
        STUB.answerJson("POST", API, 201, INVOICE_VIEW, Map.of());

        mvc.perform(multipart("/invoices").param("periodId", PERIOD).param("invoiceNumber", "INV-2026-0042")
                        .param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .param("offeringId0", "off-9").param("usageType0", "VOICE").param("amount0", "1250.40")
                        .param("amount1", "10.00").param("offeringId2", "")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/invoices/" + INVOICE));

        assertThat(STUB.requestsTo("POST", API).getFirst().body()).isEqualTo("{\"periodId\":\"" + PERIOD
                + "\",\"invoiceNumber\":\"INV-2026-0042\",\"invoiceDate\":\"2026-12-03\",\"currency\":\"EUR\","
                + "\"lines\":[{\"offeringId\":\"off-9\",\"usageType\":\"VOICE\",\"amount\":\"1250.40\"},"
                + "{\"amount\":\"10.00\"}]}");
    }

    @Test
    void eachLineOffersItsSideWithTheSignDecidingByDefault() throws Exception {
        periods();

        mvc.perform(get("/invoices").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Side</th>"),
                        containsString("name=\"side0\""), containsString("aria-label=\"Line 1: Side\""),
                        containsString("<option value=\"\">Decide by the amount&#39;s sign</option>"),
                        containsString("<option value=\"REVENUE_SHARE\">Revenue share (your supply to us)</option>"),
                        containsString("<option value=\"WHOLESALE\">Wholesale (our supply to you)</option>"),
                        containsString("name=\"side4\""), not(containsString("name=\"side5\"")),
                        containsString("id=\"side-hint\""), not(containsString("selected")))));
        mvc.perform(get("/invoices").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("aria-label=\"Zeile 1: Seite\""),
                        containsString(">Nach dem Vorzeichen des Betrags</option>"),
                        containsString(">Umsatzanteil (Ihre Leistung an uns)</option>"),
                        containsString(">Großhandel (unsere Leistung an Sie)</option>"))));
    }

    @Test
    void aChosenSideIsSentWithItsLineAndNoneLeavesItToTheSign() throws Exception {
        STUB.answerJson("POST", API, 201, INVOICE_VIEW, Map.of());

        mvc.perform(multipart("/invoices").param("periodId", PERIOD).param("invoiceNumber", "INV-2026-0043")
                        .param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .param("amount0", "-4.10").param("side0", "REVENUE_SHARE")
                        .param("amount1", "12.00").param("side1", "")
                        .param("amount2", "2.50").param("side2", "WHOLESALE")
                        .with(csrf()).with(TestUsers.partner("partner-user")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/invoices/" + INVOICE));

        assertThat(STUB.requestsTo("POST", API).getFirst().body()).endsWith("\"lines\":[{\"amount\":\"-4.10\","
                + "\"side\":\"REVENUE_SHARE\"},{\"amount\":\"12.00\"},{\"amount\":\"2.50\",\"side\":\"WHOLESALE\"}]}");
    }

    @Test
    void aSideTheServiceRefusesIsShownAndTheChosenSidesAreKept() throws Exception {
        periods();
        STUB.answerJson("POST", API, 400, """
                {"title":"Invalid input","status":400,"detail":"The invoice has 1 problem",
                 "violations":[{"field":"lines[1].side","message":"side must be one of [REVENUE_SHARE, WHOLESALE]"}]}""",
                Map.of());

        mvc.perform(multipart("/invoices").param("periodId", PERIOD).param("invoiceNumber", "INV-2026-0044")
                        .param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .param("amount0", "1.00").param("side0", "WHOLESALE")
                        .param("amount1", "2.00").param("side1", "SUPPLY")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("nothing was stored"),
                        containsString("id=\"side1-error\" class=\"field-error\">side must be one of [REVENUE_SHARE, WHOLESALE]"),
                        containsString("aria-describedby=\"side-hint side1-error\""),
                        containsString("<option value=\"WHOLESALE\" selected=\"selected\">"))));
    }

    @Test
    void germanNumbersAreReadAsGermanAndSentAsPlainDecimals() throws Exception {
        STUB.answerJson("POST", API, 201, INVOICE_VIEW, Map.of());

        mvc.perform(multipart("/invoices").header("Accept-Language", "de").param("periodId", PERIOD)
                        .param("invoiceNumber", "S67-R16").param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .param("quantity0", "37.772").param("amount0", "13.220,20")
                        .param("quantity2", "0,125").param("amount2", "-4,10")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/invoices/" + INVOICE));

        assertThat(STUB.requestsTo("POST", API).getFirst().body()).endsWith("\"lines\":[{\"quantity\":\"37772\","
                + "\"amount\":\"13220.20\"},{\"quantity\":\"0.125\",\"amount\":\"-4.10\"}]}");
    }

    @Test
    void numbersThatCannotBeReadInTheUsersLanguageAreRefusedAtTheirCellsAndNothingIsSent() throws Exception {
        periods();

        mvc.perform(multipart("/invoices").header("Accept-Language", "de").param("periodId", PERIOD)
                        .param("invoiceNumber", "S67-R16").param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .param("amount0", "13.220,205").param("quantity1", "0.500").param("amount1", "1,5")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("nichts wurde gespeichert"),
                        containsString("aria-describedby=\"amount0-error\""), containsString("aria-invalid=\"true\""),
                        containsString("id=\"amount0-error\" class=\"field-error\">Geben Sie den Betrag als Zahl ein, z. B. "
                                + "1.234,50 oder -12,00 (Punkt zwischen den Tausendern, Komma vor den Nachkommastellen, "
                                + "höchstens 2 Nachkommastellen).</span>"),
                        containsString("id=\"quantity1-error\" class=\"field-error\">Geben Sie die Menge als Zahl ein"),
                        not(containsString("amount1-error")), containsString("value=\"13.220,205\""),
                        not(containsString("plain decimal")))));
        assertThat(STUB.requestsTo("POST", API)).isEmpty();
    }

    @Test
    void settlementsRefusalOfATypedLineIsShownAtItsCellInGerman() throws Exception {
        periods();
        STUB.answerJson("POST", API, 400, """
                {"title":"Invalid input","status":400,"detail":"The invoice has 1 problem",
                 "violations":[{"field":"lines[0].amount","message":"amount '1E+20' is too large"}]}""",
                Map.of());

        mvc.perform(multipart("/invoices").header("Accept-Language", "de").param("periodId", PERIOD)
                        .param("invoiceNumber", "S67-R16").param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .param("amount3", "999.999.999.999.999.999")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"amount3-error\" class=\"field-error\">Dieser Wert wird nicht angenommen."),
                        not(containsString("The invoice has 1 problem")), not(containsString("too large")))));
    }

    @Test
    void withAPdfTheFormLinesGoAsCsvAndTheCdrFileIsMatched() throws Exception {
        STUB.answerJson("POST", API + "/upload", 201, INVOICE_VIEW, Map.of());
        STUB.answerJson("PUT", API + "/" + INVOICE + "/usage-file", INVOICE_VIEW);
        STUB.answerJson("POST", API + "/" + INVOICE + "/usage-matches", 202,
                "{\"id\":\"%s\",\"state\":\"RUNNING\"}".formatted(MATCH), Map.of());
        MockMultipartFile pdf = new MockMultipartFile("pdf", "invoice.pdf", "application/pdf",
                "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII));
        MockMultipartFile cdrs = new MockMultipartFile("usageFile", "cdrs.csv", "text/csv",
                "usageId,subscriberId,startTime,quantity\ncdr-1,49170,2026-11-05T10:15:30Z,120\n".getBytes());

        mvc.perform(multipart("/invoices").file(pdf).file(cdrs).param("periodId", PERIOD)
                        .param("invoiceNumber", "INV-2026-0042").param("invoiceDate", "2026-12-03")
                        .param("currency", "EUR").param("description0", "Voice, November").param("amount0", "1250.40")
                        .param("side0", "").param("amount1", "-3.20").param("side1", "REVENUE_SHARE")
                        .param("mode", "KEYS").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/invoices/" + INVOICE + "?match=" + MATCH));

        String upload = STUB.requestsTo("POST", API + "/upload").getFirst().body();
        assertThat(upload).contains("name=\"periodId\"", "INV-2026-0042", "filename=\"invoice.pdf\"",
                "%PDF-1.7 invoice", "offeringId,usageType,periodStart,reference,description,quantity,amount,side\r\n"
                        + ",,,,\"Voice, November\",,1250.40,\r\n,,,,,,-3.20,REVENUE_SHARE\r\n");
        var stored = STUB.requestsTo("PUT", API + "/" + INVOICE + "/usage-file").getFirst();
        assertThat(stored.query()).isEqualTo("fileName=cdrs.csv");
        assertThat(stored.body()).startsWith("usageId,subscriberId,startTime,quantity");
        assertThat(STUB.requestsTo("POST", API + "/" + INVOICE + "/usage-matches").getFirst().body())
                .isEqualTo("{\"mode\":\"KEYS\"}");
    }

    @Test
    void csvRowsTheServiceRefusesAreListedWithTheirRowsAndNothingElseIsSent() throws Exception {
        periods();
        STUB.answerJson("POST", API + "/upload", 400, """
                {"title":"Invalid input","status":400,"detail":"The invoice has 1 problem",
                 "violations":[{"field":"amount","message":"must have at most 2 decimals","row":3,"line":4}]}""",
                Map.of());
        MockMultipartFile lines = new MockMultipartFile("file", "lines.csv", "text/csv", "amount\n1.001\n".getBytes());
        MockMultipartFile cdrs = new MockMultipartFile("usageFile", "cdrs.csv", "text/csv", "usageId\n".getBytes());

        mvc.perform(multipart("/invoices").file(lines).file(cdrs).param("periodId", PERIOD)
                        .param("invoiceNumber", "INV-1").param("invoiceDate", "2026-12-03").param("currency", "EUR")
                        .with(csrf()).with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("nothing was stored"),
                        containsString("Row 3, amount: must have at most 2 decimals"), containsString("value=\"INV-1\""))));
        assertThat(STUB.requestsTo("PUT", API + "/" + INVOICE + "/usage-file")).isEmpty();
    }

    @Test
    void theInvoiceShowsItsReconciliationAndTheFinishedUsageMatch() throws Exception {
        STUB.answerJson("GET", API + "/" + INVOICE, INVOICE_VIEW);
        STUB.answerJson("GET", "/api/settlement/reconciliations/" + RECONCILIATION, """
                {"id":"%s","statementId":"5b0d2c0e-0000-4000-8000-000000000042","documentNumber":"ST-2026-000042",
                 "keys":["OFFERING","USAGE_TYPE","PERIOD"],"currency":"EUR",
                 "outcomes":{"MATCHED":1,"MISMATCH":1},"statementTotal":1250.40,"invoiceTotal":1260.40,"difference":10.00,
                 "discrepancies":true,
                 "lines":[{"outcome":"MATCHED","beyondTolerance":false,"offeringId":"%2$s","usageType":"VOICE","period":"CURRENT",
                           "statementAmount":1250.40,"invoiceAmount":1250.40,"difference":0.00,"tolerance":5.00},
                          {"outcome":"MISMATCH","beyondTolerance":true,"offeringId":"%2$s","usageType":"SMS","period":"CURRENT",
                           "statementAmount":0.00,"invoiceAmount":10.00,"difference":10.00,"tolerance":5.00}]}"""
                .formatted(RECONCILIATION, OFFERING));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering/" + OFFERING, """
                {"id":"%s","name":"Cloud Gaming Plus"}""".formatted(OFFERING));
        STUB.answerJson("GET", "/api/settlement/usage-matches/" + MATCH, """
                {"id":"%s","state":"COMPLETED","mode":"USAGE_ID",
                 "outcomes":{"MATCHED":{"count":4980,"ourQuantity":"1","theirQuantity":"1","ourAmount":"1","theirAmount":"1"},
                             "ONLY_THEIRS":{"count":20,"ourQuantity":"0","theirQuantity":"2400","ourAmount":"0","theirAmount":"16.80"}}}"""
                .formatted(MATCH));

        mvc.perform(get("/invoices/" + INVOICE + "?match=" + MATCH).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span>Against statement</span>"),
                        containsString("href=\"/statements/5b0d2c0e-0000-4000-8000-000000000042\""
                                + " title=\"5b0d2c0e-0000-4000-8000-000000000042\">ST-2026-000042</a><span>, lines compared"
                                + " by offering, usage type, period.</span>"),
                        containsString("Mismatch: 1"), containsString(">Matched<"), containsString("a dispute is opened"),
                        containsString("title=\"" + OFFERING + "\">Cloud Gaming Plus<"),
                        not(containsString("[\"OFFERING\"")), not(containsString("MISMATCH")),
                        containsString("badge bad"), containsString(">Only in the CDR file<"), containsString("2,400"),
                        containsString("16.80"), containsString(">Completed<"), containsString("by usage id"),
                        containsString("/invoices/matches/" + MATCH + "/unmatched"),
                        not(containsString("hx-trigger")), containsString("/invoices/" + INVOICE + "/pdf"))));
    }

    @Test
    void eachComparedLineSaysItsSideAndPeriodInTheUsersWords() throws Exception {
        STUB.answerJson("GET", API + "/" + INVOICE, INVOICE_VIEW);
        STUB.answerJson("GET", "/api/settlement/reconciliations/" + RECONCILIATION, """
                {"id":"%s","statementId":"5b0d2c0e-0000-4000-8000-000000000042","documentNumber":"ST-2026-000042",
                 "keys":["OFFERING","USAGE_TYPE","PERIOD","SIDE"],"currency":"EUR","outcomes":{"MATCHED":2},
                 "statementTotal":0,"invoiceTotal":0,"difference":0,"discrepancies":false,
                 "lines":[{"outcome":"MATCHED","offeringId":"%2$s","usageType":"VOICE","period":"PRIOR",
                           "side":"WHOLESALE","statementAmount":-0.21,"invoiceAmount":-0.21,"difference":0,"tolerance":0},
                          {"outcome":"MATCHED","offeringId":"%2$s","usageType":"VOICE","period":"CURRENT",
                           "side":"REVENUE_SHARE","statementAmount":1.77,"invoiceAmount":1.77,"difference":0,
                           "tolerance":0}]}""".formatted(RECONCILIATION, OFFERING));

        mvc.perform(get("/invoices/" + INVOICE).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Seite</th>"),
                        containsString("<td>früherer Zeitraum</td>"), containsString("<td>dieser Zeitraum</td>"),
                        containsString("<td>Großhandel (Leistung von Accord)</td>"),
                        containsString("<td>Umsatzanteil (Leistung des Partners)</td>"),
                        containsString("03.12.2026, 09:00 UTC"),
                        not(containsString(">PRIOR<")), not(containsString(">CURRENT<")),
                        not(containsString("data-testid=\"superseded\"")),
                        containsString("/invoices/" + INVOICE + "/reconciliations"))));
    }

    @Test
    void aSupersededInvoiceLinksTheLaterOneAndOffersNoReconciliation() throws Exception {
        String later = "1a000000-0000-4000-8000-000000000009";
        STUB.answerJson("GET", API + "/" + INVOICE, """
                {"id":"%s","invoiceNumber":"INV-2026-0042","currency":"EUR","totalAmount":1260.40,"lineCount":2,
                 "state":"SUPERSEDED","supersededBy":{"id":"%s","invoiceNumber":"INV-2026-0042-B",
                 "href":"/api/settlement/partner-invoices/%s"},"latestReconciliation":null}"""
                .formatted(INVOICE, later, later));

        mvc.perform(get("/invoices/" + INVOICE).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"superseded\""),
                        containsString("<span class=\"badge\">Superseded</span>"),
                        containsString("<title>Invoice INV-2026-0042 · Accord</title>"),
                        containsString("your later invoice of the same period replaced it"),
                        containsString("<a href=\"/invoices/" + later + "\">INV-2026-0042-B</a>"),
                        not(containsString("/invoices/" + INVOICE + "/reconciliations")))));
    }

    @Test
    void aRunningMatchRefreshesItself() throws Exception {
        STUB.answerJson("GET", "/api/settlement/usage-matches/" + MATCH,
                "{\"id\":\"%s\",\"state\":\"RUNNING\",\"mode\":\"USAGE_ID\",\"outcomes\":{}}".formatted(MATCH));

        mvc.perform(get("/invoices/" + INVOICE + "/matches/" + MATCH).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-trigger=\"every 3s\""),
                        containsString("hx-get=\"/invoices/" + INVOICE + "/matches/" + MATCH + "\""),
                        not(containsString("<html")), not(containsString("unmatched")))));
    }

    @Test
    void reconcilingBeforeTheStatementIsIssuedSaysSo() throws Exception {
        STUB.answerJson("POST", API + "/" + INVOICE + "/reconciliations", 409, """
                {"title":"Conflict","status":409,"detail":"Our statement of period x is not issued yet"}""", Map.of());
        STUB.answerJson("GET", API + "/" + INVOICE, INVOICE_VIEW.replace(
                ",\"latestReconciliation\":{\"id\":\"%s\",\"outcomes\":{\"MATCHED\":1}}".formatted(RECONCILIATION), ""));

        mvc.perform(post("/invoices/" + INVOICE + "/reconciliations").with(csrf())
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("is not issued yet"),
                        containsString("Not reconciled yet"))));
    }

    @Test
    void theUnmatchedRecordsAreDownloaded() throws Exception {
        byte[] csv = "outcome,usageId\nONLY_THEIRS,\n".getBytes(StandardCharsets.UTF_8);
        STUB.answer("GET", "/api/settlement/usage-matches/" + MATCH + "/unmatched",
                new StubGateway.Answer(200, "text/csv", csv, Map.of()));

        download(get("/invoices/matches/" + MATCH + "/unmatched").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk()).andExpect(content().bytes(csv));
        assertThat(STUB.requests().getFirst().accept()).isEqualTo("text/csv");
    }

    @Test
    void aLargeFileIsPassedOnAsItArrivesNotHeldInMemoryWhole() throws Exception {
        byte[] csv = ("outcome,usageId\n" + "ONLY_THEIRS,u-0001\n".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        String path = "/api/settlement/usage-matches/" + MATCH + "/unmatched";
        STUB.answer("GET", path, new StubGateway.Answer(200, "text/csv", csv, Map.of()));
        java.util.concurrent.CountDownLatch rest = STUB.holdMidway("GET", path);

        MvcResult download = mvc.perform(get("/invoices/matches/" + MATCH + "/unmatched")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(request().asyncStarted())
                .andExpect(header().longValue("Content-Length", csv.length))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"unmatched-" + MATCH
                        + ".csv\""))
                .andReturn();
        // the first half reaches the browser while the gateway still holds back the second
        await().atMost(Duration.ofSeconds(20))
                .until(() -> download.getResponse().getContentAsByteArray().length >= csv.length / 2);
        assertThat(download.getResponse().getContentAsByteArray().length).isLessThan(csv.length);

        rest.countDown();
        mvc.perform(asyncDispatch(download)).andExpect(status().isOk()).andExpect(content().bytes(csv));
    }

    @Test
    void aDownloadTheGatewayRefusesIsAPageThatSaysSo() throws Exception {
        mvc.perform(get("/invoices/" + INVOICE + "/pdf").with(TestUsers.partner("partner-user")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This was not found.")));
        assertThat(STUB.requestsTo("GET", API + "/" + INVOICE + "/pdf")).singleElement()
                .satisfies(call -> assertThat(call.accept()).isEqualTo("application/pdf"));
    }

    @Test
    void periodsClosedOnOneDayAreToldApartByTheirTimesAndIds() throws Exception {
        String first = "7ca0cf78-8210-4773-9cf1-9c4cd24b6097";
        String second = "08d354fb-0000-4ae7-869f-14aa105d2dd6";
        String other = "aa000000-0000-4000-8000-000000000001";
        STUB.answerJson("GET", "/api/settlement/periods", """
                [{"id":"%s","startAt":"2026-12-06T12:14:01.188517Z","endAt":"2026-12-06T15:18:40.772726Z","state":"CLOSED"},
                 {"id":"%s","startAt":"2026-12-06T12:10:55Z","endAt":"2026-12-06T12:14:01Z","state":"CLOSED"},
                 {"id":"%s","startAt":"2026-12-06T12:10:55Z","endAt":"2026-12-06T12:14:01Z","state":"CLOSED"},
                 {"id":"%s","startAt":"2026-11-01T00:00:00Z","endAt":"2026-12-01T00:00:00Z","state":"CLOSED"}]"""
                .formatted(first, second, other, PERIOD));

        mvc.perform(get("/invoices").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(">2026-12-06 12:14 – 2026-12-06 15:18 UTC (Closed)</option>"),
                        containsString(">2026-12-06 12:10 – 2026-12-06 12:14 UTC (Closed) · 08d354fb</option>"),
                        containsString(">2026-12-06 12:10 – 2026-12-06 12:14 UTC (Closed) · aa000000</option>"),
                        containsString(">2026-11-01 – 2026-12-01 (Closed)</option>"))));
    }
}
