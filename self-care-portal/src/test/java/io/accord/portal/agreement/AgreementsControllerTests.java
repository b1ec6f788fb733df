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

class AgreementsControllerTests extends PortalTestSupport {

    AgreementsControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String API = "/tmf-api/agreementManagement/v4/agreement";
    private static final String ID = "a9000000-0000-4000-8000-000000000002";

    private static String agreement(String status) {
        return """
                {"id":"%s","name":"Sell-through agreement","agreementType":"SELL_THROUGH","status":"%s","version":"2",
                 "agreementPeriod":{"startDateTime":"2027-01-01T00:00:00Z"},
                 "terms":{"currency":"EUR","settlementCycle":"MONTHLY","paymentTermsDays":30,"disputeWindowDays":60,
                   "revenueShares":[{"offeringCategory":"VIDEO","partnerSharePercent":"30.00",
                                     "tiers":[{"fromVolume":"10000","partnerSharePercent":"35.00"}]}],
                   "wholesaleRates":[{"unit":"MB","price":{"amount":"0.001000","currency":"EUR"}}],
                   "reconciliationTolerance":{"absolute":{"amount":"5.00","currency":"EUR"},"percent":"0.5"}}}"""
                .formatted(ID, status);
    }

    /**
     * A proposed version whose terms a second CSP user approved (four-eyes, ADR 0005): the partner may countersign. As
     * onboarding shows it to a partner: when, not by whom.
     */
    private static String approvedProposal() {
        return agreement("PENDING_APPROVAL").replace("\"version\":\"2\",", """
                "version":"2","termsApproval":{"proposedAt":"2026-12-07T09:00:00Z","approvedAt":"2026-12-07T10:00:00Z"},""");
    }

