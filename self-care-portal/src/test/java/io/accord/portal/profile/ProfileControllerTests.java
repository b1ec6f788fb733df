package io.accord.portal.profile;

import java.util.Map;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
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

class ProfileControllerTests extends PortalTestSupport {

    ProfileControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String PARTNER = "/api/onboarding/partners/" + PARTNER_A;
    private static final String CHANGE = "c4a1e0d2-0000-4000-8000-000000000009";

    private static String partner(boolean pending) {
        return """
                {"id":"%s","legalName":"Streamly GmbH","partnerType":"OTT_CONTENT","businessModel":"SELL_THROUGH",
                 "country":"DE","taxId":"DE123456789","settlementCurrency":"EUR","status":"ACTIVE",
                 "registeredAddress":{"street1":"Hauptstr. 1","city":"Berlin","postCode":"10115"},
                 "commercialContact":{"name":"Ada Sales","email":"sales@streamly.example"},
                 "billingContact":{"name":"Bo Billing","email":"billing@streamly.example","phone":"+49 30 1234"},
                 "bankAccount":{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}%s}"""
                .formatted(PARTNER_A, pending ? """
                        ,"pendingBankAccount":{"changeId":"%s","iban":"DE02120300000000202051","bic":"BYLADEM1001",
                          "requestedBy":"partner-admin","requestedAt":"2026-12-01T09:30:00Z"}""".formatted(CHANGE) : "");
    }

