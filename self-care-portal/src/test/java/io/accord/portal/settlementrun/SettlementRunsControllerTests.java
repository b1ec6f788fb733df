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
                        containsString("name=\"periodId\""),
                        // a rate without an id (a service before four-eyes) gets no form posting to no rate
                        not(containsString("fx-rates//")))));
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

    private static final String PROPOSED_BY_FIONA = "f0000000-0000-4000-8000-000000000001";
    private static final String CONFIRMED_RATE = "f0000000-0000-4000-8000-000000000002";
    private static final String SUPERSEDED_RATE = "f0000000-0000-4000-8000-000000000003";

    /** A proposed correction fiona loaded, the confirmed rate it corrects, and a version superseded before. */
    private void stubFourEyesRates() {
        STUB.answerJson("GET", API + "/runs", 200, "[]", Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", API + "/periods", 200, "[]", Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", API + "/fx-rates", 200, """
                [{"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9215",
                  "validFrom":"2026-12-01T00:00:00Z","loadedBy":"fiona","loadedAt":"2026-12-01T09:00:00Z",
                  "state":"PROPOSED","confirmedBy":null,"confirmedAt":null,"corrects":"%s",
                  "correctionReason":"typo in the 4th decimal"},
                 {"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9251",
                  "validFrom":"2026-12-01T00:00:00Z","loadedBy":"frank","loadedAt":"2026-11-30T09:00:00Z",
                  "state":"CONFIRMED","confirmedBy":"fiona","confirmedAt":"2026-11-30T10:00:00Z"},
                 {"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9",
                  "validFrom":"2026-11-01T00:00:00Z","loadedBy":"frank","state":"SUPERSEDED",
                  "confirmedBy":"fiona","supersededBy":"frank","supersededAt":"2026-11-02T08:00:00Z"}]"""
                .formatted(PROPOSED_BY_FIONA, CONFIRMED_RATE, CONFIRMED_RATE, SUPERSEDED_RATE),
                Map.of("X-Total-Count", "3"));
    }

    private static String confirmForm(String id) {
        return "action=\"/settlement-runs/fx-rates/" + id + "/confirmation\"";
    }

    private static String correctForm(String id) {
        return "action=\"/settlement-runs/fx-rates/" + id + "/correction\"";
    }

    @Test
    void theRateListShowsEachVersionsStateWhoLoadedAndConfirmedItAndOnlyTheActionsTheUserMayTake() throws Exception {
        stubFourEyesRates();

        // a second finance user: confirms fiona's proposal, corrects the confirmed rate, nothing on a superseded one
        mvc.perform(get("/settlement-runs").with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Proposed<"), containsString(">Confirmed<"),
                        containsString(">Superseded<"), not(containsString(">PROPOSED<")),
                        containsString("corrects f0000000: typo in the 4th decimal"),
                        containsString("Awaits a second finance user"), containsString("since 2026-11-02 08:00"),
                        containsString("2026-11-30 10:00"), containsString(confirmForm(PROPOSED_BY_FIONA)),
                        containsString("aria-label=\"Confirm the rate USD → EUR 0.9215 valid from 2026-12-01 00:00\""),
                        containsString(correctForm(CONFIRMED_RATE)),
                        containsString("<label for=\"fx-correct-rate-" + CONFIRMED_RATE + "\""),
                        not(containsString(confirmForm(CONFIRMED_RATE))), not(containsString(correctForm(PROPOSED_BY_FIONA))),
                        not(containsString(confirmForm(SUPERSEDED_RATE))), not(containsString(correctForm(SUPERSEDED_RATE))),
                        not(containsString("data-testid=\"own-rate\"")))));
        // whoever loaded (or corrected) a proposal is not offered its confirmation (settlement would answer 409)
        mvc.perform(get("/settlement-runs").with(TestUsers.staff("fiona", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString(confirmForm(PROPOSED_BY_FIONA))),
                        containsString("You loaded or corrected this rate"), containsString(correctForm(CONFIRMED_RATE)))));
        // platform admins load and correct, never confirm; auditors and ops read the states only
        mvc.perform(get("/settlement-runs").with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("/confirmation\"")),
                        containsString(correctForm(CONFIRMED_RATE)))));
        for (String role : new String[] {"auditor", "ops"}) {
            mvc.perform(get("/settlement-runs").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(">Proposed<"), containsString(">Confirmed<"),
                            not(containsString("/confirmation\"")), not(containsString("/correction\"")))));
        }
    }

    @Test
    void aSecondFinanceUserConfirmsAProposedRate() throws Exception {
        STUB.answerJson("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation", 200, """
                {"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9215","state":"CONFIRMED",
                 "confirmedBy":"frank"}""".formatted(PROPOSED_BY_FIONA), Map.of());

        mvc.perform(post("/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation").with(csrf())
                        .with(TestUsers.staff("frank", "finance")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settlement-runs"))
                .andExpect(flash().attribute("rateConfirmed", "USD/EUR 0.9215"));
        assertThat(STUB.requestsTo("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation"))
                .singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer finance-token"));
    }

    @Test
    void settlementsFourEyesRefusalOfAConfirmationIsAReadableConflictOnThePage() throws Exception {
        stubFourEyesRates();
        STUB.answerJson("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"fiona loaded this rate: a second finance "
                        + "user confirms it\"}", Map.of());

        mvc.perform(post("/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation").with(csrf())
                        .with(TestUsers.staff("fiona", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Settlement did not confirm this rate."),
                        containsString("fiona loaded this rate: a second finance user confirms it"),
                        containsString("<h1>Settlement runs</h1>"))));
        STUB.answerJson("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation", 404,
                "{\"title\":\"Not Found\",\"status\":404}", Map.of());
        mvc.perform(post("/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation").with(csrf())
                        .with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This FX rate does not exist (any more).")));
    }

    @Test
    void onlyFinanceConfirmsOnlyFinanceAndPlatformAdminsCorrectAndNeitherWithoutTheFormsToken() throws Exception {
        String confirm = "/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/confirmation";
        String correct = "/settlement-runs/fx-rates/" + CONFIRMED_RATE + "/correction";
        mvc.perform(post(confirm).with(csrf()).with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isForbidden());
        for (String role : new String[] {"auditor", "ops"}) {
            mvc.perform(post(confirm).with(csrf()).with(TestUsers.staff(role, role)))
                    .andExpect(status().isForbidden());
            mvc.perform(post(correct).param("rate", "1.1").param("reason", "typo").with(csrf())
                    .with(TestUsers.staff(role, role))).andExpect(status().isForbidden());
        }
        mvc.perform(post(confirm).with(TestUsers.staff("frank", "finance"))).andExpect(status().isForbidden());
        mvc.perform(post(correct).param("rate", "1.1").param("reason", "typo")
                .with(TestUsers.staff("frank", "finance"))).andExpect(status().isForbidden());
        mvc.perform(post("/settlement-runs/fx-rates/not-a-uuid/confirmation").with(csrf())
                .with(TestUsers.staff("frank", "finance"))).andExpect(status().isBadRequest());
        assertThat(STUB.requests()).isEmpty();
    }

    private static final String REJECTED_RATE = "f0000000-0000-4000-8000-000000000004";

    private static String rejectForm(String id) {
        return "action=\"/settlement-runs/fx-rates/" + id + "/rejection\"";
    }

    /** fiona's proposal and a proposal fred rejected. */
    private void stubProposedAndRejectedRates() {
        STUB.answerJson("GET", API + "/runs", 200, "[]", Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", API + "/periods", 200, "[]", Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", API + "/fx-rates", 200, """
                [{"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9215",
                  "validFrom":"2026-12-01T00:00:00Z","loadedBy":"fiona","state":"PROPOSED"},
                 {"id":"%s","baseCurrency":"GBP","quoteCurrency":"EUR","rate":"11.5",
                  "validFrom":"2026-12-01T00:00:00Z","loadedBy":"fiona","state":"REJECTED","rejectedBy":"fred",
                  "rejectedAt":"2026-12-01T10:00:00Z","rejectionReason":"decimal point"}]"""
                .formatted(PROPOSED_BY_FIONA, REJECTED_RATE), Map.of("X-Total-Count", "2"));
    }

    @Test
    void aSecondFinanceUserIsOfferedToRejectAProposalItsLoaderToWithdrawItAndARejectedOneSaysWhoAndWhy()
            throws Exception {
        stubProposedAndRejectedRates();

        mvc.perform(get("/settlement-runs").with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(rejectForm(PROPOSED_BY_FIONA)),
                        containsString(">Reject<"), not(containsString(">Withdraw<")),
                        containsString("<label for=\"fx-reject-reason-" + PROPOSED_BY_FIONA + "\""),
                        containsString("aria-label=\"Reject (or, if you loaded it, withdraw) the rate USD → EUR "
                                + "0.9215"),
                        containsString(">Rejected<"), containsString("by fred: decimal point"),
                        not(containsString(rejectForm(REJECTED_RATE))), not(containsString(confirmForm(REJECTED_RATE))),
                        not(containsString(correctForm(REJECTED_RATE))))));
        mvc.perform(get("/settlement-runs").header("Accept-Language", "de").with(TestUsers.staff("fiona", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(rejectForm(PROPOSED_BY_FIONA)),
                        containsString(">Zurückziehen<"), containsString(">Abgelehnt<"),
                        not(containsString(confirmForm(PROPOSED_BY_FIONA))))));
        for (String role : new String[] {"platform-admin", "auditor", "ops"}) {
            mvc.perform(get("/settlement-runs").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(">Rejected<"),
                            not(containsString("/rejection\"")))));
        }
    }

    @Test
    void aProposedRateIsRejectedWithItsReasonAndARefusalIsReadableOnThePage() throws Exception {
        STUB.answerJson("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/rejection", 200, """
                {"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9215","state":"REJECTED",
                 "rejectedBy":"frank"}""".formatted(PROPOSED_BY_FIONA), Map.of());

        mvc.perform(post("/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/rejection")
                        .param("reason", "  wrong fixing ").with(csrf()).with(TestUsers.staff("frank", "finance")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settlement-runs"))
                .andExpect(flash().attribute("rateRejected", "USD/EUR 0.9215"));
        assertThat(STUB.requestsTo("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/rejection"))
                .singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("{\"reason\":\"wrong fixing\"}"));

        stubProposedAndRejectedRates();
        STUB.answerJson("POST", API + "/fx-rates/" + PROPOSED_BY_FIONA + "/rejection", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Cannot reject FX rate: it is CONFIRMED, not "
                        + "PROPOSED\"}", Map.of());
        mvc.perform(post("/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/rejection").param("reason", "late")
                        .with(csrf()).with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Settlement did not reject this rate."),
                        containsString("it is CONFIRMED, not PROPOSED"), containsString("<details open"),
                        containsString("value=\"late\""))));
    }

    @Test
    void aRejectionWithoutAReasonSendsNothingAndOnlyFinanceRejects() throws Exception {
        stubProposedAndRejectedRates();
        String reject = "/settlement-runs/fx-rates/" + PROPOSED_BY_FIONA + "/rejection";

        mvc.perform(post(reject).param("reason", " ").with(csrf()).with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter the reason for the rejection."),
                        containsString("aria-invalid=\"true\" aria-describedby=\"settlement-error\""))));
        for (String role : new String[] {"platform-admin", "auditor", "ops"}) {
            mvc.perform(post(reject).param("reason", "x").with(csrf()).with(TestUsers.staff(role, role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(reject).param("reason", "x").with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).extracting(r -> r.method()).containsOnly("GET");
    }

    @Test
    void aCorrectionIsProposedWithItsRateInTheUsersLanguageAndItsReason() throws Exception {
        STUB.answerJson("POST", API + "/fx-rates/" + CONFIRMED_RATE + "/correction", 201, """
                {"id":"%s","baseCurrency":"USD","quoteCurrency":"EUR","rate":"0.9215","state":"PROPOSED"}"""
                .formatted(PROPOSED_BY_FIONA), Map.of());

        mvc.perform(post("/settlement-runs/fx-rates/" + CONFIRMED_RATE + "/correction")
                        .header("Accept-Language", "de").param("rate", "0,9215")
                        .param("reason", "  Tippfehler in der 4. Stelle ").with(csrf())
                        .with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settlement-runs"))
                .andExpect(flash().attribute("rateCorrected", "USD/EUR 0.9215"));
        assertThat(STUB.requestsTo("POST", API + "/fx-rates/" + CONFIRMED_RATE + "/correction").getFirst().body())
                .isEqualTo("{\"rate\":\"0.9215\",\"reason\":\"Tippfehler in der 4. Stelle\"}");
    }

    @Test
    void aCorrectionAnIssuedStatementBlocksIsAReadableConflictWithWhatWasTypedKept() throws Exception {
        stubFourEyesRates();
        STUB.answerJson("POST", API + "/fx-rates/" + CONFIRMED_RATE + "/correction", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"issued statements converted at this rate: "
                        + "ACC-2026-000042 (57000000-0000-4000-8000-000000000004); correct them with a credit or debit "
                        + "note\"}", Map.of());

        mvc.perform(post("/settlement-runs/fx-rates/" + CONFIRMED_RATE + "/correction").param("rate", "0.9215")
                        .param("reason", "typo").with(csrf()).with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Settlement did not accept this correction."),
                        containsString("ACC-2026-000042"), containsString("correct them with a credit or debit note"),
                        // the row's form open again, what was typed kept
                        containsString("<details open"), containsString("value=\"0.9215\""),
                        containsString("value=\"typo\""))));
        STUB.answerJson("POST", API + "/fx-rates/" + CONFIRMED_RATE + "/correction", 400,
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"rate: at most 10 decimals\"}", Map.of());
        mvc.perform(post("/settlement-runs/fx-rates/" + CONFIRMED_RATE + "/correction").param("rate", "0.9215")
                        .param("reason", "typo").with(csrf()).with(TestUsers.staff("frank", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Settlement did not accept this rate."),
                        containsString("rate: at most 10 decimals"))));
    }

    @Test
    void aCorrectionWithoutAValidRateOrAReasonIsABadRequestThatSendsNothing() throws Exception {
        stubFourEyesRates();
        var finance = TestUsers.staff("frank", "finance");
        String correct = "/settlement-runs/fx-rates/" + CONFIRMED_RATE + "/correction";

        mvc.perform(post(correct).param("rate", "-1").param("reason", "typo").with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter the rate as a positive decimal number."),
                        containsString("value=\"-1\" aria-invalid=\"true\" aria-describedby=\"settlement-error\""))));
        mvc.perform(post(correct).param("rate", "0.9215").param("reason", "  ").with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter the reason for the correction.")));
        mvc.perform(post(correct).param("rate", "0.9215").param("reason", "x".repeat(501)).with(csrf()).with(finance))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 500 characters")));
        assertThat(STUB.requests()).extracting(r -> r.method()).containsOnly("GET");
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
