package io.accord.portal.catalog;

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

/** Co-creation consent: the invitations naming the partner, and its admins' accept or decline (docs/catalog-model.md). */
class CoCreationControllerTests extends PortalTestSupport {

    private static final String OFFERING = "5f1c0000-0000-4000-8000-0000000000a1";
    private static final String PARTNER_B = "22222222-2222-4222-8222-222222222222";
    private static final String OTHER = "33333333-3333-4333-8333-333333333333";
    private static final String INVITATIONS = "/api/catalog/co-creation-invitations";
    private static final String DECISION = "/api/catalog/offerings/" + OFFERING + "/co-creation/decision";

    CoCreationControllerTests(MockMvc mvc) {
        super(mvc);
    }

    /** Partner B's draft naming partner A (30 %, pending) and another partner (20 %, accepted). */
    private static void answersOneInvitation() {
        STUB.answerJson("GET", INVITATIONS, 200, """
                [{"offeringId":"%s","name":"S66 Joint Stream","ownerPartnerId":"%s","offeringStatus":"DRAFT",
                  "coCreators":[{"partnerId":"%s","sharePercent":30,"consent":"PENDING",
                                 "invitedBy":"partner-admin-b","invitedAt":"2026-12-06T09:30:00Z"},
                                {"partnerId":"%s","sharePercent":20.5,"consent":"ACCEPTED",
                                 "invitedBy":"partner-admin-b","invitedAt":"2026-12-05T08:00:00Z"}]}]"""
                .formatted(OFFERING, PARTNER_B, PARTNER_A, OTHER), Map.of("X-Total-Count", "1"));
    }

    @Test
    void aPartnerAdminSeesItsInvitationWithTheSharesAndWhoNamedItAndMayAnswer() throws Exception {
        answersOneInvitation();

        String page = mvc.perform(get("/catalog/co-creation").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("S66 Joint Stream"),
                        containsString("Your partner: 30 %"), containsString("20.5 %"),
                        containsString("not answered yet"), containsString("accepted"),
                        containsString("partner-admin-b, 2026-12-06 09:30 (UTC)"),
                        containsString("action=\"/catalog/co-creation/" + OFFERING + "/decision\""),
                        containsString("name=\"decision\" value=\"ACCEPT\""),
                        containsString("name=\"decision\" value=\"DECLINE\""),
                        containsString("name=\"confirmed\" value=\"true\" required"),
                        containsString("I accept that our partner is bound by a share of 30 %"),
                        containsString("name=\"_csrf\""), not(containsString("data-testid=\"read-only\"")))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(PARTNER_B.substring(0, 8));
        assertThat(STUB.requestsTo("GET", INVITATIONS)).singleElement()
                .satisfies(call -> assertThat(call.query()).isEqualTo("offset=0&limit=25"));
    }

    @Test
    void aPartnerUserSeesTheListReadOnlyAndIsRefusedAnAnswer() throws Exception {
        answersOneInvitation();
        var user = TestUsers.partner("partner-user");

        mvc.perform(get("/catalog/co-creation").with(user))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("S66 Joint Stream"),
                        containsString("data-testid=\"read-only\""), not(containsString("value=\"ACCEPT\"")))));

        STUB.reset();
        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(user)
                        .param("decision", "ACCEPT").param("confirmed", "true"))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void acceptingAndDecliningSendTheAnswerAndSayWhatWasDone() throws Exception {
        STUB.answerJson("POST", DECISION, "{\"offeringId\":\"%s\",\"coCreators\":[]}".formatted(OFFERING));
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "ACCEPT").param("confirmed", "true").param("name", "S66 Joint Stream"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/co-creation"))
                .andExpect(flash().attribute("decidedKey", "coCreation.accepted"))
                .andExpect(flash().attribute("decidedName", "S66 Joint Stream"));
        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "DECLINE").param("confirmed", "true").param("reason", "  share too low "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("decidedKey", "coCreation.declined"));

        assertThat(STUB.requestsTo("POST", DECISION)).extracting(call -> call.body()).containsExactly(
                "{\"decision\":\"ACCEPT\"}", "{\"decision\":\"DECLINE\",\"reason\":\"share too low\"}");
        assertThat(STUB.requestsTo("POST", DECISION)).allSatisfy(
                call -> assertThat(call.authorization()).isEqualTo("Bearer partner-token"));

        answersOneInvitation();
        mvc.perform(get("/catalog/co-creation").with(admin).flashAttr("decidedKey", "coCreation.declined")
                        .flashAttr("decidedName", "S66 Joint Stream"))
                .andExpect(content().string(containsString("You declined to co-create S66 Joint Stream.")));
    }

    @Test
    void anUnconfirmedOrUnknownAnswerIsA400AndNothingIsSent() throws Exception {
        answersOneInvitation();
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "ACCEPT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"cocreation-error\""),
                        containsString("Tick the confirmation box to send your answer."),
                        containsString("S66 Joint Stream"))));
        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "MAYBE").param("confirmed", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose Accept or Decline.")));
        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "DECLINE").param("confirmed", "true").param("reason", "x".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The reason is too long")));
        mvc.perform(post("/catalog/co-creation/not-a-uuid/decision").with(csrf()).with(admin)
                        .param("decision", "ACCEPT").param("confirmed", "true"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(admin)
                        .param("decision", "ACCEPT").param("confirmed", "true"))
                .andExpect(status().isForbidden());

        assertThat(STUB.requestsTo("POST", DECISION)).isEmpty();
    }

    @Test
    void theCatalogsRefusalIsShownWithItsStatus() throws Exception {
        answersOneInvitation();
        var admin = TestUsers.partner("partner-admin");
        STUB.answerJson("POST", DECISION, 409, """
                {"title":"Conflict","status":409,"detail":"partner 1111 accepted already"}""", Map.of());

        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "ACCEPT").param("confirmed", "true"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("it was answered already or the offering is no "
                        + "longer a draft"), containsString("partner 1111 accepted already"))));

        STUB.answerJson("POST", DECISION, 404, """
                {"title":"Not Found","status":404,"detail":"offering not found"}""", Map.of());
        mvc.perform(post("/catalog/co-creation/" + OFFERING + "/decision").with(csrf()).with(admin)
                        .param("decision", "DECLINE").param("confirmed", "true"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("your partner is no longer named on this offering")));
    }

    @Test
    void theCatalogPageLinksTheInvitationsWithTheCountWaiting() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", 200, "[]",
                Map.of("X-Total-Count", "0"));
        STUB.answerJson("GET", INVITATIONS, 200, "[{}]", Map.of("X-Total-Count", "3"));

        mvc.perform(get("/catalog").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/catalog/co-creation\""),
                        containsString("data-testid=\"co-creation-pending\">3 waiting for an answer</span>"))));
        assertThat(STUB.requestsTo("GET", INVITATIONS)).singleElement()
                .satisfies(call -> assertThat(call.query()).isEqualTo("offset=0&limit=1"));

        STUB.answerJson("GET", INVITATIONS, 200, "[]", Map.of("X-Total-Count", "0"));
        mvc.perform(get("/catalog").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Einladungen zur Co-Creation"),
                        not(containsString("co-creation-pending")))));
    }
}