    @Test
    void listsTheVersionsWithTheProposedOneMarked() throws Exception {
        STUB.answerJson("GET", API, 200, "[" + agreement("PENDING_APPROVAL") + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/agreements").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/agreements/" + ID),
                        containsString("Sell-through agreement"), containsString("badge warn"),
                        containsString("2027-01-01"))));
        assertThat(STUB.requestsTo("GET", API).getFirst().query()).isEqualTo("offset=0&limit=20");
    }

    @Test
    void aProposedVersionShowsItsTermsAndTheCountersignatureToAPartnerAdmin() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, approvedProposal());

        mvc.perform(get("/agreements/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("VIDEO"), containsString(">30 %<"),
                        containsString("from 10,000: 35 %"), containsString("0.001 EUR"),
                        containsString("5.00 EUR / 0.5 %"), containsString("30 days"), containsString(">Monthly<"),
                        containsString(">Pending approval<"), containsString("<td>MB</td>"),
                        not(containsString("MONTHLY")), not(containsString("PENDING_APPROVAL")),
                        containsString("Countersign</button>"), not(containsString("awaiting-csp-approval")))));
    }

    @Test
    void aProposedVersionWhoseTermsTheCspHasNotApprovedCannotBeCountersignedYet() throws Exception {
        String unapproved = agreement("PENDING_APPROVAL").replace("\"version\":\"2\",", """
                "version":"2","termsApproval":{"proposedAt":"2026-12-07T09:00:00Z"},""");
        for (String body : List.of(agreement("PENDING_APPROVAL"), unapproved)) {
            STUB.answerJson("GET", API + "/" + ID, body);

            mvc.perform(get("/agreements/" + ID).with(TestUsers.partner("partner-admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("Countersign</button>")),
                            containsString("This version is awaiting the CSP&#39;s approval of its terms"))));
            mvc.perform(get("/agreements/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("Gegenzeichnen</button>")),
                            containsString("Diese Version wartet auf die Freigabe ihrer Bedingungen durch den CSP"))));
        }
    }

    @Test
    void germanTermsHaveGermanNumbersAndWords() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, agreement("ACTIVE").replace("\"disputeWindowDays\":60,",
                "\"disputeWindowDays\":60,\"taxTreatment\":{\"ratePercent\":19.0,\"reverseCharge\":true},"));

        mvc.perform(get("/agreements/" + ID).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">30 %<"), containsString("ab 10.000: 35 %"),
                        containsString("5,00 EUR / 0,5 %"), containsString("19 % · Reverse-Charge"),
                        containsString(">Monatlich<"), containsString(">Aktiv<"),
                        not(containsString("19.0")), not(containsString("reverse charge")))));
    }

    @Test
    void anAgreementNamedAfterItsModelReadsInTheUsersLanguage() throws Exception {
        String named = agreement("ACTIVE").replace("\"name\":\"Sell-through agreement\"",
                "\"name\":\"SELL_THROUGH agreement with Streamly GmbH\"");
        STUB.answerJson("GET", API, 200, "[" + named + "]", Map.of("X-Total-Count", "1"));
        STUB.answerJson("GET", API + "/" + ID, named);

        for (String page : List.of("/agreements", "/agreements/" + ID)) {
            mvc.perform(get(page).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Vereinbarung (Vertrieb durch uns) mit Streamly GmbH"),
                            not(containsString("SELL_THROUGH")), not(containsString("agreement with")))));
        }
        mvc.perform(get("/agreements/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sell-through agreement with Streamly GmbH"),
                        containsString("<title>Sell-through agreement with Streamly GmbH, version 2 · Accord</title>"))));
    }

    @Test
    void aPartnerUserCannotCountersign() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, approvedProposal());

        mvc.perform(get("/agreements/" + ID).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Countersign</button>"))));
    }

    @Test
    void countersigningPostsAndShowsTheVersion() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/countersignature", agreement("APPROVED"));

        mvc.perform(post("/agreements/" + ID + "/countersignature").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/agreements/" + ID));
        assertThat(STUB.requestsTo("POST", API + "/" + ID + "/countersignature").getFirst().authorization())
                .isEqualTo("Bearer partner-token");
    }

    @Test
    void aVersionNoLongerProposedIsAConflictSayingWhy() throws Exception {
        STUB.answerJson("POST", API + "/" + ID + "/countersignature", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Agreement version 2 is TERMINATED\"}", Map.of());
        STUB.answerJson("GET", API + "/" + ID, agreement("TERMINATED"));

        mvc.perform(post("/agreements/" + ID + "/countersignature").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The agreement was not countersigned."),
                        containsString("Agreement version 2 is TERMINATED"),
                        not(containsString("Countersign</button>")))));
    }

    @Test
    void aCountersignatureSendsTheTagTheTermsWereReadWithAndTermsChangedSinceAreNotSigned() throws Exception {
        STUB.answerJson("GET", API + "/" + ID, 200, approvedProposal(), Map.of("ETag", "\"5\""));
        mvc.perform(get("/agreements/" + ID).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"etag\" value=\"&quot;5&quot;\"")));

        // sent back, changed to 45 days and approved again since the page was read: onboarding refuses the signature
        STUB.answerJson("POST", API + "/" + ID + "/countersignature", 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"Agreement %s has changed since the version If-Match names"}""".formatted(ID),
                Map.of("ETag", "\"6\""));
        STUB.answerJson("GET", API + "/" + ID, 200, approvedProposal().replace("\"paymentTermsDays\":30",
                "\"paymentTermsDays\":45"), Map.of("ETag", "\"6\""));
        mvc.perform(post("/agreements/" + ID + "/countersignature").param("etag", "\"5\"")
                        .header("Accept-Language", "de").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Der Vertrag wurde nicht gegengezeichnet."),
                        containsString("Seit Sie diese Seite geöffnet haben, wurde dies von jemand anderem geändert"),
                        containsString("45 Tage"), containsString("name=\"etag\" value=\"&quot;6&quot;\""),
                        not(containsString("If-Match")))));
        assertThat(STUB.header("POST", API + "/" + ID + "/countersignature", "If-Match")).isEqualTo("\"5\"");
    }
}
