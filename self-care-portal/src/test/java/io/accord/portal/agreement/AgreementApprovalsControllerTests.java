package io.accord.portal.agreement;

import java.util.List;
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

/** Staff approve (or refuse) the terms of proposed agreement versions: four-eyes, ADR 0005. */
class AgreementApprovalsControllerTests extends PortalTestSupport {

    AgreementApprovalsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/tmf-api/agreementManagement/v4/agreement";
    private static final String ID = "a9000000-0000-4000-8000-000000000002";
    private static final String PREVIOUS_ID = "a9000000-0000-4000-8000-000000000001";
    private static final String MANAGER = "partner-manager";

    /** A version of Streamly's agreement; terms as onboarding writes them. */
    private static String version(String id, int version, String status, String approval, String partnerShare,
                                  int paymentDays, String tolerancePercent) {
        return """
                {"id":"%s","name":"SELL_THROUGH agreement with Streamly GmbH","agreementType":"SELL_THROUGH",
                 "status":"%s","version":"%d","initialDate":"2026-12-0%dT09:00:00Z",
                 "engagedParty":[{"id":"%s","name":"Streamly GmbH","role":"Partner"}],
                 "agreementPeriod":{"startDateTime":"2027-01-01T00:00:00Z"}%s,
                 "terms":{"currency":"EUR","settlementCycle":"MONTHLY","paymentTermsDays":%d,"disputeWindowDays":60,
                   "revenueShares":[{"offeringCategory":"VIDEO","partnerSharePercent":"%s","tiers":[]}],
                   "wholesaleRates":[],
                   "reconciliationTolerance":{"absolute":{"amount":"5.00","currency":"EUR"},"percent":"%s"}}}"""
                .formatted(id, status, version, version, PARTNER_A, approval == null ? "" : ",\"termsApproval\":" + approval,
                        paymentDays, partnerShare, tolerancePercent);
    }

    private static String proposed(String proposedBy) {
        return version(ID, 2, "PENDING_APPROVAL", "{\"proposedBy\":\"" + proposedBy + "\"}", "35.00", 45, "0.5");
    }

    private static String previous() {
        return version(PREVIOUS_ID, 1, "ACTIVE", null, "30.00", 30, "0.50");
    }

    /** A version as onboarding lists it under {@code ?termsApproval=pending}: proposed, its terms not approved. */
    private static String row(String id, String partner, String proposedAt, String proposedBy) {
        return """
                {"id":"%s","name":"%s agreement","agreementType":"SELL_THROUGH","status":"PENDING_APPROVAL","version":"3",
                 "engagedParty":[{"id":"%s","name":"%s"}],
                 "termsApproval":{"proposedBy":"%s"%s}}""".formatted(id, partner, id, partner, proposedBy,
                proposedAt == null ? "" : ",\"proposedAt\":\"" + proposedAt + "\"");
    }

