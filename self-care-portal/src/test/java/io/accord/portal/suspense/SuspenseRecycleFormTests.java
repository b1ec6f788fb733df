package io.accord.portal.suspense;

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

class SuspenseRecycleFormTests extends PortalTestSupport {

    SuspenseRecycleFormTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String SUMMARY = """
            {"total":3,"byReason":[{"key":"NO_PRODUCT_INSTANCE","count":3}],
             "bySource":[{"key":"mediation-eu","count":3}],"byAge":[{"key":"<1h","count":3}]}""";

    private static void stubPage() {
        STUB.answerJson("GET", "/api/rating/suspense/summary", SUMMARY);
        STUB.answerJson("GET", "/api/rating/suspense", 200, "[]", java.util.Map.of("X-Total-Count", "0"));
    }

    @Test
    void opsSeeTheRecycleFormAndRecycleAReasonOfASource() throws Exception {
        stubPage();
        mvc.perform(get("/suspense").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"recycle-reason\">"),
                        containsString("No product in force for the subscriber (3)"))));
        mvc.perform(get("/suspense").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(content().string(not(containsString("recycle-reason"))));

        STUB.answerJson("POST", "/api/rating/suspense/recycle",
                "{\"recycled\":2,\"stillSuspended\":[{\"suspenseId\":\"x\",\"reason\":\"NO_PRICE\"}],\"notOpen\":[]}");
        mvc.perform(post("/suspense/recycle").param("reason", "NO_PRODUCT_INSTANCE").param("source", "mediation-eu")
                        .with(csrf()).with(TestUsers.staff("ops", "ops")))
                .andExpect(redirectedUrl("/suspense"))
                .andExpect(flash().attribute("noticeKey", "suspense.recycled"))
                .andExpect(flash().attribute("noticeArgs", java.util.List.of(2L, 1,
                        "No product in force for the subscriber")));
        var call = STUB.requestsTo("POST", "/api/rating/suspense/recycle").getFirst();
        assertThat(call.body()).isEqualTo("{\"filter\":{\"reason\":\"NO_PRODUCT_INSTANCE\",\"source\":\"mediation-eu\"}}");
        assertThat(call.authorization()).isEqualTo("Bearer ops-token");
    }

    @Test
    void aMalformedSourceSendsNothing() throws Exception {
        stubPage();
        mvc.perform(post("/suspense/recycle").param("reason", "NO_PRICE").param("source", "x y; drop").with(csrf())
                        .with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requestsTo("POST", "/api/rating/suspense/recycle")).isEmpty();
    }
}
