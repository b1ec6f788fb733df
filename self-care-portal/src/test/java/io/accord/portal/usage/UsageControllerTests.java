package io.accord.portal.usage;

import java.nio.charset.StandardCharsets;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UsageControllerTests extends PortalTestSupport {

    UsageControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ROLLUPS = "/api/rating/rollups";
    private static final String FATE = "/api/rating/usage/fate";
    private static final String NO_ROWS = "{\"rows\":[]}";

    @Test
    void aRatedRecordShowsItsAmountsAndTheRollupsAreSummedPerOfferingAndType() throws Exception {
        STUB.answerJson("GET", FATE, """
                {"source":"mediation-eu","usageId":"cdr-000123","fate":"RATED","current":"r-2",
                 "ratings":[{"ratedId":"r-1","kind":"RATED","reversedBy":"r-9","usageTime":"2026-11-20T10:15:30+01:00",
                             "offeringId":"off-9","usageType":"VOICE","billedQuantity":"125","billedUnit":"S",
                             "charge":"2.500000","currency":"EUR",
                             "parties":[{"partnerId":"p","direction":"PAYABLE_TO_PARTNER","sharePercent":"30","amount":"0.750000"}]},
                            {"ratedId":"r-2","kind":"RATED","usageTime":"2026-11-20T10:15:30+01:00","offeringId":"off-9",
                             "usageType":"VOICE","billedQuantity":"125","billedUnit":"S","charge":"2.400000","currency":"EUR",
                             "parties":[]}],
                 "suspense":[],"duplicates":[{"duplicateId":"d-1"}]}""");
        STUB.answerJson("GET", ROLLUPS, """
                {"rows":[{"bucket":"2026-11-01T00:00:00Z","offeringId":"off-9","usageType":"VOICE","billedUnit":"S",
                          "currency":"EUR","quantity":"180","charge":"1.800000","partnerShare":"0.540000",
                          "wholesale":"0.000000","records":2},
                         {"bucket":"2026-11-02T00:00:00Z","offeringId":"off-9","usageType":"VOICE","billedUnit":"S",
                          "currency":"EUR","quantity":"120","charge":"1.200000","partnerShare":"0.460000",
                          "wholesale":"0.000000","records":3},
                         {"bucket":"2026-11-02T00:00:00Z","offeringId":"off-9","usageType":"SMS","billedUnit":"MSG",
                          "currency":"EUR","quantity":"4","charge":"0.400000","partnerShare":"0.120000",
                          "wholesale":"0.000000","records":4}]}""");

        mvc.perform(get("/usage?source=mediation-eu&usageId=cdr-000123&from=2026-11-01&to=2026-11-30")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rated."), containsString("2.40 EUR"),
                        containsString("payable to the partner 0.75 EUR (30 %)"), containsString("reversed"),
                        containsString("Received again 1 time(s)"),
                        containsString("<td class=\"num\">5</td>"), containsString("300 s"),
                        containsString("3.00 EUR"), containsString("1.00 EUR"), containsString("Your share: 1.12 EUR"),
                        not(containsString("You owe (wholesale): ")),
                        containsString("<label for=\"usageId\""))));
        assertThat(STUB.requestsTo("GET", FATE).getLast().query())
                .isEqualTo("source=mediation-eu&usageId=cdr-000123");
        assertThat(STUB.requestsTo("GET", ROLLUPS).getFirst().query())
                .isEqualTo("from=2026-11-01&to=2026-12-01&granularity=day&groupBy=offering,usageType");
    }

    @Test
    void summedVolumesShowNoFloatingPointResidue() throws Exception {
        STUB.answerJson("GET", ROLLUPS, """
                {"rows":[{"bucket":"2026-11-01T00:00:00Z","offeringId":"off-9","usageType":"VOICE","billedUnit":"MIN",
                          "currency":"EUR","quantity":"455.000000001","charge":"1.800000","partnerShare":"0.540000",
                          "wholesale":"0.000000","records":2},
                         {"bucket":"2026-11-02T00:00:00Z","offeringId":"off-9","usageType":"VOICE","billedUnit":"MIN",
                          "currency":"EUR","quantity":"0.100000002","charge":"1.200000","partnerShare":"0.460000",
                          "wholesale":"0.000000","records":3}]}""");

        mvc.perform(get("/usage?from=2026-11-01&to=2026-11-30").header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">455,1 Min.</td>"),
                        not(containsString("455,100000003")))));
    }

    @Test
    void aSuspendedRecordSaysWhy() throws Exception {
        STUB.answerJson("GET", FATE, """
                {"source":"mediation-eu","usageId":"cdr-7","fate":"SUSPENDED","ratings":[],"duplicates":[],
                 "suspense":[{"reason":"UNKNOWN_SUBSCRIBER","detail":"no product instance for +4915100000099",
                              "status":"OPEN","suspendedAt":"2026-12-01T08:00:00Z"}]}""");
        STUB.answerJson("GET", ROLLUPS, NO_ROWS);

        mvc.perform(get("/usage?source=mediation-eu&usageId=cdr-7").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("In suspense"),
                        containsString("Unknown subscriber"), containsString("no product instance for +4915100000099"),
                        containsString("No rated usage in this range."))));
    }

    @Test
    void aRecordNotProcessedYetIsSaidSoOnTheSamePage() throws Exception {
        STUB.answerJson("GET", FATE, 404, """
                {"type":"https://accord.dev/problems/usage-not-processed","title":"Not Found","status":404,
                 "detail":"usage cdr-404 of source mediation-eu was not processed"}""", Map.of());
        STUB.answerJson("GET", ROLLUPS, NO_ROWS);

        mvc.perform(get("/usage?source=mediation-eu&usageId=cdr-404").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("is still waiting to be rated"),
                        containsString("role=\"alert\""),
                        // the service's detail says the same again, for API clients: not shown
                        not(containsString("was not processed")))));
    }

    @Test
    void withoutARangeThisMonthIsShownAndABackwardRangeIsRefused() throws Exception {
        STUB.answerJson("GET", ROLLUPS, NO_ROWS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        mvc.perform(get("/usage").with(TestUsers.partner("partner-admin"))).andExpect(status().isOk());
        mvc.perform(get("/usage?from=2026-11-30&to=2026-11-01").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The range must end after it starts")));
        // dates no one can store (the API would refuse them; the last one has no next day) are said at the filter
        mvc.perform(get("/usage?from=-4800-01-01&to=%2B999999999-12-31").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“-4800-01-01” is not a day the page can read")));

        String thisMonth = "from=" + today.withDayOfMonth(1) + "&to=" + today.plusDays(1)
                + "&granularity=day&groupBy=offering,usageType";
        assertThat(STUB.requestsTo("GET", ROLLUPS)).extracting(r -> r.query())
                .containsExactly(thisMonth, thisMonth);
        assertThat(STUB.requestsTo("GET", "/api/rating/usage")).isEmpty();
    }

    @Test
    void daysTypedTheGermanWayFilterTheRollups() throws Exception {
        STUB.answerJson("GET", ROLLUPS, NO_ROWS);

        // until 2026-12-07 ignored without a word: the page showed this month
        mvc.perform(get("/usage?from=01.11.2026&to=30.11.2026&lang=de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"2026-11-01\""),
                        containsString("value=\"2026-11-30\""),
                        containsString("Bewertete Nutzung vom 01.11.2026 bis 30.11.2026"),
                        not(containsString("role=\"alert\"")))));
        mvc.perform(get("/usage?from=1.11.2026&to=2026-11-30").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk());

        assertThat(STUB.requestsTo("GET", ROLLUPS)).extracting(r -> r.query()).containsOnly(
                "from=2026-11-01&to=2026-12-01&granularity=day&groupBy=offering,usageType");
    }

    @Test
    void aDayThatCannotBeReadIsSaidAtItsFilterKeepingTheOthers() throws Exception {
        STUB.answerJson("GET", FATE, """
                {"source":"mediation-eu","usageId":"cdr-7","fate":"SUSPENDED","ratings":[],"duplicates":[],
                 "suspense":[{"reason":"NO_PRICE","detail":"no price","status":"OPEN",
                              "suspendedAt":"2026-12-01T08:00:00Z"}]}""");

        mvc.perform(get("/usage?source=mediation-eu&usageId=cdr-7&from=2026-11-01&to=31.11.2026&lang=de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("„31.11.2026“ ist kein Datum, das die Seite lesen kann"),
                        containsString("value=\"31.11.2026\""), containsString("aria-invalid=\"true\""),
                        containsString("value=\"2026-11-01\""),
                        containsString("value=\"mediation-eu\""), containsString("In der Klärung"),
                        not(containsString("Keine bewertete Nutzung")))));
        mvc.perform(get("/usage?from=12/07/2026").accept("application/json").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(containsString("12/07/2026")));

        // the record is looked up all the same; the rollups of a range nobody gave are not asked
        assertThat(STUB.requestsTo("GET", FATE)).hasSize(1);
        assertThat(STUB.requestsTo("GET", ROLLUPS)).isEmpty();
    }

    private static final String RATED = "/api/rating/rated";
    private static final String RATED_CSV = "ratedId,source,usageId\nr-1,mediation-eu,cdr-1\n";

    @Test
    void theRangeDownloadsAsCsvOfTheRatedRecordsAsTheServiceExportsThemForThePartner() throws Exception {
        STUB.answerJson("GET", ROLLUPS, NO_ROWS);
        STUB.answer("GET", RATED, new StubGateway.Answer(200, "text/csv;charset=UTF-8",
                RATED_CSV.getBytes(StandardCharsets.UTF_8), Map.of("Content-Disposition",
                "attachment; filename=\"rated-" + PARTNER_A + "-20261101T000000Z-20261201T000000Z.csv\"")));

        mvc.perform(get("/usage?from=2026-11-01&to=2026-11-30").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("formaction=\"/usage/export\""),
                        containsString(">Download as CSV</button>"))));
        var answer = mvc.perform(get("/usage/export?from=01.11.2026&to=2026-11-30")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"rated-" + PARTNER_A + "-20261101T000000Z-20261201T000000Z.csv\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse();

        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(RATED_CSV);
        var call = STUB.requestsTo("GET", RATED).getFirst();
        // the page's days, the end exclusive; no partner named: rating exports the token's own, as for the rollups
        assertThat(call.query()).isEqualTo("from=2026-11-01&to=2026-12-01");
        assertThat(call.accept()).isEqualTo("text/csv");
        assertThat(call.authorization()).isEqualTo("Bearer partner-token");
    }

    @Test
    void aDownloadOfAnUnreadableBackwardOrTooLongRangeIsRefusedOnThePage() throws Exception {
        STUB.answerJson("GET", ROLLUPS, NO_ROWS);

        mvc.perform(get("/usage/export?from=2026-01-01&to=2027-01-02").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A download covers at most 366 days")));
        mvc.perform(get("/usage/export?from=2026-11-30&to=2026-11-01&lang=de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ein Download umfasst höchstens 366 Tage")));
        mvc.perform(get("/usage/export?from=30.02.2026&to=2026-11-01").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“30.02.2026” is not a day the page can read")));
        assertThat(STUB.requestsTo("GET", RATED)).isEmpty();

        // 366 days from the first to the exclusive end: rating's bound, taken
        STUB.answer("GET", RATED, new StubGateway.Answer(200, "text/csv", RATED_CSV.getBytes(StandardCharsets.UTF_8),
                Map.of()));
        mvc.perform(get("/usage/export?from=2026-01-01&to=2027-01-01").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"usage-2026-01-01-2027-01-01.csv\""));
        assertThat(STUB.requestsTo("GET", RATED).getFirst().query()).isEqualTo("from=2026-01-01&to=2027-01-02");
        mvc.perform(get("/usage/export?from=2026-01-01&to=2026-12-31").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aResellersUsageSaysWhatItOwesNotAShareOfNothing() throws Exception {
        STUB.answerJson("GET", ROLLUPS, """
                {"rows":[{"offeringId":"off-csp","usageType":"VOICE","billedUnit":"MIN","currency":"EUR",
                          "quantity":"16.85","charge":"0.168500","partnerShare":"0.000000","wholesale":"0.168500",
                          "records":6}]}""");

        mvc.perform(get("/usage").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("You owe (wholesale): 0.17 EUR"),
                        containsString("<th scope=\"col\" class=\"num\">You owe (wholesale)</th>"),
                        not(containsString("Your share: ")))));
        mvc.perform(get("/usage?lang=de").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString("Sie schulden (Großhandelsentgelt): 0,17 EUR")));
    }

    @Test
    void germanTextsAndNumbers() throws Exception {
        STUB.answerJson("GET", ROLLUPS, """
                {"rows":[{"offeringId":"off-9","usageType":"VOICE","billedUnit":"S","currency":"EUR","quantity":"1",
                          "charge":"1234.5","partnerShare":"0.5","wholesale":"0","records":1}]}""");

        mvc.perform(get("/usage?lang=de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Nutzungsexplorer"), containsString("1.234,50 EUR"),
                        containsString("Ihr Anteil: 0,50 EUR"))));
    }

    @Test
    void staffUseTheirOwnPages() throws Exception {
        mvc.perform(get("/usage").with(TestUsers.staff("finance", "finance"))).andExpect(status().isForbidden());
    }
}