    @Test
    void aPartnerAdminSeesItsProfileWithTheContactAndBankForms() throws Exception {
        STUB.answerJson("GET", PARTNER, partner(true));

        mvc.perform(get("/profile").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Streamly GmbH"),
                        containsString("Hauptstr. 1, 10115 Berlin"), containsString("DE89370400440532013000"),
                        containsString("<label for=\"commercial-email\""), containsString("value=\"sales@streamly.example\""),
                        containsString("autocomplete=\"section-commercial email\""),
                        containsString("autocomplete=\"section-billing tel\""),
                        containsString("autocomplete=\"section-technical name\""),
                        containsString("IBAN DE02120300000000202051, BIC BYLADEM1001, requested by partner-admin at 2026-12-01 09:30 UTC."),
                        containsString("Request new bank details"), containsString("<label for=\"iban\""),
                        not(containsString("Confirm bank details")))));
        assertThat(STUB.requestsTo("GET", PARTNER).getFirst().authorization()).isEqualTo("Bearer partner-token");
    }

    @Test
    void aPartnerUserReadsTheProfileWithoutForms() throws Exception {
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(get("/profile").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bo Billing"), containsString("+49 30 1234"),
                        not(containsString("Save contacts")), not(containsString("Request new bank details")),
                        // says who can change it, and a table to read has no "(optional)" markers of a form
                        containsString("Your administrator (a partner admin) can change this."),
                        containsString("<th scope=\"col\">Phone</th>"), containsString(">Technical contact</th>"),
                        not(containsString("(optional)")))));
    }

    @Test
    void savingContactsSendsThemAndLeavesAnEmptyTechnicalContactOut() throws Exception {
        STUB.answerJson("PUT", PARTNER + "/contacts", partner(false));

        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("commercial.name", "Ada Sales").param("commercial.email", "ada@streamly.example")
                        .param("technical.name", "").param("technical.email", "")
                        .param("billing.name", "Bo Billing").param("billing.email", "billing@streamly.example")
                        .param("billing.phone", "+49 30 1234"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/profile"));

        assertThat(STUB.requestsTo("PUT", PARTNER + "/contacts").getFirst().body()).isEqualTo(
                "{\"commercial\":{\"name\":\"Ada Sales\",\"email\":\"ada@streamly.example\"},"
                        + "\"billing\":{\"name\":\"Bo Billing\",\"email\":\"billing@streamly.example\","
                        + "\"phone\":\"+49 30 1234\"}}");
    }

    @Test
    void aContactTheServiceRefusesShowsTheErrorAtItsField() throws Exception {
        STUB.answerJson("PUT", PARTNER + "/contacts", 400, """
                {"title":"Invalid input","status":400,"detail":"The request has invalid fields: commercial.email.",
                 "violations":[{"field":"commercial.email","message":"must be a well-formed email address"}]}""",
                Map.of());
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("commercial.name", "Ada").param("commercial.email", "not-an-email")
                        .param("billing.name", "Bo").param("billing.email", "billing@streamly.example"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("class=\"field-error\">Enter a valid e-mail address, e.g. name@example.com."),
                        containsString("aria-describedby=\"commercial-email-error\""),
                        containsString("aria-invalid=\"true\""), containsString("value=\"not-an-email\""),
                        containsString("role=\"alert\""), containsString("Please correct the marked entries."),
                        not(containsString("commercial.email.")))));
    }

    @Test
    void aGermanPartnerReadsTheServicesFieldErrorsInGermanWithoutItsEnglishDetail() throws Exception {
        STUB.answerJson("PUT", PARTNER + "/contacts", 400, """
                {"title":"Invalid input","status":400,
                 "detail":"The request has invalid fields: billing.email, billing.name, commercial.name.",
                 "violations":[{"field":"billing.email","message":"must be a well-formed email address"},
                               {"field":"billing.name","message":"must not be blank"},
                               {"field":"commercial.name","message":"size must be between 0 and 200"}]}""",
                Map.of());
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .header("Accept-Language", "de")
                        .param("commercial.name", "A".repeat(201)).param("commercial.email", "ada@streamly.example")
                        .param("billing.name", " ").param("billing.email", "billing@"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"billing-email-error\" class=\"field-error\">Geben Sie eine gültige E-Mail-Adresse ein"),
                        containsString("id=\"billing-name-error\" class=\"field-error\">Bitte füllen Sie dieses Feld aus."),
                        containsString("id=\"commercial-name-error\" class=\"field-error\">Geben Sie 0 bis 200 Zeichen ein."),
                        containsString("Bitte korrigieren Sie die markierten Angaben."),
                        not(containsString("must be")), not(containsString("invalid fields")))));
    }

    @Test
    void aPartnerUserRefusedByItsRoleIsToldSoNotTheFourEyesRule() throws Exception {
        STUB.answerJson("PUT", PARTNER + "/contacts", 403, """
                {"type":"https://accord.dev/problems/forbidden","title":"Forbidden","status":403,
                 "detail":"Your role does not allow this operation."}""", Map.of());
        STUB.answerJson("GET", PARTNER, partner(false));

        for (String[] language : new String[][] {{"en", "Your role does not allow this change.", "Four-eyes"},
                {"de", "Ihre Rolle erlaubt diese Änderung nicht.", "Vier-Augen"}}) {
            mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-user"))
                            .header("Accept-Language", language[0])
                            .param("commercial.name", "Ada").param("commercial.email", "ada@streamly.example"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(allOf(containsString(language[1]), not(containsString(language[2])),
                            not(containsString("Your role does not allow this operation.")))));
        }
    }

    @Test
    void aBankChangeIsRequestedAndAWrongIbanIsNamed() throws Exception {
        STUB.answerJson("PUT", PARTNER + "/bank-account", 400, """
                {"title":"Invalid input","status":400,"detail":"iban: the check digits are wrong",
                 "violations":[{"field":"iban","message":"the check digits are wrong"}]}""", Map.of());
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(post("/profile/bank-account").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("iban", "DE00 1203 0000 0000 2020 51").param("bic", "BYLADEM1001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"iban-error\""),
                        containsString("the check digits are wrong"))));
        assertThat(STUB.requestsTo("PUT", PARTNER + "/bank-account").getFirst().body())
                .isEqualTo("{\"iban\":\"DE00 1203 0000 0000 2020 51\",\"bic\":\"BYLADEM1001\"}");
    }

    @Test
    void aGermanPartnerReadsWhatIsWrongWithTheIbanNotOnlyThatItIsRefused() throws Exception {
        // onboarding's message (Ibans.problem) for a wrong check digit
        STUB.answerJson("PUT", PARTNER + "/bank-account", 400, """
                {"title":"Invalid input","status":400,"detail":"iban: IBAN DE00 1203 0000 0000 2020 51: checksum (mod 97) does not verify",
                 "violations":[{"field":"iban","message":"IBAN DE00 1203 0000 0000 2020 51: checksum (mod 97) does not verify"}]}""",
                Map.of());
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(post("/profile/bank-account").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .header("Accept-Language", "de")
                        .param("iban", "DE00 1203 0000 0000 2020 51").param("bic", "BYLADEM1001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<span id=\"iban-error\" class=\"field-error\">"
                                + "Die Prüfziffern der IBAN passen nicht zum Rest (Modulo 97)"),
                        not(containsString("Dieser Wert wird nicht angenommen.")),
                        not(containsString("does not verify")))));
    }

    @Test
    void aWrongIbanAndBicAreEachShownAndMarkedAtTheirOwnField() throws Exception {
        // onboarding names only the IBAN, its message holding both problems
        STUB.answerJson("PUT", PARTNER + "/bank-account", 400, """
                {"title":"Invalid input","status":400,"detail":"iban: IBAN DE00 S66R 12: too short; BIC XX: expected 8 or 11 characters",
                 "violations":[{"field":"iban","message":"IBAN DE00 S66R 12: too short; BIC XX: expected 8 or 11 characters"}]}""",
                Map.of());
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(post("/profile/bank-account").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("iban", "DE00S66R12").param("bic", "XX"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<span id=\"iban-error\" class=\"field-error\">IBAN DE00 S66R 12: too short</span>"),
                        containsString("value=\"XX\" aria-invalid=\"true\" aria-describedby=\"bic-error\""),
                        containsString("<span id=\"bic-error\" class=\"field-error\">BIC XX: expected 8 or 11 characters</span>"))));
    }

    @Test
    void staffConfirmTheWaitingChangeNamingItAndTheIbanTheyChecked() throws Exception {
        STUB.answerJson("POST", PARTNER + "/bank-account/confirmation", "{}");

        mvc.perform(post("/partners/" + PARTNER_A + "/bank-account/confirmation").with(csrf())
                        .with(TestUsers.staff("finance", "finance"))
                        .param("changeId", CHANGE).param("iban", "DE02120300000000202051"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/partners/" + PARTNER_A));

        var call = STUB.requestsTo("POST", PARTNER + "/bank-account/confirmation").getFirst();
        assertThat(call.body()).isEqualTo("{\"changeId\":\"" + CHANGE + "\",\"iban\":\"DE02120300000000202051\"}");
        assertThat(call.authorization()).isEqualTo("Bearer finance-token");
    }

    @Test
    void theRequesterCannotConfirmItsOwnChange() throws Exception {
        STUB.answerJson("POST", PARTNER + "/bank-account/confirmation", 403, """
                {"type":"https://accord.dev/problems/four-eyes","title":"Forbidden","status":403,
                 "detail":"Bank account change was requested by partner-manager; someone else must confirm it (four-eyes)"}""",
                Map.of());
        STUB.answerJson("GET", PARTNER, partner(true));

        mvc.perform(post("/partners/" + PARTNER_A + "/bank-account/confirmation").with(csrf())
                        .with(TestUsers.staff("partner-manager", "partner-manager")).param("changeId", CHANGE))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Four-eyes rule"),
                        containsString("someone else must confirm it (four-eyes)"),
                        containsString("Confirm bank details"))));
    }

    @Test
    void aChangeThatIsNoLongerTheWaitingOneIsAConflictSayingWhich() throws Exception {
        STUB.answerJson("POST", PARTNER + "/bank-account/confirmation", 409, """
                {"title":"Conflict","status":409,"detail":"The bank account change named (with IBAN DE02 1203) is not the one waiting"}""",
                Map.of());
        STUB.answerJson("GET", PARTNER, partner(true));

        mvc.perform(post("/partners/" + PARTNER_A + "/bank-account/confirmation").with(csrf())
                        .with(TestUsers.staff("finance", "finance")).param("changeId", CHANGE)
                        .param("iban", "DE02120300000000202051"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("is not the one waiting")));
    }

    @Test
    void staffFindPartnersByNameAndPartnersCannot() throws Exception {
        STUB.answerJson("GET", "/api/onboarding/partners", 200, "[" + partner(true) + "]",
                Map.of("X-Total-Count", "1"));

        mvc.perform(get("/partners?name=Stream").with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/partners/" + PARTNER_A),
                        containsString("Bank change waiting"))));
        assertThat(STUB.requestsTo("GET", "/api/onboarding/partners").getFirst().query())
                .isEqualTo("name=Stream&offset=0&limit=25");

        mvc.perform(get("/partners").with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/profile").with(TestUsers.staff("ops", "ops"))).andExpect(status().isForbidden());
    }

    @Test
    void aPartnerTokenWithoutAPartnerIdIsRefusedWithoutACall() throws Exception {
        mvc.perform(get("/profile").with(TestUsers.user("stray", "stray-token",
                        java.time.Instant.now().plusSeconds(300), null, null, "partner-admin")))
                .andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void staffReadingAPartnerSeeItsNameAsThePagesTitle() throws Exception {
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(get("/partners/" + PARTNER_A).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Streamly GmbH · Accord</title>"),
                        not(containsString("Your profile")))));
        mvc.perform(get("/profile").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString("<title>Your profile · Accord</title>")));
    }

    private static final String ORGANIZATION = "/tmf-api/party/v4/organization/" + PARTNER_A;

    /** The TMF632 organization the tax id form reads its ETag from (staff who set tax ids). */
    @BeforeEach
    void organizationWithItsETag() {
        STUB.answerJson("GET", ORGANIZATION, 200, "{\"id\":\"%s\"}".formatted(PARTNER_A), Map.of("ETag", "\"5\""));
    }

    private static String partnerWithoutTaxId() {
        return partner(false).replace("\"taxId\":\"DE123456789\",", "");
    }

    @Test
    void aPartnerManagerSetsAMissingTaxIdOnThePartnersPage() throws Exception {
        STUB.answerJson("GET", PARTNER, partnerWithoutTaxId());
        STUB.answerJson("PATCH", ORGANIZATION, "{\"id\":\"%s\"}".formatted(PARTNER_A));

        mvc.perform(get("/partners/" + PARTNER_A).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dt id=\"tax-id\">Tax id</dt><dd>—</dd>"),
                        containsString("<h3>Set the tax id</h3>"),
                        containsString("action=\"/partners/" + PARTNER_A + "/tax-id\""),
                        containsString("<label for=\"taxId\">Tax id (VAT number)</label>"),
                        containsString("name=\"_csrf\""), containsString("aria-describedby=\"taxId-hint\""))));

        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "  DE987654321 ")
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/partners/" + PARTNER_A))
                .andExpect(flash().attribute("noticeKey", "profile.taxId.saved"));

        var call = STUB.requestsTo("PATCH", ORGANIZATION).getFirst();
        assertThat(call.body()).isEqualTo("{\"organizationIdentification\":[{\"identificationType\":\"taxId\","
                + "\"identificationId\":\"DE987654321\"}]}");
        assertThat(call.authorization()).isEqualTo("Bearer partner-manager-token");
        assertThat(STUB.header("PATCH", ORGANIZATION, "Content-Type")).startsWith("application/merge-patch+json");
    }

    @Test
    void aPlatformAdminChangesAKnownTaxIdAndFinanceOnlyReadsIt() throws Exception {
        STUB.answerJson("GET", PARTNER, partner(false));

        mvc.perform(get("/partners/" + PARTNER_A).header("Accept-Language", "de")
                        .with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h3>Steuernummer ändern</h3>"),
                        containsString("<label for=\"taxId\">Steuernummer (USt-IdNr.)</label>"),
                        containsString("value=\"DE123456789\""), containsString(">Steuernummer speichern</button>"))));
        mvc.perform(get("/partners/" + PARTNER_A).with(TestUsers.staff("finance", "finance")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<dd>DE123456789</dd>"),
                        not(containsString("/tax-id\"")), not(containsString("Change the tax id")))));
    }

    @Test
    void rolesOnboardingRefusesCannotSetATaxIdAndNothingIsSent() throws Exception {
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE987654321").with(csrf())
                .with(TestUsers.staff("finance", "finance"))).andExpect(status().isForbidden());
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE987654321").with(csrf())
                .with(TestUsers.staff("auditor", "auditor"))).andExpect(status().isForbidden());
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE987654321").with(csrf())
                .with(TestUsers.partner("partner-admin"))).andExpect(status().isForbidden());
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE987654321")
                .with(TestUsers.staff("partner-manager", "partner-manager"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aBlankOrOverlongTaxIdIsRefusedAtItsFieldWithNothingSent() throws Exception {
        STUB.answerJson("GET", PARTNER, partnerWithoutTaxId());

        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "   ")
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("aria-invalid=\"true\""),
                        containsString("aria-describedby=\"taxId-error taxId-hint\""),
                        containsString("<span id=\"taxId-error\" class=\"field-error\">Enter the tax id.</span>"))));
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE" + "1".repeat(39))
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A tax id has at most 40 characters.")));
        assertThat(STUB.requestsTo("PATCH", ORGANIZATION)).isEmpty();
    }

    @Test
    void onboardingsRefusalIsShownAtTheTaxIdWithTheInputKept() throws Exception {
        STUB.answerJson("GET", PARTNER, partnerWithoutTaxId());
        STUB.answerJson("PATCH", ORGANIZATION, 400, """
                {"title":"Invalid input","status":400,"detail":"Invalid input",
                 "violations":[{"field":"organizationIdentification","message":"DE12 is not a valid VAT number for DE"}]}""",
                Map.of());

        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE12")
                        .with(csrf()).with(TestUsers.staff("partner-manager", "partner-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("value=\"DE12\""),
                        containsString("<span id=\"taxId-error\" class=\"field-error\">DE12 is not a valid VAT number"
                                + " for DE</span>"))));

        STUB.answerJson("PATCH", ORGANIZATION, 409, """
                {"title":"Conflict","status":409,"detail":"Tax id DE987654321 belongs to partner Other GmbH (x); nothing was changed"}""",
                Map.of());
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE987654321")
                        .with(csrf()).with(TestUsers.staff("admin", "platform-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("value=\"DE987654321\""),
                        containsString("class=\"field-error\">Tax id DE987654321 belongs to partner Other GmbH"))));
    }

    @Test
    void ofTwoStaffChangingTheTaxIdFromTheSamePageTheSecondIsToldAndTheFirstsChangeStays() throws Exception {
        VersionedOrganization onboarding = new VersionedOrganization();
        onboarding.serve();
        var manager = TestUsers.staff("partner-manager", "partner-manager");
        var admin = TestUsers.staff("admin", "platform-admin");
        String managersTag = formTag(mvc.perform(get("/partners/" + PARTNER_A).with(manager)));
        String adminsTag = formTag(mvc.perform(get("/partners/" + PARTNER_A).with(admin)));
        assertThat(managersTag).isEqualTo("\"0\"").isEqualTo(adminsTag);

        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE111111111")
                        .param("etag", managersTag).with(csrf()).with(manager))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "profile.taxId.saved"));
        ResultActions second = mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE222222222")
                        .param("etag", adminsTag).with(csrf()).with(admin))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Changed by someone else since you opened this page"
                                + " — here is the current version; re-apply your change."),
                        // the current version, and the admin's input to re-apply
                        containsString("<dd>DE111111111</dd>"), containsString("value=\"DE222222222\""),
                        not(containsString("field-error")), not(containsString("If-Match")))));

        assertThat(onboarding.taxId).isEqualTo("DE111111111");
        assertThat(STUB.requestsTo("PATCH", ORGANIZATION)).hasSize(2);
        // the page now carries the current version's tag: re-applied on it, the change goes through
        String currentTag = formTag(second);
        assertThat(currentTag).isEqualTo("\"1\"");
        mvc.perform(post("/partners/" + PARTNER_A + "/tax-id").param("taxId", "DE222222222")
                        .param("etag", currentTag).with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection());
        assertThat(onboarding.taxId).isEqualTo("DE222222222");
    }

    @Test
    void aStaleContactsFormIsShownInGermanWithTheInputKept() throws Exception {
        STUB.answerJson("GET", PARTNER, 200, partner(false), Map.of("ETag", "\"8\""));
        STUB.answerJson("PUT", PARTNER + "/contacts", 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"Partner has changed since the version If-Match names (\\"7\\"); it is now at ETag \\"8\\""}""",
                Map.of("ETag", "\"8\""));

        ResultActions page = mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .header("Accept-Language", "de").param("etag", "\"7\"")
                        .param("commercial.name", "Ada Neu").param("commercial.email", "ada@streamly.example")
                        .param("billing.name", "Bo Billing").param("billing.email", "billing@streamly.example"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Seit Sie diese Seite geöffnet haben, wurde dies von"
                                + " jemand anderem geändert — hier ist der aktuelle Stand; bitte nehmen Sie Ihre Änderung"
                                + " erneut vor."),
                        containsString("value=\"Ada Neu\""), not(containsString("If-Match")))));
        assertThat(STUB.header("PUT", PARTNER + "/contacts", "If-Match")).isEqualTo("\"7\"");
        assertThat(formTag(page)).isEqualTo("\"8\"");
    }

    @Test
    void theBankChangeSendsThePartnersTagAndAStaleOneShowsTheCurrentPageWithTheInputKept() throws Exception {
        STUB.answerJson("GET", PARTNER, 200, partner(false), Map.of("ETag", "\"7\""));
        String page = mvc.perform(get("/profile").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String bankForm = page.substring(page.indexOf("action=\"/profile/bank-account\""));
        assertThat(bankForm.substring(0, bankForm.indexOf("</form>"))).contains("name=\"etag\" value=\"&quot;7&quot;\"");
        STUB.answerJson("GET", PARTNER, 200, partner(false), Map.of("ETag", "\"8\""));
        STUB.answerJson("PUT", PARTNER + "/bank-account", 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"Partner has changed since the version If-Match names (\\"7\\"); it is now at ETag \\"8\\""}""",
                Map.of("ETag", "\"8\""));

        ResultActions stale = mvc.perform(post("/profile/bank-account").with(csrf())
                        .with(TestUsers.partner("partner-admin")).param("etag", "\"7\"")
                        .param("iban", "DE89370400440532013000").param("bic", "COBADEFFXXX"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Changed by someone else since you opened this page"),
                        containsString("value=\"DE89370400440532013000\""))));
        assertThat(STUB.header("PUT", PARTNER + "/bank-account", "If-Match")).isEqualTo("\"7\"");
        assertThat(formTag(stale)).isEqualTo("\"8\"");
    }

    @Test
    void theContactsFormSendsBackTheTagOnboardingsPartnerWasReadWith() throws Exception {
        // onboarding's partner tag: its version and what the caller's roles let it see (EntityTags.composite)
        String tag = "\"7-9f86d081884c7d65\"";
        STUB.answerJson("GET", PARTNER, 200, partner(false), Map.of("ETag", tag));
        STUB.answerJson("PUT", PARTNER + "/contacts", 200, partner(false), Map.of("ETag", "\"8-0a1b2c3d4e5f6071\""));

        String formTag = formTag(mvc.perform(get("/profile").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk()));
        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("etag", formTag).param("commercial.name", "Ada")
                        .param("commercial.email", "ada@streamly.example").param("billing.name", "Bo")
                        .param("billing.email", "billing@streamly.example"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/profile"));

        assertThat(formTag).isEqualTo(tag);
        assertThat(STUB.header("PUT", PARTNER + "/contacts", "If-Match")).isEqualTo(tag);
    }

    @Test
    void aPageReadWithoutAnETagSendsNoIfMatchAndAnAlteredTagIsRefusedWithNothingSent() throws Exception {
        STUB.answerJson("GET", PARTNER, partner(false));
        STUB.answerJson("PUT", PARTNER + "/contacts", partner(false));

        mvc.perform(get("/profile").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("name=\"etag\""))));
        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("commercial.name", "Ada").param("commercial.email", "ada@streamly.example")
                        .param("billing.name", "Bo").param("billing.email", "billing@streamly.example"))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.requestsTo("PUT", PARTNER + "/contacts")).hasSize(1);
        assertThat(STUB.header("PUT", PARTNER + "/contacts", "If-Match")).isNull();

        mvc.perform(post("/profile/contacts").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("etag", "\"7\"\r\nX-Injected: 1").param("commercial.name", "Ada")
                        .param("commercial.email", "ada@streamly.example").param("billing.name", "Bo")
                        .param("billing.email", "billing@streamly.example"))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requestsTo("PUT", PARTNER + "/contacts")).hasSize(1);
    }

    /** The entity tag the page's form keeps (its hidden {@code etag}), as the browser sends it back. */
    private static String formTag(ResultActions page) throws Exception {
        String html = page.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher field = Pattern.compile("name=\"etag\" value=\"([^\"]*)\"").matcher(html);
        assertThat(field.find()).as("the form's hidden etag").isTrue();
        return HtmlUtils.htmlUnescape(field.group(1));
    }

    /**
     * Onboarding's partner as far as the tax id form uses it: its version (the organization's ETag), its tax id,
     * and If-Match on the organization's PATCH as onboarding checks it (412 problem+json with the current ETag when
     * another version is named; nothing changed).
     */
    private static final class VersionedOrganization {

        private final AtomicLong version = new AtomicLong();
        private volatile String taxId = "DE123456789";

        void serve() {
            STUB.respond("GET", ORGANIZATION, exchange -> answer(200, "{\"id\":\"" + PARTNER_A + "\"}"));
            STUB.respond("GET", PARTNER, exchange -> new StubGateway.Answer(200, "application/json",
                    partner(false).replace("DE123456789", taxId).getBytes(StandardCharsets.UTF_8), Map.of()));
            STUB.respond("PATCH", ORGANIZATION, exchange -> {
                synchronized (this) {
                    String ifMatch = exchange.headers().getFirst("If-Match");
                    if (ifMatch != null && !ifMatch.equals(tag())) {
                        return answer(412, """
                                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed",
                                 "status":412,"detail":"Organization has changed since the version If-Match names"}""");
                    }
                    Matcher id = Pattern.compile("\"identificationId\":\"([^\"]+)\"")
                            .matcher(exchange.request().body());
                    assertThat(id.find()).isTrue();
                    taxId = id.group(1);
                    version.incrementAndGet();
                    return answer(200, "{\"id\":\"" + PARTNER_A + "\"}");
                }
            });
        }

        private String tag() {
            return "\"" + version.get() + "\"";
        }

        private StubGateway.Answer answer(int status, String json) {
            return new StubGateway.Answer(status, status >= 400 ? "application/problem+json" : "application/json",
                    json.getBytes(StandardCharsets.UTF_8), Map.of("ETag", tag()));
        }
    }
}
