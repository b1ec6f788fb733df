package io.accord.portal.fallout;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class FalloutControllerTests extends PortalTestSupport {

    FalloutControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String SAGA = "5a9a0000-0000-4000-8000-000000000001";
    private static final String ORDER = "0d0d0000-0000-4000-8000-000000000002";
    private static final String FALLOUT = "/api/orchestration/fallout";
    private static final String ITEM = """
            [{"sagaId":"%s","reference":"productOrder/%s/1","state":"RUNNING",
              "reason":"partner endpoint answered 503",
              "step":{"type":"ACTIVATE_AT_PARTNER","state":"PENDING","attempts":3,"maxAttempts":5,
                      "nextAttemptAt":"2026-12-01T10:05:00Z","lastError":"partner endpoint answered 503"}}]"""
            .formatted(SAGA, ORDER);

    private static String saga(String state, String stepState, String lastError) {
        return """
                {"id":"%s","reference":"productOrder/%s/1","state":"%s","failureReason":null,
                 "updatedAt":"2026-12-01T10:06:00Z",
                 "steps":[{"id":"5e000000-0000-4000-8000-000000000003","position":1,"type":"ACTIVATE_AT_PARTNER",
                           "state":"%s","attempts":0,"maxAttempts":5,"lastError":%s}]}"""
                .formatted(SAGA, ORDER, state, stepState, lastError == null ? "null" : "\"" + lastError + "\"");
    }

    @Test
    void opsSeeTheFailingStepAndReasonWithTheirActions() throws Exception {
        STUB.answerJson("GET", FALLOUT, 200, ITEM, Map.of("X-Total-Count", "1"));

        mvc.perform(get("/fallout").param("state", "RUNNING").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("productOrder/" + ORDER + "/1"),
                        containsString("Activate at the partner"), containsString("3 of 5 attempts"),
                        containsString("partner endpoint answered 503"), containsString("next attempt 2026-12-01 10:05"),
                        containsString("Retry the step of productOrder/" + ORDER + "/1"),
                        containsString("<label for=\"skip-reason-" + SAGA + "\""),
                        containsString("<label for=\"cancel-reason-" + SAGA + "\""))));
        var call = STUB.requestsTo("GET", FALLOUT).getFirst();
        assertThat(call.query()).isEqualTo("state=RUNNING&offset=0&limit=25");
        assertThat(call.authorization()).isEqualTo("Bearer ops-token");
    }

    @Test
    void anAuditorReadsTheFalloutWithoutActionsAndIsRefusedThem() throws Exception {
        STUB.answerJson("GET", FALLOUT, ITEM);

        mvc.perform(get("/fallout").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Activate at the partner"),
                        containsString("ops act on it"), not(containsString("Retry")), not(containsString("Skip step")))));
        STUB.reset();
        for (String action : new String[] {"retry", "skip", "cancel"}) {
            mvc.perform(post("/fallout/" + SAGA + "/" + action).param("reason", "audit").with(csrf())
                            .with(TestUsers.staff("auditor", "auditor")))
                    .andExpect(status().isForbidden());
        }
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void retryingWithHtmxAnswersTheRowInItsNewState() throws Exception {
        STUB.answerJson("POST", FALLOUT + "/" + SAGA + "/retry", saga("RUNNING", "PENDING", null));

        mvc.perform(post("/fallout/" + SAGA + "/retry").header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"saga-" + SAGA + "\""),
                        containsString("Retried productOrder/" + ORDER + "/1: now Running."),
                        not(containsString("<html")))));
        assertThat(STUB.requestsTo("POST", FALLOUT + "/" + SAGA + "/retry").getFirst().body()).isEqualTo("{}");
    }

    @Test
    void skippingAndCancellingSendTheReason() throws Exception {
        STUB.answerJson("POST", FALLOUT + "/" + SAGA + "/skip", saga("COMPLETED", "SKIPPED", null));
        STUB.answerJson("POST", FALLOUT + "/" + SAGA + "/cancel", saga("COMPENSATING", "COMPENSATING", null));

        mvc.perform(post("/fallout/" + SAGA + "/skip").param("reason", "activated by phone")
                        .header("HX-Request", "true").with(csrf()).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("now Completed"), not(containsString("Retry")))));
        mvc.perform(post("/fallout/" + SAGA + "/cancel").param("reason", "customer withdrew").with(csrf())
                        .with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fallout"));

        assertThat(STUB.requestsTo("POST", FALLOUT + "/" + SAGA + "/skip").getFirst().body())
                .isEqualTo("{\"reason\":\"activated by phone\"}");
        assertThat(STUB.requestsTo("POST", FALLOUT + "/" + SAGA + "/cancel").getFirst().body())
                .isEqualTo("{\"reason\":\"customer withdrew\"}");
    }

    @Test
    void skippingWithoutAReasonIsABadRequestThatChangesNothing() throws Exception {
        STUB.answerJson("GET", "/api/orchestration/sagas/" + SAGA, saga("RUNNING", "PENDING", "timeout"));

        mvc.perform(post("/fallout/" + SAGA + "/skip").param("reason", " ").header("HX-Request", "true")
                        .with(csrf()).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter the reason."),
                        containsString("role=\"alert\""), containsString("timeout"))));
        assertThat(STUB.requests()).extracting(r -> r.method()).containsOnly("GET");
    }

    @Test
    void aSagaThatMovedOnIsAConflictShowingItAsItIsNow() throws Exception {
        STUB.answerJson("POST", FALLOUT + "/" + SAGA + "/cancel", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"saga is being worked right now\"}", Map.of());
        STUB.answerJson("GET", "/api/orchestration/sagas/" + SAGA, saga("COMPLETED", "DONE", null));

        mvc.perform(post("/fallout/" + SAGA + "/cancel").param("reason", "stop").header("HX-Request", "true")
                        .with(csrf()).with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("saga is being worked right now"),
                        containsString(">Completed<"), not(containsString("Retry the step")))));
    }

    @Test
    void financeAndPartnersDoNotOpenTheFallout() throws Exception {
        mvc.perform(get("/fallout").with(TestUsers.staff("finance", "finance"))).andExpect(status().isForbidden());
        mvc.perform(get("/fallout").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
