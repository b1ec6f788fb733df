package io.accord.portal.suspense;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SuspenseControllerTests extends PortalTestSupport {

    SuspenseControllerTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void opsSeeOpenSuspenseByReasonSourceAndAge() throws Exception {
        STUB.answerJson("GET", "/api/rating/suspense/summary", """
                {"total": 3, "byReason": [{"key": "NO_PRICE", "count": 2}, {"key": "TOO_OLD", "count": 1}],
                 "bySource": [{"key": "mediation-eu", "count": 3}],
                 "byAge": [{"key": "<1h", "count": 3}, {"key": ">7d", "count": 0}]}""");

        mvc.perform(get("/suspense").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"suspense-total\">3<"),
                        containsString("NO_PRICE"), containsString("mediation-eu"), containsString("&lt;1h"),
                        containsString("By reason"), containsString("By age"))));
        assertThat(STUB.requests().getFirst().query()).isEqualTo("status=OPEN");
        assertThat(STUB.requests().getFirst().authorization()).isEqualTo("Bearer ops-token");
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
