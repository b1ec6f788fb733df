package io.accord.portal.offeringreview;

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

class OfferingReviewControllerTests extends PortalTestSupport {

    OfferingReviewControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ID = "0f000000-0000-4000-8000-0000000000f1";

    @Test
    void aPartnerManagerSeesTheQueueWithDecisions() throws Exception {
        STUB.answerJson("GET", "/api/catalog/review-queue", 200, """
                [{"offeringId":"%s","name":"Streamo Basic","externalId":"streamo-basic","ownerPartnerId":"%s",
                  "status":"IN_REVIEW","categoryCode":"VIDEO","submittedAt":"2026-12-01T10:00:00Z"}]"""
                .formatted(ID, PARTNER_A), Map.of("X-Total-Count", "1"));

        mvc.perform(get("/offering-review").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Streamo Basic"), containsString("New offering"),
                        containsString("Approve and launch Streamo Basic"),
                        containsString("<label for=\"reject-reason-" + ID + "\""))));
        mvc.perform(get("/offering-review").with(TestUsers.staff("auditor", "auditor")))
                .andExpect(content().string(not(containsString("Approve and launch"))));
    }

    @Test
    void approvingSendsTheDecision() throws Exception {
        STUB.answerJson("POST", "/api/catalog/offerings/" + ID + "/decision",
                "{\"id\":\"%s\",\"name\":\"Streamo Basic\",\"lifecycleStatus\":\"Launched\"}".formatted(ID));

        mvc.perform(post("/offering-review/" + ID + "/decision").param("decision", "APPROVE").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(redirectedUrl("/offering-review"))
                .andExpect(flash().attribute("decidedStatus", "Launched"));
        var call = STUB.requestsTo("POST", "/api/catalog/offerings/" + ID + "/decision").getFirst();
        assertThat(call.body()).isEqualTo("{\"decision\":\"APPROVE\"}");
        assertThat(call.authorization()).isEqualTo("Bearer partner-manager-token");
    }

    @Test
    void rejectingWithoutAReasonSendsNothing() throws Exception {
        mvc.perform(post("/offering-review/" + ID + "/decision").param("decision", "REJECT").param("reason", " ")
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(flash().attribute("errorKey", "offeringReview.error.reason"));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void partnersCannotOpenTheQueue() throws Exception {
        mvc.perform(get("/offering-review").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
    }
}
