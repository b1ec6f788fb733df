package io.accord.portal.settlementrun;

import java.util.Map;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SettlementRunsControllerTests extends PortalTestSupport {

    SettlementRunsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/api/settlement";
    private static final String RUN = "9a000000-0000-4000-8000-000000000001";
    private static final String PERIOD = "9e000000-0000-4000-8000-000000000002";
    private static final String OTHER_PERIOD = "9e000000-0000-4000-8000-000000000003";
    private static final String STATEMENT = "57000000-0000-4000-8000-000000000004";

    private static String run(String state, int done) {
        return """
                {"id":"%s","state":"%s","requestedBy":"fiona","total":2,"done":%d,"failed":0,
                 "startedAt":"2026-12-01T10:00:00Z","finishedAt":null}""".formatted(RUN, state, done);
    }

    private static String period(String id) {
        return """
                {"id":"%s","partnerId":"%s","cycle":"MONTHLY","startAt":"2026-12-01T00:00:00Z",
                 "endAt":"2027-01-01T00:00:00Z","state":"OPEN"}""".formatted(id, PARTNER_A);
    }

    private void stubOverview() {
        STUB.answerJson("GET", API + "/runs", 200, "[" + run("RUNNING", 1) + "]", Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", API + "/periods", 200, "[" + period(PERIOD) + "]", Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", API + "/fx-rates", """
                [{"baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9214","validFrom":"2026-11-30T00:00:00Z",
                  "loadedBy":"fiona"}]""");
    }

    @Test
    void financeSeesRunsWithProgressOpenPeriodsAndRatesWithTheirActions() throws Exception {
        stubOverview();

        mvc.perform(get("/settlement-runs").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("9a000000"), containsString(">Running<"),
                        containsString("1 of 2 periods done, 0 failed"), containsString("value=\"50\""),
                        containsString("11111111"), containsString(">Monthly<"), not(containsString("MONTHLY")),
                        containsString("2026-12-01 00:00"),
                        containsString("USD → EUR"), containsString("0.9214"),
                        containsString("Start a run for every partner"), containsString("Close selected early"),
                        containsString("<label for=\"fx-base\""), containsString("<label for=\"early-close-reason\""),
                        containsString("name=\"periodId\""))));
        assertThat(STUB.requestsTo("GET", API + "/periods").getFirst().query())
                .isEqualTo("state=OPEN&offset=0&limit=25");
        assertThat(STUB.requests()).allMatch(r -> "Bearer finance-token".equals(r.authorization()));
    }

    @Test
    void auditorsAndOpsReadWithoutActionsAndAreRefusedThem() throws Exception {
        stubOverview();
        for (String role : new String[] {"auditor", "ops"}) {
            mvc.perform(get("/settlement-runs").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("1 of 2 periods done"),
                            containsString("finance starts runs"), not(containsString("Start a run")),
                            not(containsString("Close selected")), not(containsString("name=\"periodId\"")),
                            not(containsString("Load rate")))));
        }
        STUB.reset();
        var auditor = TestUsers.staff("auditor", "auditor");
        mvc.perform(post("/settlement-runs").param("scope", "all").with(csrf()).with(auditor))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settlement-runs/early-close").param("periodId", PERIOD).param("reason", "x")
                .with(csrf()).with(auditor)).andExpect(status().isForbidden());
        mvc.perform(post("/settlement-runs/fx-rates").param("baseCurrency", "USD").with(csrf()).with(auditor))
                .andExpect(status().isForbidden());
        // platform admins load rates but do not start runs (settlement says the same)
        mvc.perform(post("/settlement-runs").param("scope", "all").with(csrf())
                .with(TestUsers.staff("platform-admin", "platform-admin"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void startingARunForEveryPartnerSendsNoPartnersAndOpensTheRun() throws Exception {
        STUB.answerJson("POST", API + "/runs", 202, run("RUNNING", 0), Map.of());

        mvc.perform(post("/settlement-runs").param("scope", "all").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settlement-runs/" + RUN));
        assertThat(STUB.requestsTo("POST", API + "/runs").getFirst().body()).isEqualTo("{\"partnerIds\":[]}");
    }

    @Test
    void startingARunForSelectedPeriodsSendsTheirPartners() throws Exception {
        STUB.answerJson("GET", API + "/periods/" + PERIOD, period(PERIOD));
        STUB.answerJson("POST", API + "/runs", 202, run("RUNNING", 0), Map.of());

        mvc.perform(post("/settlement-runs").param("scope", "selected").param("periodId", PERIOD).with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.requestsTo("POST", API + "/runs").getFirst().body())
                .isEqualTo("{\"partnerIds\":[\"" + PARTNER_A + "\"]}");
    }

    @Test
    void closingEarlyClosesEachSelectedPeriodAndNamesTheOnesThatCannotClose() throws Exception {
        STUB.answerJson("POST", API + "/periods/" + PERIOD + "/early-close", "[" + period(PERIOD) + "]");
        STUB.answerJson("POST", API + "/periods/" + OTHER_PERIOD + "/early-close", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"period has ended\"}", Map.of());

        mvc.perform(post("/settlement-runs/early-close").param("periodId", PERIOD, OTHER_PERIOD)
                        .param("reason", "partner terminated").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("closedEarly", 1))
                .andExpect(flash().attribute("refusals", java.util.List.of("9e000000: period has ended")));
        assertThat(STUB.requestsTo("POST", API + "/periods/" + PERIOD + "/early-close").getFirst().body())
                .isEqualTo("{\"reason\":\"partner terminated\"}");
    }

    @Test
    void badInputIsABadRequestThatChangesNothing() throws Exception {
        stubOverview();
        var finance = TestUsers.staff("finance", "finance");

        mvc.perform(post("/settlement-runs/early-close").param("periodId", PERIOD).param("reason", " ")
                        .with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter the reason for closing early.")));
        mvc.perform(post("/settlement-runs").param("scope", "selected").with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Select at least one period")));
        mvc.perform(post("/settlement-runs/fx-rates").param("baseCurrency", "USD").param("quoteCurrency", "EUR")
                        .param("rate", "abc").param("validFrom", "2026-12-01T00:00").with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter the rate as a positive decimal number."),
                        // the rate marked and tied to the message, what was typed kept
                        containsString("value=\"abc\" aria-invalid=\"true\" aria-describedby=\"settlement-error\""),
                        containsString("value=\"USD\""), containsString("value=\"2026-12-01T00:00\""),
                        not(containsString("value=\"EUR\" aria-invalid")))));
        mvc.perform(post("/settlement-runs/fx-rates").param("baseCurrency", "EUR").param("quoteCurrency", "eur")
                        .param("rate", "1").param("validFrom", "2026-12-01T00:00").with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("two different ISO currency codes")));
        assertThat(STUB.requests()).extracting(r -> r.method()).containsOnly("GET");
    }

    @Test
    void loadingARateSendsItValidFromTheInstantInUtc() throws Exception {
        STUB.answerJson("POST", API + "/fx-rates", 201, "{\"id\":\"x\"}", Map.of());

        mvc.perform(post("/settlement-runs/fx-rates").header("Accept-Language", "de").param("baseCurrency", "usd")
                        .param("quoteCurrency", "EUR").param("rate", "0,9214").param("validFrom", "2026-12-01T00:00")
                        .with(csrf()).with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("rateLoaded", "USD/EUR 0.9214"));
        assertThat(STUB.requestsTo("POST", API + "/fx-rates").getFirst().body()).isEqualTo(
                "{\"baseCurrency\":\"USD\",\"quoteCurrency\":\"EUR\",\"rate\":\"0.9214\","
                        + "\"validFrom\":\"2026-12-01T00:00:00Z\"}");
    }

    @Test
    void aRateIsReadInTheUsersLanguageNotWithEveryCommaAsADecimalMark() throws Exception {
        STUB.answerJson("POST", API + "/fx-rates", 201, "{\"id\":\"x\"}", Map.of());

        mvc.perform(post("/settlement-runs/fx-rates").param("baseCurrency", "EUR").param("quoteCurrency", "KRW")
                        .param("rate", "1,450.25").param("validFrom", "2026-12-01T00:00").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("rateLoaded", "EUR/KRW 1450.25"));
        stubOverview();
        mvc.perform(post("/settlement-runs/fx-rates").param("baseCurrency", "EUR").param("quoteCurrency", "KRW")
                        .param("rate", "1,45").param("validFrom", "2026-12-01T00:00").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requestsTo("POST", API + "/fx-rates")).hasSize(1);
    }

    @Test
    void aRateOfThatPairAndInstantExistsIsAConflictOnThePage() throws Exception {
        STUB.answerJson("POST", API + "/fx-rates", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"USD/EUR from 2026-12-01 exists\"}", Map.of());
        stubOverview();

        mvc.perform(post("/settlement-runs/fx-rates").param("baseCurrency", "USD").param("quoteCurrency", "EUR")
                        .param("rate", "1.1").param("validFrom", "2026-12-01T00:00").with(csrf())
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("exists already"),
                        containsString("USD/EUR from 2026-12-01 exists"))));
    }

    @Test
    void aRunPageShowsProgressAndTheStatementsItDraftedAndPollsWhileRunning() throws Exception {
        STUB.answerJson("GET", API + "/runs/" + RUN, run("RUNNING", 1));
        STUB.answerJson("GET", API + "/runs/" + RUN + "/items", 200, """
                [{"periodId":"%s","partnerId":"%s","periodStart":"2026-11-01T00:00:00Z",
                  "periodEnd":"2026-12-01T00:00:00Z","status":"DONE","error":null,
                  "statement":{"id":"%s","state":"DRAFT","documentNumber":null,"totalAmount":18.27,"currency":"EUR"}},
                 {"periodId":"%s","partnerId":"%s","periodStart":"2026-11-01T00:00:00Z",
                  "periodEnd":"2026-12-01T00:00:00Z","status":"FAILED","error":"no FX rate USD/EUR","statement":null}]"""
                .formatted(PERIOD, PARTNER_A, STATEMENT, OTHER_PERIOD, PARTNER_A), Map.of("X-Total-Count", "2"));

        mvc.perform(get("/settlement-runs/" + RUN).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"run-state\">Running<"),
                        containsString("1 of 2 periods done"), containsString(">Draft<"),
                        containsString("href=\"/statements/" + STATEMENT + "\" title=\"" + STATEMENT + "\">57000000</a>"),
                        containsString("18.27 EUR"), containsString("no FX rate USD/EUR"),
                        containsString("hx-get=\"/settlement-runs/" + RUN + "/progress\""),
                        containsString("every 2s"),
                        // a title of its own, not the list's
                        containsString("<title>Settlement run 9a000000, started 2026-12-01 10:00 UTC · Accord</title>"))));
        STUB.answerJson("GET", API + "/runs/" + RUN, run("COMPLETED", 2));
        mvc.perform(get("/settlement-runs/" + RUN + "/progress").header("HX-Request", "true")
                        .with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Completed<"), not(containsString("<html")),
                        not(containsString("hx-get")))));
    }

    @Test
    void periodsAndRunItemsNameTheirPartnersWithTheIdBesideAndAnUnknownPartnerAsItsId() throws Exception {
        String unknown = "22222222-2222-4222-8222-222222222222";
        stubOverview();
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));

        mvc.perform(get("/settlement-runs").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span class=\"partner-name\" title=\"" + PARTNER_A + "\"><span>Streamly GmbH"
                                + "</span><small class=\"muted partner-id\">11111111</small></span>"),
                        containsString("aria-label=\"Select the period of partner Streamly GmbH from 2026-12-01 00:00\""))));
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("fields=id,name,tradingName&limit=1&id=" + PARTNER_A);
            assertThat(r.authorization()).isEqualTo("Bearer finance-token");
        });

        STUB.reset();
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));
        STUB.answerJson("GET", API + "/runs/" + RUN, run("COMPLETED", 2));
        STUB.answerJson("GET", API + "/runs/" + RUN + "/items", 200, """
                [{"periodId":"%s","partnerId":"%s","periodStart":"2026-11-01T00:00:00Z",
                  "periodEnd":"2026-12-01T00:00:00Z","status":"DONE","error":null,"statement":null},
                 {"periodId":"%s","partnerId":"%s","periodStart":"2026-11-01T00:00:00Z",
                  "periodEnd":"2026-12-01T00:00:00Z","status":"DONE","error":null,"statement":null},
                 {"periodId":"%s","partnerId":"%s","periodStart":"2026-10-01T00:00:00Z",
                  "periodEnd":"2026-11-01T00:00:00Z","status":"DONE","error":null,"statement":null}]"""
                .formatted(PERIOD, PARTNER_A, OTHER_PERIOD, unknown, PERIOD, PARTNER_A), Map.of("X-Total-Count", "3"));

        mvc.perform(get("/settlement-runs/" + RUN).with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span>Streamly GmbH</span>"),
                        containsString("<span class=\"partner-name\" title=\"" + unknown + "\"><span>22222222</span></span>"))));
        // one call for the page, each partner once
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo(
                        "fields=id,name,tradingName&limit=2&id=" + PARTNER_A + "&id=" + unknown));
    }

    @Test
    void partnersDoNotOpenSettlementRuns() throws Exception {
        mvc.perform(get("/settlement-runs").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
