package io.accord.portal.usage;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
        // dates no one can store (the API would refuse them; the last one has no next day) are taken as none
        mvc.perform(get("/usage?from=-4800-01-01&to=%2B999999999-12-31").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk());

        String thisMonth = "from=" + today.withDayOfMonth(1) + "&to=" + today.plusDays(1)
                + "&granularity=day&groupBy=offering,usageType";
        assertThat(STUB.requestsTo("GET", ROLLUPS)).extracting(r -> r.query())
                .containsExactly(thisMonth, thisMonth, thisMonth);
        assertThat(STUB.requestsTo("GET", "/api/rating/usage")).isEmpty();
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
