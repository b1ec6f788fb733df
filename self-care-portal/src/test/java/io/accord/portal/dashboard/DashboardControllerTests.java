package io.accord.portal.dashboard;

import java.time.Instant;
import java.time.YearMonth;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DashboardControllerTests extends PortalTestSupport {

    DashboardControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ROLLUPS = "/api/rating/rollups";

    private void partnerData() {
        String day = java.time.LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z";
        STUB.answerJson("GET", ROLLUPS, """
                {"granularity":"day","rows":[
                 {"bucket":"%s","partnerId":"%s","billedUnit":"S","currency":"EUR","quantity":"180",
                  "charge":"1.800000","partnerShare":"0.540000","wholesale":"0.000000","margin":"1.260000","records":2},
                 {"bucket":"%s","partnerId":"%s","billedUnit":"S","currency":"EUR","quantity":"20",
                  "charge":"3.000000","partnerShare":"1.000005","wholesale":"0.000000","margin":"2.000000","records":3}]}"""
                .formatted(day, PARTNER_A, day, PARTNER_A));
        STUB.answerJson("GET", "/api/disputes/kpis", "{\"total\":5,\"open\":2}");
        STUB.answerJson("GET", "/api/settlement/statements", 200, """
                [{"id":"5b0d2c0e-0000-4000-8000-000000000001","documentNumber":"ST-2026-000042","state":"ISSUED",
                  "currency":"EUR","totalAmount":18.27}]""", Map.of("X-Total-Count", "3"));
    }

    @Test
    void aPartnerSeesThisMonthsRevenueUsageOpenDisputesAndStatementsDue() throws Exception {
        partnerData();

        mvc.perform(get("/dashboard").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Your revenue (your share)"), containsString("1.54 EUR"),
                        containsString("Charged to customers of your offerings: 4.80 EUR"), containsString("200 s"),
                        not(containsString("You owe")),
                        containsString(">5<"),
                        containsString("href=\"/statements/5b0d2c0e-0000-4000-8000-000000000001\""
                                + " title=\"5b0d2c0e-0000-4000-8000-000000000001\">ST-2026-000042</a>"),
                        containsString("data-testid=\"open-disputes\">2<"),
                        containsString("data-testid=\"revenue-today\">1.54 EUR<"),
                        containsString("data-testid=\"statements-due\">3<"))));

        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        StubGateway.Request rollups = STUB.requestsTo("GET", ROLLUPS).getFirst();
        assertThat(rollups.query()).contains("from=" + month.atDay(1), "to=" + month.plusMonths(1).atDay(1),
                "granularity=hour", "groupBy=partner");
        assertThat(STUB.requests()).as("every data call carries the partner's own token")
                .hasSize(4).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer partner-token"));
    }

    @Test
    void aResellerSeesTheWholesaleItOwesNotARevenueOfNothing() throws Exception {
        partnerData();
        String day = java.time.LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z";
        // RESELL usage: the charge is the wholesale the reseller owes, its share is none
        STUB.answerJson("GET", ROLLUPS, """
                {"granularity":"hour","rows":[
                 {"bucket":"%s","partnerId":"%s","billedUnit":"MIN","currency":"EUR","quantity":"16.85",
                  "charge":"0.168500","partnerShare":"0.000000","wholesale":"0.168500","margin":"0.168500","records":6}]}"""
                .formatted(day, PARTNER_A));

        mvc.perform(get("/dashboard").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("You owe (wholesale)"),
                        containsString("data-testid=\"wholesale\">0.17 EUR<"),
                        containsString("for usage of offerings you resell"),
                        not(containsString("data-testid=\"revenue\"")), not(containsString("Charged to customers")))));
    }

    @Test
    void todaysRevenueByHourAndTheMonthsByDayAreAccessibleSvgChartsWithTheirFigures() throws Exception {
        partnerData();

        String page = mvc.perform(get("/dashboard").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-testid=\"chart-today\"", "Revenue today (UTC) by hour in EUR", "Today (UTC)",
                "data-testid=\"chart-month\"", "Daily revenue in EUR", "role=\"img\"",
                "aria-labelledby=\"chart-today-title chart-today-desc\"");
        // the rows of the test are both in today's first hour: 0.54 + 1.000005
        assertThat(page).containsPattern("<th scope=\"row\">00:00</th>\\s*<td class=\"num\">1.54</td>");
        assertThat(page).containsPattern("<th scope=\"row\">01:00</th>\\s*<td class=\"num\">0.00</td>");
        // a value axis in EUR rounded up to 2.0 in steps of 0.5, every third hour labelled under the bars
        String today = page.substring(page.indexOf("data-testid=\"chart-today\""));
        today = today.substring(0, today.indexOf("</svg>"));
        assertThat(today).contains("data-part=\"unit\">EUR</text>",
                "values in EUR from 0 to 2.0; the figures follow as a table.");
        assertThat(today).containsSubsequence(">0.0</text>", ">0.5</text>", ">1.0</text>", ">1.5</text>", ">2.0</text>");
        assertThat(today).containsSubsequence(">00:00</text>", ">03:00</text>", ">06:00</text>", ">21:00</text>")
                .doesNotContain(">01:00</text>", ">23:00</text>");
        assertThat(today).contains("<title>00:00: 1.54</title>");
    }

    @Test
    void germanBrowsersGetGermanLabels() throws Exception {
        partnerData();

        mvc.perform(get("/dashboard").with(TestUsers.partner("partner-user")).header("Accept-Language", "de-DE"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"de\""), containsString("Ihr Umsatz"),
                        containsString("Offene Reklamationen"), containsString("1,54 EUR"),
                        not(containsString("Your revenue")))));
    }

    @Test
    void theUsagePanelRefreshesAloneForHtmx() throws Exception {
        partnerData();

        mvc.perform(get("/dashboard/usage").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"usage\""), containsString("hx-trigger=\"every 30s\""),
                        containsString("1.54 EUR"), not(containsString("<html")))));
        assertThat(STUB.requests()).hasSize(1);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheGatewayIsCalled() throws Exception {
        partnerData();
        STUB.answerJson("POST", "/realms/accord/protocol/openid-connect/token", """
                {"access_token":"refreshed-token","token_type":"Bearer","expires_in":900,
                 "refresh_token":"refresh-2","scope":"openid profile email"}""");

        mvc.perform(get("/dashboard").with(TestUsers.user("partner-admin", "expired-token",
                        Instant.now().minusSeconds(120), "refresh-1", PARTNER_A, "partner-admin")))
                .andExpect(status().isOk());

        StubGateway.Request refresh = STUB.requestsTo("POST", "/realms/accord/protocol/openid-connect/token")
                .getFirst();
        assertThat(refresh.body()).contains("grant_type=refresh_token", "refresh_token=refresh-1",
                "client_id=self-care-portal");
        assertThat(STUB.requestsTo("GET", ROLLUPS).getFirst().authorization()).isEqualTo("Bearer refreshed-token");
    }

    /**
     * Once a page without an answer for as long as Keycloak was frozen ({@code SIGSTOP}): Spring's token client has
     * no timeouts. A refresh Keycloak does not answer (here within the tests' 1 s read timeout), or answers without a
     * token (restarting: 503), shows the "not available" page, and the gateway is not called with a stale token.
     */
    @Test
    void aTokenRefreshKeycloakDoesNotAnswerShowsThatAServiceIsNotAvailable() throws Exception {
        partnerData();
        String token = "/realms/accord/protocol/openid-connect/token";
        java.util.concurrent.CountDownLatch keycloak = STUB.hold("POST", token);
        long started = System.nanoTime();
        try {
            mvc.perform(get("/dashboard").with(TestUsers.user("partner-admin", "expired-token",
                            Instant.now().minusSeconds(120), "refresh-1", PARTNER_A, "partner-admin")))
                    .andExpect(status().isBadGateway())
                    .andExpect(content().string(containsString("A service is not available right now")));
        } finally {
            keycloak.countDown();
        }
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
        STUB.answerJson("POST", token, 503, "{\"title\":\"Service Unavailable\",\"status\":503}", Map.of());
        mvc.perform(get("/dashboard").with(TestUsers.user("partner-admin", "expired-token",
                        Instant.now().minusSeconds(120), "refresh-1", PARTNER_A, "partner-admin")))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(containsString("A service is not available right now")));
        assertThat(STUB.requestsTo("POST", token)).hasSize(2);
        assertThat(STUB.requestsTo("GET", ROLLUPS)).isEmpty();
    }

    @Test
    void staffDoNotGetThePartnerDashboardButTheirOwnStartPage() throws Exception {
        mvc.perform(get("/dashboard").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aGatewayThatIsDownShowsAnErrorPageNotA500() throws Exception {
        STUB.answerJson("GET", ROLLUPS, 503, "{\"title\":\"Service Unavailable\",\"status\":503}", Map.of());

        mvc.perform(get("/dashboard").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(containsString("A service is not available right now")));
    }
}
