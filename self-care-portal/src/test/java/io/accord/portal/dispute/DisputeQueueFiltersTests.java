package io.accord.portal.dispute;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DisputeQueueFiltersTests extends PortalTestSupport {

    DisputeQueueFiltersTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    private static final String ORGANIZATIONS = "/tmf-api/party/v4/organization";

    private void partners() {
        STUB.answerJson("GET", ORGANIZATIONS, """
                [{"id":"%s","name":"Streamly GmbH"},{"id":"22222222-2222-4222-8222-222222222222","name":"Alpha AG"}]"""
                .formatted(PARTNER_A));
    }

    @Test
    void aPartnerManagerFiltersTheQueueByPartnerStatusAndCategoryInTheChosenOrderKeptInThePagingLinks()
            throws Exception {
        STUB.answerJson("GET", TICKETS, 200, "[]", Map.of("X-Total-Count", "60"));
        partners();

        mvc.perform(get("/disputes?partnerId=" + PARTNER_A + "&status=escalated&category=TAX&sort=-dueBy&page=1")
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<option value=\"" + PARTNER_A + "\" selected=\"selected\">Streamly GmbH</option>"),
                        containsString("<option value=\"escalated\" selected=\"selected\">"),
                        containsString("<option value=\"TAX\" selected=\"selected\">"),
                        containsString("<option value=\"-dueBy\" selected=\"selected\">Latest SLA deadline first</option>"),
                        containsString("<input type=\"hidden\" name=\"show\" value=\"work\">"),
                        containsString("href=\"/disputes?partnerId=" + PARTNER_A
                                + "&amp;status=escalated&amp;category=TAX&amp;sort=-dueBy&amp;page=2\""))));
        assertThat(STUB.requestsTo("GET", TICKETS)).singleElement().extracting(StubGateway.Request::query)
                .isEqualTo("status=escalated&category=TAX&partnerId=" + PARTNER_A + "&sort=-dueBy&offset=25&limit=25");
    }

    @Test
    void theQueueKeepsToOpenStatesAndTheAllViewTakesAnyWithTheOrdersTheServiceAccepts() throws Exception {
        STUB.answerJson("GET", TICKETS, "[]");
        partners();

        // the queue offers only its open states: a finished one is not a filter of it
        mvc.perform(get("/disputes?status=withdrawn").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("<option value=\"withdrawn\"")),
                        containsString("<option value=\"dueBy\" selected=\"selected\">Most overdue first"))));
        mvc.perform(get("/disputes?show=all&status=withdrawn&sort=createdAt").header("Accept-Language", "de")
                        .with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"withdrawn\" selected=\"selected\">Zurückgezogen</option>"),
                        containsString("<option value=\"createdAt\" selected=\"selected\">Älteste zuerst</option>"))));
        // an order the service does not take on this branch is neither offered nor sent
        mvc.perform(get("/disputes?show=all&sort=-amount").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"-createdAt\" selected=\"selected\">"),
                        not(containsString("amount\"")), not(containsString("lastUpdate")))));
        assertThat(STUB.requestsTo("GET", TICKETS)).extracting(StubGateway.Request::query).containsExactly(
                "status=open&status=inReview&status=escalated&status=resolutionProposed&status=rejected"
                        + "&status=pendingInformation&sort=dueBy"
                        + "&offset=0&limit=25",
                "status=withdrawn&sort=createdAt&offset=0&limit=25", "offset=0&limit=25");
    }

    @Test
    void aPartnerThatIsNoIdIsABadRequestWithNothingAskedAndPartnersGetNoFilters() throws Exception {
        partners();
        mvc.perform(get("/disputes?partnerId=streamly").with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This partner is not one we know")));
        assertThat(STUB.requestsTo("GET", TICKETS)).isEmpty();

        STUB.answerJson("GET", TICKETS, "[]");
        STUB.answerJson("GET", "/api/settlement/statements", "[]");
        mvc.perform(get("/disputes?partnerId=" + PARTNER_A + "&sort=dueBy").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"dispute-sort\""))));
        assertThat(STUB.requestsTo("GET", TICKETS).getLast().query()).isEqualTo("offset=0&limit=25");
    }
}
