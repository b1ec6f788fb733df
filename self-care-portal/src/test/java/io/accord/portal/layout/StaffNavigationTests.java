package io.accord.portal.layout;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each staff role sees the staff pages it works with; auditors see every staff page, in German too. */
class StaffNavigationTests extends PortalTestSupport {

    StaffNavigationTests(MockMvc mvc) {
        super(mvc);
    }

    @Test
    void anAuditorSeesEveryStaffPageAndNoPartnerPage() throws Exception {
        STUB.answerJson("GET", "/api/audit", "[]");

        mvc.perform(get("/audit").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/review\""),
                        containsString("href=\"/offering-review\""), containsString("href=\"/fallout\""),
                        containsString("href=\"/suspense\""), containsString("href=\"/settlement-runs\""),
                        containsString("href=\"/reconciliation\""), containsString("href=\"/statements\""),
                        containsString("<a href=\"/audit\" aria-current=\"page\">Audit trail</a>"),
                        not(containsString("href=\"/dashboard\"")), not(containsString("href=\"/catalog\"")))));
    }

    @Test
    void opsSeeTheirQueuesButNotTheAuditTrail() throws Exception {
        STUB.answerJson("GET", "/api/orchestration/fallout", "[]");

        mvc.perform(get("/fallout?lang=de").with(TestUsers.staff("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Auftragsfehler"),
                        containsString("href=\"/offering-review\""), containsString("href=\"/settlement-runs\""),
                        containsString("Keine Auftragsfehler."), not(containsString("href=\"/audit\"")))));
    }
}