    @Test
    void pagesTheVersionsOnboardingListsAsAwaitingTermsApprovalNewestProposalFirst() throws Exception {
        STUB.answerJson("GET", API, 200, "[" + String.join(",",
                row("a9000000-0000-4000-8000-00000000000c", "Newest AG", "2026-12-05T08:15:00.250Z", "pm-carl"),
                row("a9000000-0000-4000-8000-00000000000a", "Older Media", "2026-12-04T08:00:00Z", "pm-anna"),
                row("a9000000-0000-4000-8000-00000000000d", "Before Records Oy", null, "pm-anna")) + "]",
                Map.of("X-Total-Count", "43"));

        String page = mvc.perform(get("/agreement-approvals?page=1").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"/agreement-approvals\" aria-current=\"page\">Agreement terms</a>"),
                        containsString("href=\"/agreement-approvals/a9000000-0000-4000-8000-00000000000c\""),
                        containsString("<td>pm-carl</td>"), containsString("43 in all"),
                        containsString("<th scope=\"col\">Proposed</th>"),
                        containsString(">2026-12-05 08:15</time>"), containsString("<td>—</td>"),
                        containsString("page=2"), not(containsString("2,000")))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("Newest AG")).isPositive().isLessThan(page.indexOf("Older Media"));
        assertThat(STUB.requestsTo("GET", API)).singleElement().satisfies(request -> assertThat(request.query())
                .contains("termsApproval=pending", "offset=20", "limit=20").doesNotContain("status="));
    }

    @Test
    void aPageBeyondTheLastGoesToTheLastOne() throws Exception {
        STUB.answerJson("GET", API, 200, "[]", Map.of("X-Total-Count", "21"));

        mvc.perform(get("/agreement-approvals?page=4").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(redirectedUrl("/agreement-approvals?page=1"));
    }

    @Test
    void onlyTheRolesOnboardingLetsApproveFindThePage() throws Exception {
        STUB.answerJson("GET", API, 200, "[]", Map.of("X-Total-Count", "0"));
        mvc.perform(get("/agreement-approvals?lang=de").with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Freizugebende Vertragsbedingungen"),
                        containsString("Keine Vertragsbedingungen warten auf Freigabe."))));
        STUB.reset();

        for (String role : List.of("finance", "auditor", "ops")) {
            mvc.perform(get("/agreement-approvals").with(TestUsers.staff(role, role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/agreement-approvals/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden());
        STUB.answerJson("GET", "/api/settlement/statements", "[]");
        mvc.perform(get("/statements").with(TestUsers.staff("finance", "finance")))
                .andExpect(content().string(not(containsString("href=\"/agreement-approvals\""))));
        assertThat(STUB.requestsTo("GET", API)).isEmpty();
    }

    @Test
    void theVersionShowsItsTermsMarkedWhereTheyDifferFromThePreviousVersion() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, proposed("pm-anna"));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        String page = mvc.perform(get("/agreement-approvals/" + ID).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Streamly GmbH"), containsString("pm-anna"),
                        containsString(">35 %<"), containsString("45 days"), containsString("Partner&#39;s share"),
                        containsString("Changed compared with version 1 (Active)"),
                        containsString("Approve the terms</button>"), not(containsString("disabled=\"disabled\"")),
                        containsString("name=\"_csrf\""))))
                .andReturn().getResponse().getContentAsString();
        String changes = page.substring(page.indexOf("data-testid=\"changed-terms\""));
        changes = changes.substring(0, changes.indexOf("</ul>"));
        // 0.50 % and 0.5 % are the same tolerance; the share and the payment terms changed
        assertThat(changes).contains("Payment terms", "Revenue shares").doesNotContain("tolerance", "Currency");
        assertThat(STUB.requestsTo("GET", API).getFirst().query())
                .contains("engagedParty.id=" + PARTNER_A).contains("version=1");
    }

    @Test
    void aFirstVersionHasNothingToCompareWith() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, proposed("pm-anna").replace("\"version\":\"2\"", "\"version\":\"1\""));

        mvc.perform(get("/agreement-approvals/" + ID).header("Accept-Language", "de")
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dies ist die erste Vertragsversion des Partners"),
                        containsString("Bedingungen freigeben</button>"), containsString("Anteil des Partners"),
                        not(containsString("term-changed")))));
        assertThat(STUB.requestsTo("GET", API)).isEmpty();
    }

    @Test
    void whoeverProposedTheVersionSeesApproveDisabledWithTheReason() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, proposed(MANAGER));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/agreement-approvals/" + ID).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<button type=\"submit\" class=\"primary\""
                                + " aria-describedby=\"approve-disabled\" disabled=\"disabled\">Approve the terms</button>"),
                        containsString("You proposed this version, so you cannot approve its terms"))));
    }

    @Test
    void approvingSendsTheApprovalAndShowsTheVersion() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/approval", proposed("pm-anna"));

        mvc.perform(post("/agreement-approvals/" + ID + "/approval").with(csrf())
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/agreement-approvals/" + ID));
        assertThat(STUB.requestsTo("POST", API + "/" + ID + "/approval").getFirst().authorization())
                .isEqualTo("Bearer partner-manager-token");
    }

    @Test
    void aCreatorRefusedByFourEyesIsToldSoInWords() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/approval", 403, """
                {"type":"https://accord.dev/problems/four-eyes","title":"Forbidden","status":403,
                 "detail":"Agreement %s (version 2) was created by partner-manager: another partner-manager or platform-admin than partner-manager must approve its terms (POST %s/%s/approval) (four-eyes)"}"""
                .formatted(ID, API, ID), Map.of());
        STUB.answerJson("GET", API + "/" + ID, proposed("pm-anna"));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(post("/agreement-approvals/" + ID + "/approval").with(csrf())
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("The terms were not approved."),
                        containsString("You created, changed or proposed this version: another partner manager or"
                                + " platform admin must approve its terms (four-eyes)."),
                        not(containsString("/tmf-api")), not(containsString("Exception")),
                        containsString(">35 %<"))));
    }

    @Test
    void termsApprovedMeanwhileAreAConflictSayingWhy() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/approval", 409, """
                {"title":"Conflict","status":409,"detail":"The terms of agreement version 2 were already approved by pm-ben"}""",
                Map.of());
        STUB.answerJson("GET", API + "/" + ID, version(ID, 2, "PENDING_APPROVAL",
                "{\"proposedBy\":\"pm-anna\",\"approvedBy\":\"pm-ben\",\"approvedAt\":\"2026-12-07T10:00:00Z\"}",
                "35.00", 45, "0.5"));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(post("/agreement-approvals/" + ID + "/approval").with(csrf())
                        .with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("were already approved by pm-ben"),
                        containsString("Nothing to approve"), not(containsString("Approve the terms</button>")))));
    }

    @Test
    void refusingWithdrawsTheVersionWithTheReason() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/termination", version(ID, 2, "TERMINATED", null, "35.00", 45, "0.5"));

        mvc.perform(post("/agreement-approvals/" + ID + "/refusal").param("reason", "  Share above the template  ")
                        .with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/agreement-approvals/" + ID));
        assertThat(STUB.requestsTo("POST", API + "/" + ID + "/termination").getFirst().body())
                .isEqualTo("{\"reason\":\"Share above the template\"}");
    }

    @Test
    void aRefusalWithoutAReasonSendsNothingAndSaysWhatIsMissing() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, proposed("pm-anna"));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(post("/agreement-approvals/" + ID + "/refusal").param("reason", "   ").header("Accept-Language", "de")
                        .with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Geben Sie den Grund der Ablehnung an.")));
        mvc.perform(post("/agreement-approvals/" + ID + "/approval").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).noneMatch(request -> "POST".equals(request.method()));
    }

    @Test
    void aPreviousVersionThatCannotBeReadLeavesTheTermsAndSaysSo() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, proposed("pm-anna"));
        STUB.answerJson("GET", API, 503, "{\"title\":\"Service Unavailable\",\"status\":503}", Map.of());

        mvc.perform(get("/agreement-approvals/" + ID).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The previous version could not be read right now"),
                        containsString(">35 %<"), containsString("Approve the terms</button>"),
                        not(containsString("first agreement version")))));
    }

    @Test
    void sendingBackSendsTheReasonToOnboardingAndShowsTheVersion() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/sendBack", version(ID, 2, "DRAFT", null, "35.00", 45, "0.5"));

        mvc.perform(post("/agreement-approvals/" + ID + "/sendBack").param("reason", "  Share must be 30 %  ")
                        .with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/agreement-approvals/" + ID))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("noticeKey", "agreementApprovals.sentBack"));
        assertThat(STUB.requestsTo("POST", API + "/" + ID + "/sendBack").getFirst().body())
                .isEqualTo("{\"reason\":\"Share must be 30 %\"}");
        assertThat(STUB.requestsTo("POST", API + "/" + ID + "/termination")).isEmpty();
    }

    @Test
    void aSendBackWithoutAReasonSendsNothingAndAProposersOwnIsRefusedInWords() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, proposed("pm-anna"));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(post("/agreement-approvals/" + ID + "/sendBack").param("reason", " ").header("Accept-Language", "de")
                        .with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Geben Sie den Grund der Rückgabe an")));
        assertThat(STUB.requests()).noneMatch(request -> "POST".equals(request.method()));

        STUB.answerJson("POST", API + "/" + ID + "/sendBack", 403, """
                {"type":"https://accord.dev/problems/four-eyes","title":"Forbidden","status":403,
                 "detail":"Agreement %s (version 2) was proposed by partner-manager (four-eyes)"}""".formatted(ID),
                Map.of());
        mvc.perform(post("/agreement-approvals/" + ID + "/sendBack").param("reason", "mine")
                        .with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("The version was not sent back."),
                        containsString("another partner manager or platform admin sends it back (four-eyes)"),
                        containsString(">mine</textarea>"), not(containsString("/tmf-api")))));
    }

    @Test
    void theVersionNamesWhoSentItBackWhenAndWhyAndOffersToSendItBack() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, version(ID, 2, "PENDING_APPROVAL", """
                {"proposedBy":"pm-anna","proposedAt":"2026-12-07T11:00:00Z","sentBackBy":"pm-ben",
                 "sentBackAt":"2026-12-06T16:30:00Z","sentBackReason":"Payment terms of 45 days are too long"}""",
                "35.00", 45, "0.5"));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/agreement-approvals/" + ID).with(TestUsers.staff("platform-admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt>Sent back by</dt>"),
                        containsString("pm-ben (2026-12-06 16:30)"),
                        containsString("Payment terms of 45 days are too long"),
                        containsString("formaction=\"/agreement-approvals/" + ID + "/sendBack\""),
                        containsString("Send back for changes</button>"),
                        containsString("Refuse and withdraw the version</button>"))));
    }

    @Test
    void theSentBackAndApprovedListsNameWhoAndWhen() throws Exception {
        STUB.answerJson("GET", API, 200, """
                [{"id":"a9000000-0000-4000-8000-00000000000e","name":"Returned agreement","agreementType":"SELL_THROUGH",
                  "status":"DRAFT","version":"2","engagedParty":[{"id":"p","name":"Returned GmbH"}],
                  "termsApproval":{"proposedBy":"pm-anna","proposedAt":"2026-12-05T08:00:00Z","sentBackBy":"pm-ben",
                   "sentBackAt":"2026-12-05T09:45:00Z","sentBackReason":"Guarantee missing"}}]""",
                Map.of("X-Total-Count", "1"));

        mvc.perform(get("/agreement-approvals?show=sentBack").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"col\">Sent back by</th>"),
                        containsString(">2026-12-05 09:45</time>: <span>Guarantee missing</span>"),
                        containsString("href=\"/agreement-approvals?show=sentBack\" aria-current=\"page\""))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).contains("termsApproval=sentBack");
        STUB.reset();

        STUB.answerJson("GET", API, 200, """
                [{"id":"a9000000-0000-4000-8000-00000000000f","name":"Approved agreement","agreementType":"SELL_THROUGH",
                  "status":"PENDING_APPROVAL","version":"1","engagedParty":[{"id":"p","name":"Approved AG"}],
                  "termsApproval":{"proposedBy":"pm-anna","proposedAt":"2026-12-05T08:00:00Z","approvedBy":"pm-ben",
                   "approvedAt":"2026-12-05T10:15:00Z"}}]""", Map.of("X-Total-Count", "1"));
        mvc.perform(get("/agreement-approvals?show=approved").header("Accept-Language", "de")
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("pm-ben, <time"),
                        containsString("datetime=\"2026-12-05T10:15:00Z\">05.12.2026, 10:15</time>"),
                        containsString("<th scope=\"col\">Bedingungen freigegeben von</th>"))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).contains("termsApproval=approved");
        STUB.reset();

        STUB.answerJson("GET", API, 200, "[]", Map.of("X-Total-Count", "0"));
        mvc.perform(get("/agreement-approvals?show=bogus").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk());
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).contains("termsApproval=pending");
    }

    @Test
    void theSentBackListOffersOnlyThoseSentBackToTheUser() throws Exception {
        STUB.answerJson("GET", API, 200, "[]", Map.of("X-Total-Count", "0"));

        mvc.perform(get("/agreement-approvals?show=sentBack&mine=true").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/agreement-approvals?show=sentBack&amp;mine=true\" aria-current=\"page\""
                                + ">Sent back to me</a>"),
                        containsString("<a href=\"/agreement-approvals?show=sentBack\">All</a>"),
                        containsString("No version you created, changed or proposed is sent back for changes."))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).contains("termsApproval=sentBack",
                "preparedBy=me");
        STUB.reset();

        STUB.answerJson("GET", API, 200, "[]", Map.of("X-Total-Count", "0"));
        mvc.perform(get("/agreement-approvals?show=sentBack").header("Accept-Language", "de")
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<a href=\"/agreement-approvals?show=sentBack&amp;mine=true\">An mich"
                                + " zurückgegeben</a>"),
                        containsString("Keine Vertragsversion ist zur Überarbeitung zurückgegeben."))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).doesNotContain("preparedBy");
        STUB.reset();

        STUB.answerJson("GET", API, 200, "[]", Map.of("X-Total-Count", "0"));
        mvc.perform(get("/agreement-approvals?mine=true").with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Sent back to me"))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).contains("termsApproval=pending")
                .doesNotContain("preparedBy");
    }

    /** Onboarding's 412 to an action sent with a tag the version no longer has. */
    private static void staleAction(String action) {
        STUB.answerJson("POST", API + "/" + ID + "/" + action, 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"Agreement %s has changed since the version If-Match names (\\"3\\"); it is now at ETag \\"4\\""}"""
                .formatted(ID), Map.of("ETag", "\"4\""));
    }

    /** The version after its proposer changed the share to 40 % and proposed it again: ETag "4". */
    private static void changedMeanwhile() {
        STUB.answerJson("GET", API + "/" + ID, 200, version(ID, 2, "PENDING_APPROVAL", "{\"proposedBy\":\"pm-anna\"}",
                "40.00", 45, "0.5"), Map.of("ETag", "\"4\""));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));
    }

    @Test
    void anApprovalSendsTheTagTheTermsWereReadWithAndTermsChangedSinceAreNotApproved() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, 200, proposed("pm-anna"), Map.of("ETag", "\"3\""));
        STUB.answerJson("GET", API, 200, "[" + previous() + "]", Map.of("X-Total-Count", "1"));

        String read = mvc.perform(get("/agreement-approvals/" + ID).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the approval form and the send-back/refusal form each carry it
        assertThat(read.split("name=\"etag\" value=\"&quot;3&quot;\"", -1)).hasSize(3);

        staleAction("approval");
        changedMeanwhile();
        mvc.perform(post("/agreement-approvals/" + ID + "/approval").param("etag", "\"3\"").with(csrf())
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The terms were not approved."),
                        containsString("Changed by someone else since you opened this page — here is the current"
                                + " version; re-apply your change."),
                        containsString(">40 %<"), not(containsString(">35 %<")),
                        containsString("Changed compared with version 1 (Active)"),
                        containsString("name=\"etag\" value=\"&quot;4&quot;\""),
                        not(containsString("&quot;3&quot;")), not(containsString("If-Match")))));
        assertThat(STUB.header("POST", API + "/" + ID + "/approval", "If-Match")).isEqualTo("\"3\"");
    }

    @Test
    void aSendBackOrRefusalOfTermsChangedSinceChangesNothingAndKeepsTheReason() throws Exception {
        staleAction("sendBack");
        staleAction("termination");
        changedMeanwhile();

        mvc.perform(post("/agreement-approvals/" + ID + "/refusal").param("reason", "Share above the template")
                        .param("etag", "\"3\"").header("Accept-Language", "de").with(csrf())
                        .with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Die Version wurde nicht zurückgezogen."),
                        containsString("Seit Sie diese Seite geöffnet haben, wurde dies von jemand anderem geändert"),
                        containsString(">Share above the template</textarea>"), containsString(">40 %<"),
                        containsString("name=\"etag\" value=\"&quot;4&quot;\""))));
        mvc.perform(post("/agreement-approvals/" + ID + "/sendBack").param("reason", "Share must be 30 %")
                        .param("etag", "\"3\"").with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The version was not sent back."),
                        containsString("Changed by someone else since you opened this page"),
                        containsString(">Share must be 30 %</textarea>"))));

        assertThat(STUB.header("POST", API + "/" + ID + "/termination", "If-Match")).isEqualTo("\"3\"");
        assertThat(STUB.header("POST", API + "/" + ID + "/sendBack", "If-Match")).isEqualTo("\"3\"");
    }

    @Test
    void aReasonMissingKeepsTheTagTheFormWasReadWith() throws Exception {
        changedMeanwhile();

        // nothing is sent; the form still rests on version "3", so sending it now is refused if that changed
        mvc.perform(post("/agreement-approvals/" + ID + "/refusal").param("reason", " ").param("etag", "\"3\"")
                        .with(csrf()).with(TestUsers.staff(MANAGER, MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("name=\"etag\" value=\"&quot;3&quot;\""),
                        not(containsString("&quot;4&quot;")))));
        assertThat(STUB.requests()).noneMatch(request -> "POST".equals(request.method()));
    }
}
