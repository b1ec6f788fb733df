package io.accord.portal.kpi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class KpiControllerTests extends PortalTestSupport {

    KpiControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private void allKpis() {
        STUB.answerJson("GET", "/api/onboarding/admin/kpis", """
                {"applicationsByStatus":{"DRAFT":1,"IN_REVIEW":2,"APPROVED":7},"submitted":9,"autoApproved":6,
                 "autoApprovalRate":0.6667,"timeToActivation":{"count":7,"medianSeconds":90.0,"p95Seconds":7300.0},
                 "pendingReviewAge":{"count":2,"maxSeconds":200000.0}}""");
        STUB.answerJson("GET", "/api/catalog/admin/kpis", """
                {"offeringsByState":{"DRAFT":3,"IN_REVIEW":1,"LAUNCHED":12,"RETIRED":0},"pendingChanges":2,
                 "reviewLeadTime":{"count":4,"medianSeconds":7200.0,"p90Seconds":12960.0,"maxSeconds":14400.0}}""");
        STUB.answerJson("GET", "/api/orchestration/admin/kpis", """
                {"orders":4,"ordersByState":{"COMPLETED":3,"FAILED":1},
                 "volumeByDay":[{"day":"2026-11-30","total":3},{"day":"2026-12-01","total":1}],
                 "fallout":{"finished":4,"failed":1,"partial":0,"rate":0.2500},
                 "orderToActivation":{"count":3,"medianSeconds":120.0,"p90Seconds":504.0}}""");
        STUB.answerJson("GET", "/api/rating/admin/kpis", """
                {"throughput":{"windowSeconds":60,"ratedRecords":1500,"perSecond":25.00},
                 "suspense":{"open":5,"byAge":{"<1h":3,"1h-1d":0,"1d-7d":2,">7d":0},
                  "byReasonAndAge":{"NO_PRICE":{"<1h":3,"1h-1d":0,"1d-7d":0,">7d":0},
                                    "TOO_OLD":{"<1h":0,"1h-1d":0,"1d-7d":2,">7d":0}}},
                 "revenueByPartner":[{"partnerId":"aaaaaaaa-1111-4111-8111-111111111111","currency":"EUR",
                   "charge":"1234.500000","partnerShare":"370.350000","wholesale":"0.000000","margin":"864.150000",
                   "records":900},
                  {"partnerId":null,"currency":"EUR","charge":"10.000000","partnerShare":"0.000000",
                   "wholesale":"0.000000","margin":"10.000000","records":4}]}""");
        STUB.answerJson("GET", "/api/settlement/admin/kpis", """
                {"statementsByState":{"DRAFT":1,"APPROVED":0,"ISSUED":2,"PAID":5},
                 "amountsDue":[{"currency":"EUR","payable":"35.700000","payableStatements":2,"receivable":"0.000000",
                   "receivableStatements":0}],
                 "reconciliation":{"reconciliations":2,"withoutDiscrepancies":1,"invoiceMatchRate":0.5000,"lines":8,
                   "matchedLines":6,"lineMatchRate":0.7500}}""");
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"aaaaaaaa-1111-4111-8111-111111111111","name":"Streamly GmbH","tradingName":"Streamly"}]""");
        STUB.answerJson("GET", "/api/disputes/kpis", """
                {"total":3,"open":2,"openByAge":{"0-7d":1,"8-30d":1,"31-90d":0,"90d+":0},"resolved":1,
                 "meanTimeToResolution":"PT50H","p95TimeToResolution":"PT50H",
                 "amounts":{"EUR":{"disputed":"40.00","adjusted":"10.00"}},"slaBreachRate":"0.3333"}""");
    }

    @Test
    void anAuditorSeesEveryServicesKpisWithAccessibleCharts() throws Exception {
        allKpis();

        String page = mvc.perform(get("/kpis").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<a href=\"/kpis\" aria-current=\"page\">KPIs</a>", "KPI dashboard",
                "Onboarding", "Catalog", "Orders", "Rating", "Settlement", "Disputes");
        assertThat(page).contains("data-testid=\"kpi.onboarding.autoApprovalRate\">66.7 %<",
                "data-testid=\"kpi.onboarding.reviewAgeMax\">2 d 7 h<",
                "data-testid=\"kpi.catalog.leadTimeMedian\">2 h 0 min<",
                "data-testid=\"kpi.orders.falloutRate\">25.0 %<",
                "data-testid=\"kpi.orders.activationMedian\">2 min<",
                "data-testid=\"kpi.rating.perSecond\">25.00<",
                "data-testid=\"kpi.settlement.lineMatchRate\">75.0 %<",
                "data-testid=\"kpi.disputes.meanResolution\">2 d 2 h<",
                "data-testid=\"kpi.disputes.slaBreachRate\">33.3 %<");
        // charts: SVG named by its title and description, the figures again as a table
        assertThat(page).contains("role=\"img\"", "aria-labelledby=\"chart-catalog-title chart-catalog-desc\"",
                "<title id=\"chart-catalog-title\">Offerings by state</title>", "Charges by partner in EUR (top 10)");
        assertThat(page).containsPattern("<th scope=\"row\">Launched</th>\\s*<td class=\"num\">12</td>");
        assertThat(page).containsPattern("<th scope=\"row\">2026-11-30</th>\\s*<td class=\"num\">3</td>");
        assertThat(page).containsPattern("<th scope=\"row\">Streamly GmbH · aaaaaaaa</th>\\s*<td class=\"num\">EUR</td>\\s*"
                + "<td class=\"num\">1,234.50</td>\\s*<td class=\"num\">370.35</td>\\s*<td class=\"num\">0.00</td>\\s*"
                + "<td class=\"num\">864.15</td>");
        assertThat(page).containsPattern("<th scope=\"row\">Too old</th>\\s*<td class=\"num\">0</td>\\s*"
                + "<td class=\"num\">0</td>\\s*<td class=\"num\">2</td>");
        assertThat(page).containsPattern("<th scope=\"row\">EUR</th>\\s*<td class=\"num\">35.70</td>");
        // value axes: rounded ticks and the unit (12 launched offerings: 0 to 15 in fives), the states under the bars
        String catalog = page.substring(page.indexOf("data-testid=\"chart-catalog\""));
        catalog = catalog.substring(0, catalog.indexOf("</svg>"));
        assertThat(catalog).contains("<desc id=\"chart-catalog-desc\">A bar chart of 4 bars, values in Offerings from 0 "
                + "to 15; the figures follow as a table.</desc>", "data-part=\"unit\">Offerings</text>");
        assertThat(catalog).containsSubsequence(">0</text>", ">5</text>", ">10</text>", ">15</text>");
        assertThat(catalog).containsSubsequence(">In study</text>", ">In review</text>", ">Launched</text>",
                ">Retired</text>");
        // the charges by partner in EUR, the bars labelled with the partners' names
        String charges = page.substring(page.indexOf("data-testid=\"chart-revenue-partner\""));
        charges = charges.substring(0, charges.indexOf("</svg>"));
        assertThat(charges).contains("data-part=\"unit\">EUR</text>", "<title>Streamly GmbH · aaaaaaaa: 1,234.50</title>");
        assertThat(charges).containsSubsequence(">0</text>", ">500</text>", ">1,000</text>", ">1,500</text>");
        // the partners' names: one call to onboarding's organization list for the ids shown
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo(
                        "fields=id,name,tradingName&limit=1&id=aaaaaaaa-1111-4111-8111-111111111111"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String window = "from=" + today.minusDays(29) + "&to=" + today.plusDays(1);
        for (String path : new String[] {"/api/catalog/admin/kpis", "/api/orchestration/admin/kpis",
                "/api/rating/admin/kpis", "/api/settlement/admin/kpis"}) {
            StubGateway.Request request = STUB.requestsTo("GET", path).getFirst();
            assertThat(request.query()).as(path).isEqualTo(window);
            assertThat(request.authorization()).isEqualTo("Bearer auditor-token");
        }
        assertThat(STUB.requests()).hasSize(7);
    }

    @Test
    void disputeAdjustmentsShowCreditsDebitsAndTheirNetApartPerCurrency() throws Exception {
        allKpis();
        // a credit of 40 and a charge of 3.33 in EUR: dispute-service's net is 36.67 (adjusted, kept, is the net too)
        STUB.answerJson("GET", "/api/disputes/kpis", """
                {"total":3,"open":1,"openByAge":{"0-7d":1},"resolved":2,"slaBreachRate":"0.0000",
                 "amounts":{"EUR":{"disputed":"60.00","credited":"40.00","debited":"3.33","net":"36.67",
                                   "adjusted":"36.67"},
                            "USD":{"disputed":"5.00","credited":"0.00","debited":"5.00","net":"-5.00",
                                   "adjusted":"-5.00"}}}""");

        String page = mvc.perform(get("/kpis").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String disputes = page.substring(page.indexOf("id=\"kpi-disputes\""));
        assertThat(disputes).containsPattern("<th scope=\"col\"[^>]*>Currency</th>\\s*<th[^>]*>Disputed</th>\\s*"
                + "<th[^>]*>Credited to partners</th>\\s*<th[^>]*>Charged to partners</th>\\s*"
                + "<th[^>]*>Net \\(in the partners’ favour\\)</th>");
        assertThat(disputes).containsPattern("<th scope=\"row\">EUR</th>\\s*<td class=\"num\">60.00</td>\\s*"
                + "<td class=\"num\">40.00</td>\\s*<td class=\"num\">3.33</td>\\s*<td class=\"num\">36.67</td>");
        assertThat(disputes).containsPattern("<th scope=\"row\">USD</th>\\s*<td class=\"num\">5.00</td>\\s*"
                + "<td class=\"num\">0.00</td>\\s*<td class=\"num\">5.00</td>\\s*<td class=\"num\">-5.00</td>");
        assertThat(disputes).doesNotContain("Adjusted");

        String german = mvc.perform(get("/kpis").with(TestUsers.staff("finance", "finance"))
                        .header("Accept-Language", "de-DE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(german.substring(german.indexOf("id=\"kpi-disputes\""))).contains("Gutschriften an Partner",
                "Nachbelastungen von Partnern", "Saldo (zugunsten der Partner)").doesNotContain("Angepasst")
                .containsPattern("<th scope=\"row\">EUR</th>\\s*<td class=\"num\">60,00</td>\\s*"
                        + "<td class=\"num\">40,00</td>\\s*<td class=\"num\">3,33</td>\\s*"
                        + "<td class=\"num\">36,67</td>");
    }

    @Test
    void opsDoNotAskForOnboardingAndAServiceThatIsDownLeavesTheOthersShown() throws Exception {
        allKpis();
        STUB.answerJson("GET", "/api/settlement/admin/kpis", 503, "{\"title\":\"Service Unavailable\"}", Map.of());

        String page = mvc.perform(get("/kpis?days=7").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(STUB.requestsTo("GET", "/api/onboarding/admin/kpis")).isEmpty();
        assertThat(page).contains("Your role does not read these figures.",
                "These figures are not available right now.", "data-testid=\"kpi.orders.falloutRate\">25.0 %<");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(STUB.requestsTo("GET", "/api/rating/admin/kpis").getFirst().query())
                .isEqualTo("from=" + today.minusDays(6) + "&to=" + today.plusDays(1));
    }

    @Test
    void germanUsersReadGermanLabelsAndNumbers() throws Exception {
        allKpis();

        String page = mvc.perform(get("/kpis").with(TestUsers.staff("finance", "finance"))
                        .header("Accept-Language", "de-DE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Kennzahlen", "Abrechnung", "Fallout-Quote",
                "data-testid=\"kpi.settlement.lineMatchRate\">75,0 %<", "Werte als Tabelle");
        assertThat(page).containsPattern("<td class=\"num\">1\\.234,50</td>");
        assertThat(page).contains("Werte in Produktangebote von 0 bis 15", "data-part=\"unit\">Produktangebote</text>",
                ">1.500</text>");
        // suspense reasons in words, not the rating service's codes
        assertThat(page).contains(">Kein Preis für die Nutzungsart<", ">Zu alt<").doesNotContain("NO_PRICE", "TOO_OLD");
    }

    @Test
    void aPartnerOnboardingDoesNotNameShowsAsItsIdAndSoDoesEveryPartnerWhenOnboardingIsDown() throws Exception {
        allKpis();
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", "[]");

        String unknown = mvc.perform(get("/kpis").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).containsPattern("<th scope=\"row\">aaaaaaaa</th>\\s*<td class=\"num\">EUR</td>");

        STUB.answerJson("GET", "/tmf-api/party/v4/organization", 503, "{\"title\":\"Service Unavailable\"}", Map.of());
        String down = mvc.perform(get("/kpis").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(down).containsPattern("<th scope=\"row\">aaaaaaaa</th>\\s*<td class=\"num\">EUR</td>")
                .contains("data-testid=\"kpi.rating.perSecond\">25.00<");
    }

    @Test
    void partnersDoNotSeeKpisAndAnUnknownWindowIsABadRequest() throws Exception {
        mvc.perform(get("/kpis").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/kpis?days=14").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("A window of 14 days is not offered. The KPIs cover one of these windows: 7, 30, 90 days."),
                        containsString("<select id=\"kpi-days\" name=\"days\">"))));
        mvc.perform(get("/kpis?days=lots").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A window of lots days is not offered.")));
        assertThat(STUB.requests()).isEmpty();
    }
}
