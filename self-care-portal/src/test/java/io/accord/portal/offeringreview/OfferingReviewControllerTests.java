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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OfferingReviewControllerTests extends PortalTestSupport {

    OfferingReviewControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ID = "0ff00000-0000-4000-8000-000000000001";
    private static final String QUEUE = "/api/catalog/review-queue";
    private static final String DECISION = "/api/catalog/offerings/" + ID + "/decision";
    private static final String ITEM = """
            [{"offeringId":"%s","name":"Video Plus","externalId":"off-video-plus","ownerPartnerId":"%s",
              "status":"IN_REVIEW","pendingChange":"NEW_PRICE_VERSION","categoryCode":"video",
              "submittedAt":"2026-12-01T09:15:30Z"}]""".formatted(ID, PARTNER_A);

    private static String offering(String lifecycleStatus, String reason) {
        return """
                {"id":"%s","name":"Video Plus","lifecycleStatus":"%s"%s}"""
                .formatted(ID, lifecycleStatus, reason == null ? "" : ",\"statusReason\":\"" + reason + "\"");
    }

    @Test
    void aPartnerManagerSeesTheQueueWithDecisions() throws Exception {
        STUB.answerJson("GET", QUEUE, 200, ITEM, Map.of("X-Total-Count", "1"));

        mvc.perform(get("/offering-review").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Video Plus"), containsString("off-video-plus"),
                        containsString("new price version"), containsString("2026-12-01 09:15"),
                        containsString("11111111"), containsString("Approve Video Plus"),
                        containsString("Reject Video Plus"), containsString("<label for=\"launch-" + ID + "\""),
                        containsString("<label for=\"offering-reason-" + ID + "\""),
                        containsString("name=\"_csrf\""))));
        var call = STUB.requestsTo("GET", QUEUE).getFirst();
        assertThat(call.query()).isEqualTo("offset=0&limit=25");
        assertThat(call.authorization()).isEqualTo("Bearer partner-manager-token");
    }

    @Test
    void aPendingPriceChangeShowsTheLaunchedVersionBesideTheProposedOne() throws Exception {
        String item = ITEM.replace("\"submittedAt\"", """
                "change":{"change":"NEW_PRICE_VERSION","fields":[],"prices":[{"externalId":"voice","name":"Voice",
                 "change":"CHANGED","changePercent":138.1,
                 "current":{"id":"v1","version":1,"validFrom":"2026-01-01T00:00:00Z","definition":{"type":"USAGE",
                  "amount":0.021,"currency":"EUR","unit":"MIN","roundingFirst":60,"roundingNext":1,"tiers":[]}},
                 "proposed":{"validFrom":"2026-12-10T00:00:00Z","definition":{"type":"USAGE","amount":0.05,
                  "currency":"EUR","unit":"MIN","roundingFirst":60,"roundingNext":1,"tiers":[]}}}]},
                "submittedAt\"""");
        STUB.answerJson("GET", QUEUE, 200, item, Map.of("X-Total-Count", "1"));

        mvc.perform(get("/offering-review").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"pending-change\""),
                        containsString("USAGE 0.021 EUR/MIN, rounding 60/1"), containsString("USAGE 0.05 EUR/MIN"),
                        containsString("(+138.1 %)"))));
    }

    @Test
    void theQueueNamesEachOffersOwnerWithItsIdBeside() throws Exception {
        STUB.answerJson("GET", QUEUE, 200, ITEM, Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH","tradingName":"Streamly"}]""".formatted(PARTNER_A));

        mvc.perform(get("/offering-review").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"partner-name\" title=\"" + PARTNER_A
                        + "\"><span>Streamly GmbH</span><small class=\"muted partner-id\">11111111</small></span>")));
        assertThat(STUB.requestsTo("GET", "/tmf-api/party/v4/organization")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("fields=id,name,tradingName&limit=1&id=" + PARTNER_A));
    }

    @Test
    void opsAndAuditorsReadTheQueueWithoutDecisions() throws Exception {
        STUB.answerJson("GET", QUEUE, ITEM);

        for (String role : new String[] {"auditor", "ops"}) {
            mvc.perform(get("/offering-review").with(TestUsers.staff(role, role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Video Plus"),
                            containsString("decisions are made by partner managers"),
                            not(containsString("Approve Video Plus")), not(containsString("Reject")))));
        }
    }

    @Test
    void approvingWithALaunchDateSendsItAsTheStartOfThatDayInUtc() throws Exception {
        STUB.answerJson("POST", DECISION, offering("Active", null));

        mvc.perform(post("/offering-review/" + ID + "/approval").param("launchOn", "2027-01-15")
                        .param("name", "Video Plus").header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"offering-" + ID + "\""),
                        containsString("Active"), not(containsString("<html")), not(containsString("Approve")))));

        assertThat(STUB.requestsTo("POST", DECISION).getFirst().body())
                .isEqualTo("{\"decision\":\"APPROVE\",\"launchAt\":\"2027-01-15T00:00:00Z\"}");
    }

    @Test
    void approvingWithoutJavaScriptRedirectsToTheQueueWithANotice() throws Exception {
        STUB.answerJson("POST", DECISION, offering("Launched", null));
        STUB.answerJson("GET", QUEUE, "[]");

        var session = mvc.perform(post("/offering-review/" + ID + "/approval").with(csrf())
                        .with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/offering-review"))
                .andReturn();
        mvc.perform(get("/offering-review").flashAttrs(session.getFlashMap())
                        .with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(content().string(containsString("Offering Video Plus is now Launched.")));
        assertThat(STUB.requestsTo("POST", DECISION).getFirst().body()).isEqualTo("{\"decision\":\"APPROVE\"}");
    }

    @Test
    void rejectingSendsTheReason() throws Exception {
        STUB.answerJson("POST", DECISION, offering("Rejected", "Price above the market"));

        mvc.perform(post("/offering-review/" + ID + "/rejection").param("reason", " Price above the market ")
                        .header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rejected"),
                        containsString("Price above the market"))));

        assertThat(STUB.requestsTo("POST", DECISION).getFirst().body())
                .isEqualTo("{\"decision\":\"REJECT\",\"reason\":\"Price above the market\"}");
    }

    @Test
    void rejectingWithoutAReasonOrWithABadDateIsABadRequestThatSendsNothing() throws Exception {
        mvc.perform(post("/offering-review/" + ID + "/rejection").param("reason", "  ").param("name", "Video Plus")
                        .header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter the reason for rejecting."),
                        containsString("role=\"alert\""), containsString("Reject Video Plus"))));
        mvc.perform(post("/offering-review/" + ID + "/approval").param("launchOn", "15.01.2027")
                        .header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The launch date is not a date.")));

        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void anOfferingDecidedMeanwhileIsAConflict() throws Exception {
        STUB.answerJson("POST", DECISION, 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"offering is LAUNCHED\"}", Map.of());

        mvc.perform(post("/offering-review/" + ID + "/approval").header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The catalog refused this decision"),
                        containsString("offering is LAUNCHED"))));
    }

    @Test
    void anApprovalOfOnesOwnSubmissionIsRefusedNamingFourEyes() throws Exception {
        STUB.answerJson("POST", DECISION, 409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"offering "
                + ID + " was submitted by partner-manager: another partner manager must approve it (four-eyes)\"}",
                Map.of());

        mvc.perform(post("/offering-review/" + ID + "/approval").header("HX-Request", "true").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("another partner manager must approve it"),
                        containsString("was submitted by partner-manager"))));
    }

    @Test
    void auditorsOpsAndPartnersCannotDecideAndNothingIsSent() throws Exception {
        for (var user : new org.springframework.test.web.servlet.request.RequestPostProcessor[] {
                TestUsers.staff("auditor", "auditor"), TestUsers.staff("ops", "ops"),
                TestUsers.partner("partner-admin")}) {
            mvc.perform(post("/offering-review/" + ID + "/approval").with(csrf()).with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/offering-review/" + ID + "/rejection").param("reason", "no").with(csrf()).with(user))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/offering-review").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }
}
