package io.accord.portal.apply;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.accord.portal.PortalTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApplyControllerTests extends PortalTestSupport {

    private final OnboardingRequirements requirements;

    ApplyControllerTests(MockMvc mvc, OnboardingRequirements requirements) {
        super(mvc);
        this.requirements = requirements;
    }

    /** What onboarding answers with its default configuration (partner-onboarding-service's CheckProperties). */
    private static final String REQUIREMENTS = """
            [{"partnerType":"OTT_CONTENT","fields":[%1$s,"tradingName"],"documents":["BANK_PROOF","TAX_FORM"]},
             {"partnerType":"MVNO","fields":[%1$s,"contacts.technical.name","contacts.technical.email",
               "contacts.technical.phone"],"documents":["BANK_PROOF","CERTIFICATE","TAX_FORM"]},
             {"partnerType":"IOT","fields":[%1$s,"contacts.technical.name","contacts.technical.email"],
              "documents":["BANK_PROOF","TAX_FORM"]},
             {"partnerType":"ENTERPRISE_INTEGRATOR","fields":[%1$s,"contacts.technical.name",
               "contacts.technical.email"],"documents":["BANK_PROOF","TAX_FORM"]},
             {"partnerType":"CSP_CARRIER","fields":[%1$s,"contacts.technical.name","contacts.technical.email",
               "contacts.technical.phone","bankAccount.bic"],"documents":["BANK_PROOF","CERTIFICATE","TAX_FORM"]},
             {"partnerType":"RESELLER","fields":[%1$s],"documents":["BANK_PROOF","TAX_FORM"]}]""".formatted("""
            "legalName","country","taxId","registeredAddress.street1","registeredAddress.city",
            "contacts.commercial.name","contacts.commercial.email","contacts.billing.name","contacts.billing.email",
            "bankAccount.iban","settlementCurrency\"""");

    @BeforeEach
    void onboardingRequirements() {
        requirements.forget();
        STUB.answerJson("GET", OnboardingRequirements.PATH, REQUIREMENTS);
    }

    private static final String ID = "a0000000-0000-4000-8000-0000000000a1";
    private static final String SECRET = "s3cr3t-tracking";
    private static final String APPLICATIONS = "/api/onboarding/applications";
    private static final String DOCUMENTS = APPLICATIONS + "/" + ID + "/documents";

    /** Onboarding's list of an application's documents (its DocumentRefs), oldest first, from name/type pairs. */
    private static String attached(String... nameAndType) {
        java.util.List<String> documents = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            documents.add("""
                    {"id":"d000000%1$d-0000-4000-8000-000000000000","href":"/tmf-api/document/v4/document/d%1$d",
                     "name":"%2$s","documentType":"%3$s","version":1,"mimeType":"application/pdf",
                     "sha256":"00"}""".formatted(i, nameAndType[i], nameAndType[i + 1]));
        }
        return "[" + String.join(",", documents) + "]";
    }

    /** An application with every field onboarding's default configuration requires of an OTT provider. */
    private static String completeApplication() {
        return """
                {"id":"%s","status":"DRAFT","application":{"legalName":"Streamly GmbH","tradingName":"Streamly",
                 "partnerType":"OTT_CONTENT","businessModel":"SELL_THROUGH","country":"DE","taxId":"DE136695976",
                 "registeredAddress":{"street1":"Friedrichstraße 68","city":"Berlin"},
                 "contacts":{"commercial":{"name":"Anna Schmidt","email":"anna@streamly.example"},
                             "billing":{"name":"Lea Fischer","email":"billing@streamly.example"}},
                 "bankAccount":{"iban":"DE89 3704 0044 0532 0130 00"},"settlementCurrency":"EUR"},"checks":[]}"""
                .formatted(ID);
    }

    private static org.springframework.mock.web.MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String application(String status, String decisionReason) {
        return """
                {"id":"%s","status":"%s","decisionReason":%s,
                 "application":{"legalName":"Streamly GmbH","tradingName":"Streamly","partnerType":"OTT_CONTENT",
                   "businessModel":"SELL_THROUGH","country":"DE","taxId":"DE136695976",
                   "contacts":{"commercial":{"name":"Anna Schmidt","email":"anna@streamly.example"}},
                   "settlementCurrency":"EUR"},
                 "checks":[{"check":"tax-id","outcome":"PASSED","reason":"valid"},
                           {"check":"documents","outcome":"FAILED","reason":"missing BANK_PROOF"}]}"""
                .formatted(ID, status, decisionReason == null ? "null" : "\"" + decisionReason + "\"");
    }

    private MockHttpSession applied() throws Exception {
        STUB.answerJson("POST", APPLICATIONS, 201, """
                {"id":"%s","status":"DRAFT","trackingSecret":"%s"}""".formatted(ID, SECRET), Map.of());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/apply").session(session).with(csrf())
                        .param("legalName", "Streamly GmbH").param("tradingName", "Streamly")
                        .param("partnerType", "OTT_CONTENT").param("businessModel", "SELL_THROUGH")
                        .param("country", "de").param("taxId", "DE136695976").param("street1", "Friedrichstraße 68")
                        .param("city", "Berlin").param("postCode", "10117").param("commercialName", "Anna Schmidt")
                        .param("commercialEmail", "anna@streamly.example").param("billingName", "Lea Fischer")
                        .param("billingEmail", "billing@streamly.example").param("technicalPhone", "")
                        .param("iban", "DE89 3704 0044 0532 0130 00").param("settlementCurrency", "eur"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/" + ID))
                .andExpect(flash().attribute("trackingSecret", SECRET));
        return session;
    }

    @Test
    void anyoneOpensTheApplicationFormWithoutLoggingIn() throws Exception {
        mvc.perform(get("/apply"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Apply to become a partner"),
                        containsString("<label for=\"legalName\">Legal name *</label>"),
                        containsString("<label for=\"partnerType\">Partner type *</label>"),
                        containsString("OTT content provider"), containsString("name=\"_csrf\""),
                        containsString("Every application needs: Bank proof, Tax form."),
                        containsString("MVNO also: Licence or certificate."))));
        assertThat(STUB.requests()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo(OnboardingRequirements.PATH);
            assertThat(call.authorization()).isNull();
        });
    }

    @Test
    void theFormTellsBrowsersWhichOfTheApplicantsDetailsEachFieldTakes() throws Exception {
        mvc.perform(get("/apply"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("autocomplete=\"organization\""),
                        containsString("autocomplete=\"country\""), containsString("autocomplete=\"address-line1\""),
                        containsString("autocomplete=\"postal-code\""), containsString("autocomplete=\"address-level2\""),
                        containsString("autocomplete=\"section-commercial name\""),
                        containsString("autocomplete=\"section-commercial email\""),
                        containsString("autocomplete=\"section-technical tel\""),
                        containsString("autocomplete=\"section-billing email\""))));
    }

    @Test
    void applyingSendsTheFormWithoutATokenAndKeepsTheSecretInTheSession() throws Exception {
        MockHttpSession session = applied();

        var call = STUB.requestsTo("POST", APPLICATIONS).getFirst();
        assertThat(call.authorization()).isNull();
        assertThat(call.body()).contains("\"legalName\":\"Streamly GmbH\"", "\"country\":\"DE\"",
                "\"settlementCurrency\":\"EUR\"", "\"registeredAddress\":{\"street1\":\"Friedrichstraße 68\"",
                "\"commercial\":{\"name\":\"Anna Schmidt\",\"email\":\"anna@streamly.example\"}",
                "\"bankAccount\":{\"iban\":\"DE89 3704 0044 0532 0130 00\"}").doesNotContain("technical");
        assertThat(STUB.header("POST", APPLICATIONS, "X-Forwarded-For")).isNotBlank();

        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("DRAFT", null));
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Streamly GmbH"), containsString(SECRET),
                        containsString("missing BANK_PROOF"), containsString("Submit the application"),
                        containsString("<label for=\"file\">File</label>"))));
        assertThat(STUB.header("GET", APPLICATIONS + "/" + ID, "X-Tracking-Secret")).isEqualTo(SECRET);
        // shown once: the next visit does not repeat the secret
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(SECRET))));
    }

    @Test
    void theApplicantReadsEachChecksReasonCodeInWords() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("IN_REVIEW", null)
                .replace("\"outcome\":\"PASSED\",\"reason\":\"valid\"",
                        "\"outcome\":\"PASSED\",\"reasonCode\":\"VAT_ID_VALID\",\"reason\":\"valid\"")
                .replace("\"outcome\":\"FAILED\",\"reason\":\"missing BANK_PROOF\"",
                        "\"outcome\":\"FAILED\",\"reasonCode\":\"POSSIBLE_DUPLICATE\",\"reason\":\"missing BANK_PROOF\""));

        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>VAT id valid (format and check digit)</strong>"),
                        containsString("<strong>Possible duplicate: a partner manager will review</strong>"),
                        containsString("missing BANK_PROOF"))));
        mvc.perform(get("/apply/" + ID).session(session).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>USt-IdNr. gültig (Format und Prüfziffer)</strong>"),
                        containsString("<strong>Mögliche Dublette: Ein Partnermanager prüft</strong>"))));
    }

    @Test
    void anIncompleteFormIsABadRequestNamingTheFieldsAndSendsNothing() throws Exception {
        mvc.perform(post("/apply").with(csrf()).param("legalName", " ").param("partnerType", "SPACESHIP")
                        .param("country", "Germany").param("commercialEmail", "not-an-email")
                        .param("settlementCurrency", "EUR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"legalName-error\""),
                        containsString("aria-describedby=\"country-error\""),
                        containsString("Enter a two-letter country code such as DE."),
                        containsString("Enter an e-mail address such as name@example.com."),
                        containsString("role=\"alert\""))));
        assertThat(sentToOnboarding()).isEmpty();
    }

    @Test
    void theServicesRefusalIsShownWithItsFieldViolations() throws Exception {
        STUB.answerJson("POST", APPLICATIONS, 400, """
                {"title":"Bad Request","status":400,"detail":"Request is invalid; see violations.",
                 "violations":[{"field":"bankAccount.bic","message":"must be a BIC (8 or 11 characters)"}]}""",
                Map.of());
        mvc.perform(complete(post("/apply").with(csrf()), "IOT", "bic", "NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("bankAccount.bic: must be a BIC (8 or 11 characters)")));
    }

    @Test
    void aDocumentIsUploadedWithTheTrackingSecret() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("POST", APPLICATIONS + "/" + ID + "/documents", 201,
                "{\"id\":\"d1\",\"name\":\"bank.pdf\",\"documentType\":\"BANK_PROOF\"}", Map.of());

        mvc.perform(multipart("/apply/" + ID + "/documents").file(new MockMultipartFile("file", "bank.pdf",
                                "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                        .param("documentType", "BANK_PROOF").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("noticeKey", "apply.attached"));

        var upload = STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/documents").getFirst();
        assertThat(upload.body()).contains("name=\"documentType\"", "BANK_PROOF", "filename=\"bank.pdf\"", "%PDF-1.4");
        assertThat(upload.authorization()).isNull();
        assertThat(STUB.header("POST", APPLICATIONS + "/" + ID + "/documents", "X-Tracking-Secret")).isEqualTo(SECRET);

        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("DRAFT", null));
        STUB.answerJson("GET", DOCUMENTS, attached("bank.pdf", "BANK_PROOF"));
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(content().string(containsString("bank.pdf (Bank proof)")));
        assertThat(STUB.requestsTo("GET", DOCUMENTS).getFirst().authorization()).isNull();
        assertThat(STUB.header("GET", DOCUMENTS, "X-Tracking-Secret")).isEqualTo(SECRET);
    }

    @Test
    void anotherBrowserSeesTheDocumentsAttachedBeforeAndTheirRequirementIsMet() throws Exception {
        MockHttpSession first = applied();
        STUB.answerJson("POST", DOCUMENTS, 201, "{\"id\":\"d1\"}", Map.of());
        for (String type : java.util.List.of("TAX_FORM", "BANK_PROOF")) {
            mvc.perform(multipart("/apply/" + ID + "/documents").file(pdf(type.toLowerCase() + ".pdf"))
                            .param("documentType", type).session(first).with(csrf()))
                    .andExpect(flash().attribute("noticeKey", "apply.attached"));
        }
        // onboarding now holds both; a new browser session resumes with number and secret
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, completeApplication());
        STUB.answerJson("GET", DOCUMENTS, attached("tax_form.pdf", "TAX_FORM", "bank_proof.pdf", "BANK_PROOF"));
        STUB.answerJson("POST", APPLICATIONS + "/" + ID + "/submission", "{\"id\":\"%s\"}".formatted(ID));
        MockHttpSession resumed = new MockHttpSession();
        mvc.perform(post("/apply/track").session(resumed).with(csrf()).param("applicationId", ID)
                        .param("secret", SECRET))
                .andExpect(redirectedUrl("/apply/" + ID));

        mvc.perform(get("/apply/" + ID).session(resumed))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("tax_form.pdf (Tax form)"),
                        containsString("bank_proof.pdf (Bank proof)"), not(containsString("data-testid=\"missing\"")),
                        not(containsString("name=\"confirmIncomplete\"")))));
        mvc.perform(post("/apply/" + ID + "/submission").session(resumed).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("noticeKey", "apply.submitted"));
        assertThat(STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/submission")).hasSize(1);
    }

    @Test
    void aDocumentOnboardingDoesNotListIsMissingWhateverThisBrowserAttached() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("POST", DOCUMENTS, 201, "{\"id\":\"d1\"}", Map.of());
        mvc.perform(multipart("/apply/" + ID + "/documents").file(pdf("tax.pdf")).param("documentType", "TAX_FORM")
                        .session(session).with(csrf()))
                .andExpect(flash().attribute("noticeKey", "apply.attached"));
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, completeApplication());
        STUB.answerJson("GET", DOCUMENTS, attached("bank.pdf", "BANK_PROOF"));

        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("bank.pdf (Bank proof)"),
                        not(containsString("tax.pdf")), containsString("data-testid=\"missing\""),
                        containsString("Documents not attached:"), containsString("<span>Tax form</span>"),
                        not(containsString("<span>Bank proof</span>")))));
        mvc.perform(post("/apply/" + ID + "/submission").session(session).with(csrf()))
                .andExpect(flash().attribute("errorKey", "apply.error.incomplete"));
        assertThat(STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/submission")).isEmpty();
    }

    @Test
    void withoutTheDocumentListThePageStillShowsAndSaysSo() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("DRAFT", null));
        STUB.answerJson("GET", DOCUMENTS, 503, "{\"title\":\"Service Unavailable\",\"status\":503}", Map.of());

        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"documents-unavailable\""),
                        containsString("Your documents cannot be listed right now"),
                        containsString("Submit the application"), containsString("Billing contact&#39;s name"),
                        not(containsString("Documents not attached:")))));
        mvc.perform(get("/apply/" + ID).session(session).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ihre Dokumente können gerade nicht aufgelistet werden")));

        STUB.answerJson("GET", DOCUMENTS, 404, "{\"title\":\"Not Found\",\"status\":404}", Map.of());
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"documents-unavailable\"")));
    }

    @Test
    void aDocumentWithoutAFileSendsNothing() throws Exception {
        MockHttpSession session = applied();
        mvc.perform(multipart("/apply/" + ID + "/documents").param("documentType", "TAX_FORM").session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("errorKey", "apply.error.file"));
        assertThat(STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/documents")).isEmpty();
    }

    @Test
    void whatTheReviewerAsksForIsShownAndTheAmendmentSentWithTheSecret() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("INFO_REQUESTED",
                "Please add your trading licence"));

        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("What we need from you"),
                        containsString("Please add your trading licence"), containsString("Amend the application"))));
        mvc.perform(get("/apply/" + ID + "/edit").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Amend your application"),
                        containsString("value=\"Streamly GmbH\""), containsString("action=\"/apply/" + ID + "\""))));

        STUB.answerJson("PUT", APPLICATIONS + "/" + ID, application("INFO_REQUESTED", "x"));
        mvc.perform(complete(post("/apply/" + ID).session(session).with(csrf()), "OTT_CONTENT",
                        "legalName", "Streamly Media GmbH"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/" + ID));
        assertThat(STUB.requestsTo("PUT", APPLICATIONS + "/" + ID).getFirst().body())
                .contains("\"legalName\":\"Streamly Media GmbH\"");
        assertThat(STUB.header("PUT", APPLICATIONS + "/" + ID, "X-Tracking-Secret")).isEqualTo(SECRET);
    }

    @Test
    void submittingAnApplicationAlreadySubmittedSaysWhy() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("POST", APPLICATIONS + "/" + ID + "/submission", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"it was already submitted\"}", Map.of());

        mvc.perform(post("/apply/" + ID + "/submission").session(session).with(csrf())
                        .param("confirmIncomplete", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "apply.error.notSubmittable"))
                .andExpect(flash().attribute("errorDetail", "it was already submitted"));
    }

    @Test
    void anotherBrowserFollowsTheApplicationWithItsNumberAndSecret() throws Exception {
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("IN_REVIEW", null));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/apply/" + ID).session(session)).andExpect(redirectedUrl("/apply/track"));
        mvc.perform(post("/apply/track").session(session).with(csrf()).param("applicationId", ID)
                        .param("secret", SECRET))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/" + ID));
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(">In review<"),
                        not(containsString("IN_REVIEW")))));
        assertThat(STUB.header("GET", APPLICATIONS + "/" + ID, "X-Tracking-Secret")).isEqualTo(SECRET);
    }

    @Test
    void aWrongSecretIsNotFoundAndNotRemembered() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/apply/track").session(session).with(csrf()).param("applicationId", ID)
                        .param("secret", "wrong"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No application with this number and secret.")));
        mvc.perform(post("/apply/track").with(csrf()).param("applicationId", "nope").param("secret", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/apply/" + ID).session(session)).andExpect(redirectedUrl("/apply/track"));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/apply").param("legalName", "X")).andExpect(status().isForbidden());
        assertThat(sentToOnboarding()).isEmpty();
    }

    @Test
    void theStatusPageNamesOnlyTheDocumentsTheApplicantsPartnerTypeNeeds() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, completeApplication()
                .replace("\"OTT_CONTENT\"", "\"ENTERPRISE_INTEGRATOR\""));
        STUB.answerJson("GET", DOCUMENTS, "[]");

        mvc.perform(get("/apply/" + ID).session(session).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Ihr Antrag als Systemintegrator braucht: Banknachweis, Steuerformular."),
                        not(containsString("zusätzlich")), not(containsString("Jeder Antrag braucht")))));
        // a carrier's application needs its licence too, and names no other type's documents either
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, completeApplication()
                .replace("\"OTT_CONTENT\"", "\"CSP_CARRIER\""));
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(content().string(allOf(containsString("Your application as Carrier (another CSP) needs: "
                                + "Bank proof, Licence or certificate, Tax form."),
                        not(containsString(" also: ")))));
    }

    @Test
    void theWizardSpeaksGerman() throws Exception {
        mvc.perform(get("/apply").header("Accept-Language", "de"))
                .andExpect(content().string(allOf(containsString("Partner werden"), containsString("Firmenname"))));
    }

    /** Every field onboarding's checks require of this partner type filled in, but for the name/value overrides. */
    private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder form, String partnerType,
                                                          String... overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.putAll(Map.of("legalName", "X AG", "tradingName", "X", "partnerType", partnerType,
                "businessModel", "SELL_THROUGH", "country", "CH", "taxId", "CHE-116.281.710",
                "street1", "Bahnhofstrasse 1", "city", "Zürich", "commercialName", "Y",
                "commercialEmail", "y@x.example"));
        fields.putAll(Map.of("technicalName", "T", "technicalEmail", "noc@x.example",
                "technicalPhone", "+41 44 000 00 00", "billingName", "B", "billingEmail", "billing@x.example",
                "iban", "CH93 0076 2011 6238 5295 7", "bic", "UBSWCHZH80A", "settlementCurrency", "CHF"));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.forEach(form::param);
        return form;
    }

    @Test
    void theFormMarksWhatTheChecksRequireAndForWhichPartnerTypes() throws Exception {
        mvc.perform(get("/apply"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"taxId\">Tax id (VAT number) *</label>"),
                        containsString("<label for=\"street1\">Street and number *</label>"),
                        containsString("<label for=\"iban\">IBAN *</label>"),
                        containsString("<label for=\"billingName\">Name *</label>"),
                        containsString("data-required-for=\"MVNO CSP_CARRIER\""),
                        containsString("Required for: MVNO, Carrier (another CSP)"),
                        containsString("Required for: OTT content provider"),
                        containsString("<label for=\"postCode\">Post code</label>"))));
        // amending a carrier's application: its own fields are marked too
        mvc.perform(post("/apply").with(csrf()).param("partnerType", "CSP_CARRIER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<label for=\"bic\">BIC *</label>"),
                        containsString("<label for=\"technicalPhone\">Phone *</label>"))));
    }

    @Test
    void aFormWithoutWhatItsPartnerTypeNeedsIsRefusedAndSendsNothing() throws Exception {
        mvc.perform(complete(post("/apply").with(csrf()), "CSP_CARRIER", "technicalPhone", " ", "bic", "",
                        "taxId", "", "billingEmail", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"technicalPhone-error\""),
                        containsString("id=\"bic-error\""), containsString("id=\"taxId-error\""),
                        containsString("id=\"billingEmail-error\""), containsString("Please correct the 4 marked"),
                        // the error joins the hint saying for which partner types the field is required
                        containsString("aria-describedby=\"technicalPhone-error technicalPhone-hint\""))));
        assertThat(sentToOnboarding()).isEmpty();

        STUB.answerJson("POST", APPLICATIONS, 201, """
                {"id":"%s","status":"DRAFT","trackingSecret":"%s"}""".formatted(ID, SECRET), Map.of());
        mvc.perform(complete(post("/apply").with(csrf()), "RESELLER", "technicalPhone", "", "bic", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.requestsTo("POST", APPLICATIONS)).hasSize(1);
    }

    @Test
    void anApplicationLackingWhatTheChecksNeedIsSubmittedOnlyOnceTheApplicantConfirms() throws Exception {
        MockHttpSession session = applied();
        // the application as the service holds it: no billing contact, no IBAN; nothing attached
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("DRAFT", null));
        STUB.answerJson("GET", DOCUMENTS, "[]");
        STUB.answerJson("POST", APPLICATIONS + "/" + ID + "/submission", "{\"id\":\"%s\"}".formatted(ID));

        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"missing\""),
                        containsString("Street and number, City, Billing contact&#39;s name"),
                        containsString("IBAN"), containsString("Bank proof, Tax form"),
                        containsString("a partner manager reviews it"),
                        containsString("name=\"confirmIncomplete\""))));

        mvc.perform(post("/apply/" + ID + "/submission").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/" + ID))
                .andExpect(flash().attribute("errorKey", "apply.error.incomplete"));
        assertThat(STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/submission")).isEmpty();

        mvc.perform(post("/apply/" + ID + "/submission").session(session).with(csrf())
                        .param("confirmIncomplete", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("noticeKey", "apply.submitted"));
        assertThat(STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/submission")).hasSize(1);
    }

    @Test
    void aCompleteApplicationWithItsDocumentsIsSubmittedWithoutAsking() throws Exception {
        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, completeApplication());
        STUB.answerJson("POST", DOCUMENTS, 201, "{\"id\":\"d1\"}", Map.of());
        STUB.answerJson("POST", APPLICATIONS + "/" + ID + "/submission", "{\"id\":\"%s\"}".formatted(ID));
        for (String type : java.util.List.of("TAX_FORM", "BANK_PROOF")) {
            mvc.perform(multipart("/apply/" + ID + "/documents").file(pdf(type + ".pdf"))
                            .param("documentType", type).session(session).with(csrf()))
                    .andExpect(flash().attribute("noticeKey", "apply.attached"));
        }
        STUB.answerJson("GET", DOCUMENTS, attached("TAX_FORM.pdf", "TAX_FORM", "BANK_PROOF.pdf", "BANK_PROOF"));

        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Submit the application"),
                        not(containsString("data-testid=\"missing\"")),
                        not(containsString("name=\"confirmIncomplete\"")))));
        mvc.perform(post("/apply/" + ID + "/submission").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("noticeKey", "apply.submitted"));
        assertThat(STUB.requestsTo("POST", APPLICATIONS + "/" + ID + "/submission")).hasSize(1);
    }

    @Test
    void theFormAsksForWhatOnboardingIsConfiguredToCheckNotForItsDefaults() throws Exception {
        // an operator's configuration: a post code from everyone, no trading name from OTT providers, no IBAN
        STUB.answerJson("GET", OnboardingRequirements.PATH, """
                [{"partnerType":"OTT_CONTENT","fields":["legalName","registeredAddress.postCode"],
                  "documents":["TAX_FORM"]},
                 {"partnerType":"RESELLER","fields":["legalName","registeredAddress.postCode",
                  "contacts.billing.phone","contacts.technical.email"],"documents":["CONTRACT","TAX_FORM"]}]""");

        mvc.perform(get("/apply"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"postCode\">Post code *</label>"),
                        containsString("<label for=\"tradingName\">Trading name</label>"),
                        containsString("<label for=\"iban\">IBAN</label>"),
                        containsString("data-required-for=\"RESELLER\""), containsString("Required for: Reseller"),
                        containsString("Every application needs: Tax form."),
                        containsString("Reseller also: Contract."),
                        not(containsString("Required for: OTT content provider")))));
        mvc.perform(complete(post("/apply").with(csrf()), "RESELLER", "postCode", "", "iban", "",
                        "technicalEmail", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"postCode-error\""),
                        containsString("id=\"technicalEmail-error\""), not(containsString("id=\"iban-error\"")))));
        assertThat(sentToOnboarding()).isEmpty();

        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("DRAFT", null));
        STUB.answerJson("GET", DOCUMENTS, "[]");
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"missing\""),
                        containsString("Post code"), containsString("<span>Tax form</span>"),
                        not(containsString("Bank proof, Tax form")), not(containsString("Street and number, City")))));
        // read once a minute, not on every page
        assertThat(STUB.requestsTo("GET", OnboardingRequirements.PATH)).hasSize(1);
    }

    @Test
    void withoutOnboardingsAnswerTheWizardStillWorksAndMarksOnlyWhatItNeedsItself() throws Exception {
        STUB.answerJson("GET", OnboardingRequirements.PATH, 503,
                "{\"title\":\"Service Unavailable\",\"status\":503}", Map.of());

        mvc.perform(get("/apply"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"legalName\">Legal name *</label>"),
                        containsString("<label for=\"taxId\">Tax id (VAT number)</label>"),
                        containsString("<label for=\"iban\">IBAN</label>"),
                        not(containsString("data-required-for")))));

        MockHttpSession session = applied();
        STUB.answerJson("GET", APPLICATIONS + "/" + ID, application("DRAFT", null));
        mvc.perform(get("/apply/" + ID).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Submit the application"),
                        not(containsString("data-testid=\"missing\"")))));
    }

    /** What the wizard sent about applications, besides reading the requirements. */
    private static java.util.List<io.accord.portal.StubGateway.Request> sentToOnboarding() {
        return STUB.requests().stream().filter(call -> !call.path().equals(OnboardingRequirements.PATH)).toList();
    }
}
