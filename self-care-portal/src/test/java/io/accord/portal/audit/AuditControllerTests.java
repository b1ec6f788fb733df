package io.accord.portal.audit;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuditControllerTests extends PortalTestSupport {

    AuditControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ENTRIES = """
            [{"service":"settlement","id":42,"occurredAt":"2026-12-01T10:15:00.123Z","actor":"fiona",
              "actorId":"sub-fiona","partnerId":"%s","resourceType":"SettlementPeriod",
              "resourceId":"9e000000-0000-4000-8000-000000000002","action":"closed-early",
              "before":{"state":"OPEN"},"after":{"state":"OPEN","closedEarlyBy":"fiona"},
              "correlationId":"c0ffee"},
             {"service":"rating","id":7,"occurredAt":"2026-12-01T10:14:00Z","actor":"system","partnerId":null,
              "resourceType":"UsageSuspense","resourceId":"s-1","action":"RECYCLE","before":null,"after":null,
              "correlationId":"beef"}]""".formatted(PARTNER_A);

    @Test
    void anAuditorSeesEntriesOfEveryServiceWithFiltersAndPaging() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, ENTRIES, Map.of("X-Total-Count", "120"));

        mvc.perform(get("/audit").param("partnerId", PARTNER_A).param("resourceType", "SettlementPeriod")
                        .param("page", "1").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2026-12-01 10:15"), containsString("settlement"),
                        containsString("fiona"), containsString(">Closed early<"), containsString(">Recycle<"),
                        containsString("closedEarlyBy"),
                        containsString("Correlation c0ffee"), containsString("Suspended usage s-1"),
                        containsString("120 in all"), containsString("Previous page"), containsString("Next page"),
                        containsString("Page 2 of 3"), containsString(">First page</a>"), containsString(">Last page</a>"),
                        containsString("hx-get=\"/audit/verification\""), containsString("<label for=\"audit-partner\""))));
        var call = STUB.requestsTo("GET", "/api/audit").getFirst();
        assertThat(call.query()).isEqualTo("offset=50&limit=50&partnerId=" + PARTNER_A
                + "&resourceType=SettlementPeriod");
        assertThat(call.authorization()).isEqualTo("Bearer auditor-token");
    }

    @Test
    void aGermanAuditorReadsTheActionsInGerman() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, ENTRIES, Map.of("X-Total-Count", "2"));

        mvc.perform(get("/audit").header("Accept-Language", "de").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Vorzeitig geschlossen<"),
                        containsString(">Erneut bewerten<"), not(containsString(">closed-early<")),
                        not(containsString(">RECYCLE<")))));
    }

    @Test
    void filtersByWhoWhatAndDays() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, ENTRIES, Map.of("X-Total-Count", "2"));

        mvc.perform(get("/audit").param("actor", " fiona ").param("action", "closed-early")
                        .param("from", "2026-12-01").param("to", "2026-12-02")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"audit-actor\""),
                        containsString("value=\"fiona\""), containsString("value=\"2026-12-01\""))));
        assertThat(STUB.requestsTo("GET", "/api/audit").getFirst().query()).isEqualTo("offset=0&limit=50"
                + "&actor=fiona&action=closed-early&from=2026-12-01&to=2026-12-02");
    }

    @Test
    void daysTypedTheGermanWayFilterAsIsoDays() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, ENTRIES, Map.of("X-Total-Count", "2"));
        export(Map.of());

        // until 2026-12-07 a 400 "A day is a date such as 2026-11-01" for the day as German pages write it
        mvc.perform(get("/audit").param("from", "01.12.2026").param("to", " 2.12.2026 ")
                        .header("Accept-Language", "de").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"2026-12-01\""),
                        containsString("value=\"2026-12-02\""))));
        mvc.perform(get("/audit/export").param("from", "01.11.2026").param("to", "2026-12-01")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk());
        assertThat(STUB.requestsTo("GET", "/api/audit").getFirst().query())
                .isEqualTo("offset=0&limit=50&from=2026-12-01&to=2026-12-02");
        assertThat(STUB.requestsTo("GET", "/api/audit/export").getFirst().query())
                .isEqualTo("from=2026-11-01&to=2026-12-01");

        // a day that does not exist is said at the filter, German or not, and nothing more is asked
        mvc.perform(get("/audit").param("from", "31.02.2026").param("actor", "fiona")
                        .header("Accept-Language", "de").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Ein Tag ist ein Datum wie 01.11.2026"),
                        containsString("value=\"31.02.2026\""), containsString("value=\"fiona\""))));
        assertThat(STUB.requestsTo("GET", "/api/audit")).hasSize(1);
    }

    @Test
    void aWrongDayIsShownOnTheFormWithoutAskingTheGateway() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-12-32").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A day is a date such as 2026-11-01")));
        mvc.perform(get("/audit").param("from", "2026-12-02").param("to", "2026-12-01")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must be after the day it starts")));
        assertThat(STUB.requestsTo("GET", "/api/audit")).isEmpty();
    }

    @Test
    void thePagesStopWhereTheGatewayStopsAnswering() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, ENTRIES, Map.of("X-Total-Count", "5000"));

        // beyond the gateway's depth: its last page (docs/portal.md, paging)
        mvc.perform(get("/audit?page=99").with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/audit?page=19"));
        mvc.perform(get("/audit?page=19").with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Next page"))));
        assertThat(STUB.requestsTo("GET", "/api/audit").getFirst().query()).isEqualTo("offset=950&limit=50");
    }

    @Test
    void theVerificationShowsEachServicesChainPendingEntriesAndTheOldestPendingAge() throws Exception {
        STUB.answerJson("GET", "/api/audit/verification", """
                {"verified":false,
                 "services":[{"service":"onboarding","verified":true,"entries":1200,"pendingEntries":3,
                              "oldestPendingAgeMillis":4500},
                             {"service":"rating","verified":false,"entries":77,"firstBrokenEntryId":78,
                              "reason":"hash of entry 78 does not match","pendingEntries":0,
                              "oldestPendingAgeMillis":null}],
                 "unanswered":["dispute"]}""");

        mvc.perform(get("/audit/verification").header("HX-Request", "true")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("<html")),
                        containsString("Not verified: a chain is broken or a service did not answer."),
                        containsString("Did not answer: dispute"), containsString("onboarding"),
                        containsString("1200"), containsString("4s"), containsString("first broken entry 78"),
                        containsString("hash of entry 78 does not match"))));
        mvc.perform(get("/audit/verification").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("Hash verification"))));
    }

    @Test
    void aWholeTrailSaysSo() throws Exception {
        STUB.answerJson("GET", "/api/audit/verification", """
                {"verified":true,"services":[{"service":"catalog","verified":true,"entries":5,"pendingEntries":0}],
                 "unanswered":[]}""");

        mvc.perform(get("/audit/verification").header("HX-Request", "true").header("Accept-Language", "de")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(content().string(allOf(containsString("jede Hash-Kette ist vollständig"),
                        containsString("bestätigt"))));
    }

    @Test
    void aMalformedPartnerIdIsABadRequestWithoutACall() throws Exception {
        mvc.perform(get("/audit").param("partnerId", "acme").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The partner id is not a valid id.")));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void onlyAuditorsAndPlatformAdminsOpenTheAuditTrail() throws Exception {
        for (String role : new String[] {"ops", "finance", "partner-manager"}) {
            mvc.perform(get("/audit").with(TestUsers.staff(role, role))).andExpect(status().isForbidden());
            mvc.perform(get("/audit/verification").with(TestUsers.staff(role, role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    private static final String CSV = "service,id,occurredAt,actor,actorId,partnerId,resourceType,resourceId,action,"
            + "before,after,correlationId\r\nsettlement,42,2026-11-30T10:15:00.123Z,fiona,sub-fiona,,SettlementPeriod,"
            + "p-1,closed-early,\"{\"\"state\"\": \"\"OPEN\"\"}\",,c0ffee\r\n";

    private void export(Map<String, String> headers) {
        STUB.answer("GET", "/api/audit/export", new StubGateway.Answer(200, "text/csv;charset=UTF-8",
                CSV.getBytes(StandardCharsets.UTF_8), headers));
    }

    @Test
    void thePageOffersTheExportOfItsFilters() throws Exception {
        STUB.answerJson("GET", "/api/audit", 200, ENTRIES, Map.of("X-Total-Count", "2"));

        mvc.perform(get("/audit").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("formaction=\"/audit/export\""),
                        containsString(">Export as CSV</button>"), containsString("at most 92 days apart"))));
        mvc.perform(get("/audit").header("Accept-Language", "de").with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Als CSV exportieren</button>"),
                        containsString("höchstens 92 Tage auseinander"))));
    }

    @Test
    void theExportStreamsTheGatewaysCsvUnderItsFileNameWithThePagesFilters() throws Exception {
        export(Map.of("Content-Disposition", "attachment; filename=\"audit-2026-11-01-2026-12-01.csv\""));

        var answer = mvc.perform(get("/audit/export").param("partnerId", PARTNER_A).param("actor", " fiona ")
                        .param("action", "").param("from", "2026-11-01").param("to", "2026-12-01")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"audit-2026-11-01-2026-12-01.csv\""))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse();
        assertThat(answer.getContentAsByteArray()).isEqualTo(CSV.getBytes(StandardCharsets.UTF_8));
        var call = STUB.requestsTo("GET", "/api/audit/export").getFirst();
        assertThat(call.query()).isEqualTo("partnerId=" + PARTNER_A + "&actor=fiona&from=2026-11-01&to=2026-12-01");
        assertThat(call.authorization()).isEqualTo("Bearer auditor-token");
        assertThat(call.accept()).isEqualTo("text/csv");
    }

    @Test
    void theExportNeedsBothDaysAtMost92ApartAndOtherwiseAsksNothing() throws Exception {
        mvc.perform(get("/audit/export").param("from", "2026-11-01").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The export needs both days"),
                        containsString("value=\"2026-11-01\""), containsString("aria-invalid=\"true\""))));
        mvc.perform(get("/audit/export").param("from", "2026-01-01").param("to", "2026-04-04")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("An export covers at most 92 days")));
        mvc.perform(get("/audit/export").param("from", "2026-12-02").param("to", "2026-12-01")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must be after the day it starts")));
        mvc.perform(get("/audit/export").param("partnerId", "acme").param("from", "2026-11-01")
                        .param("to", "2026-12-01").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The partner id is not a valid id.")));
        assertThat(STUB.requests()).isEmpty();

        export(Map.of());
        mvc.perform(get("/audit/export").param("from", "2026-01-01").param("to", "2026-04-03")
                        .with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"audit-2026-01-01-2026-04-03.csv\""));
        assertThat(STUB.requestsTo("GET", "/api/audit/export")).hasSize(1);
    }

    @Test
    void anExportTheGatewaySaysIsPartialIsRefusedNamingTheServicesRatherThanSaved() throws Exception {
        export(Map.of("Content-Disposition", "attachment; filename=\"audit-2026-11-01-2026-12-01.csv\"",
                "X-Partial-Result", "rating,disputes"));

        mvc.perform(get("/audit/export").param("from", "2026-11-01").param("to", "2026-12-01")
                        .with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isBadGateway())
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(content().string(allOf(containsString("The service&#39;s message: The export would be"
                                + " incomplete: rating,disputes did not answer the audit export."),
                        not(containsString("closed-early")))));
    }

    @Test
    void onlyAuditorsAndPlatformAdminsExportTheAuditTrail() throws Exception {
        for (String role : new String[] {"ops", "finance", "partner-manager"}) {
            mvc.perform(get("/audit/export").param("from", "2026-11-01").param("to", "2026-12-01")
                    .with(TestUsers.staff(role, role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit/export").param("from", "2026-11-01").param("to", "2026-12-01")
                .with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
