package io.accord.portal.suspense;

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

class SuspenseControllerTests extends PortalTestSupport {

    SuspenseControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String SUMMARY = """
            {"total": 3, "byReason": [{"key": "NO_PRICE", "count": 2}, {"key": "TOO_OLD", "count": 1}],
             "bySource": [{"key": "mediation-eu", "count": 3}],
             "byAge": [{"key": "<1h", "count": 3}, {"key": ">7d", "count": 0}]}""";
    private static final String RECORDS = """
            [{"suspenseId":"5u000000-0000-4000-8000-000000000001","source":"mediation-eu","usageId":"cdr-1",
              "subscriberId":"+4915100001","usageType":"VOICE","usageTime":"2026-11-30T08:00:00Z",
              "reason":"NO_PRICE","detail":"no price of off-video in force","status":"OPEN",
              "suspendedAt":"2026-11-30T08:00:05Z"}]""";

    private void stubPage() {
        STUB.answerJson("GET", "/api/rating/suspense/summary", SUMMARY);
        STUB.answerJson("GET", "/api/rating/suspense", 200, RECORDS, Map.of("X-Total-Count", "2"));
    }

    @Test
    void opsSeeOpenSuspenseByReasonSourceAndAgeWithTheOldestRecordsAndActions() throws Exception {
        stubPage();

        mvc.perform(get("/suspense").param("reason", "NO_PRICE").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"suspense-total\">3<"),
                        containsString("NO_PRICE"), containsString("mediation-eu"), containsString("&lt;1h"),
                        containsString("By reason"), containsString("By age"), containsString("cdr-1"),
                        containsString("no price of off-video in force"),
                        containsString("Recycle the open records with reason No price for the usage type"),
                        containsString("<label for=\"write-off-TOO_OLD\""),
                        // writing off cannot be undone: the browser asks first, saying how many records go
                        containsString("data-confirm=\"Write off 1 open record(s) with reason &quot;Too old&quot;?"))));
        assertThat(STUB.requestsTo("GET", "/api/rating/suspense/summary").getFirst().query())
                .isEqualTo("status=OPEN");
        assertThat(STUB.requestsTo("GET", "/api/rating/suspense").getFirst().query())
                .isEqualTo("status=OPEN&reason=NO_PRICE&offset=0&limit=25");
        assertThat(STUB.requests()).allMatch(r -> "Bearer ops-token".equals(r.authorization()));
    }

    @Test
    void financeAndAuditorsReadWithoutActionsAndAreRefusedThem() throws Exception {
        stubPage();
        for (String role : new String[] {"finance", "auditor"}) {
            mvc.perform(get("/suspense").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("cdr-1"),
                            containsString("ops recycle or write it off"), not(containsString("Write off the")))));
        }
        STUB.reset();
        mvc.perform(post("/suspense/recycle").param("reason", "NO_PRICE").with(csrf())
                .with(TestUsers.staff("auditor", "auditor"))).andExpect(status().isForbidden());
        mvc.perform(post("/suspense/write-off").param("reason", "NO_PRICE").param("writeOffReason", "x")
                .with(csrf()).with(TestUsers.staff("finance", "finance"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void recyclingAReasonSendsItsFilterAndSaysWhatHappened() throws Exception {
        STUB.answerJson("POST", "/api/rating/suspense/recycle", """
                {"recycled": 1, "stillSuspended": [{"suspenseId": "x", "reason": "NO_PRICE"}], "notOpen": []}""");

        var result = mvc.perform(post("/suspense/recycle").param("reason", "NO_PRICE").with(csrf())
                        .with(TestUsers.staff("ops", "ops")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/suspense"))
                .andExpect(flash().attribute("noticeKey", "suspense.recycled")).andReturn();

        assertThat(STUB.requestsTo("POST", "/api/rating/suspense/recycle").getFirst().body())
                .isEqualTo("{\"filter\":{\"reason\":\"NO_PRICE\"}}");
        stubPage();
        mvc.perform(get("/suspense").flashAttrs(result.getFlashMap()).with(TestUsers.staff("ops", "ops")))
                .andExpect(content().string(containsString(
                        "1 records recycled and rated; 1 still in suspense (No price for the usage type)")));
    }

    @Test
    void writingOffSendsTheFilterAndTheReason() throws Exception {
        STUB.answerJson("POST", "/api/rating/suspense/write-off", "{\"writtenOff\": 1, \"notOpen\": []}");

        mvc.perform(post("/suspense/write-off").param("reason", "TOO_OLD").param("writeOffReason", " older than 90 days ")
                        .with(csrf()).with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().is3xxRedirection());

        assertThat(STUB.requestsTo("POST", "/api/rating/suspense/write-off").getFirst().body())
                .isEqualTo("{\"filter\":{\"reason\":\"TOO_OLD\"},\"reason\":\"older than 90 days\"}");
    }

    @Test
    void aWriteOffWithoutReasonOrOfAnUnknownReasonIsABadRequestThatChangesNothing() throws Exception {
        stubPage();

        mvc.perform(post("/suspense/write-off").param("reason", "TOO_OLD").param("writeOffReason", "  ")
                        .with(csrf()).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter why the records are written off."),
                        containsString("role=\"alert\""),
                        // the message at the refused reason's own field, not at every write-off field
                        containsString("aria-invalid=\"true\" aria-describedby=\"write-off-TOO_OLD-error\""),
                        containsString("<span id=\"write-off-TOO_OLD-error\" class=\"field-error\">Enter why"),
                        not(containsString("aria-describedby=\"suspense-error\"")))));
        mvc.perform(post("/suspense/recycle").param("reason", "EVERYTHING").with(csrf())
                        .with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a reason of the list.")));
        assertThat(STUB.requests()).extracting(r -> r.method()).containsOnly("GET");
    }

    @Test
    void partnersDoNotSeeSuspense() throws Exception {
        mvc.perform(get("/suspense").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
    }

    @Test
    void aTokenTheGatewayRefusesIsAForbiddenPage() throws Exception {
        STUB.answerJson("GET", "/api/rating/suspense/summary", 403,
                "{\"title\":\"Forbidden\",\"status\":403}", java.util.Map.of());

        mvc.perform(get("/suspense").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You are not allowed to see this.")));
    }
}
