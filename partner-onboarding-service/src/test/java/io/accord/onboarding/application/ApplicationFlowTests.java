package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.agreement.Agreements;
import io.accord.onboarding.identity.IdentityProvisioning;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.accord.onboarding.application.Applicants.APPLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** From application to active partner: zero-touch, and each path through review. */
@AccordServiceTest
class ApplicationFlowTests {

    private static final String REVIEW = "/api/onboarding/admin/applications";

    @LocalServerPort
    int port;

    private final Agreements agreements;

    private final IdentityProvisioning identities;

    ApplicationFlowTests(Agreements agreements, IdentityProvisioning identities) {
        this.agreements = agreements;
        this.identities = identities;
    }

    private TestHttp anonymous;
    private TestHttp manager;

    @BeforeEach
    void clients() {
        anonymous = TestHttp.localPort(port);
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-paula", Roles.PARTNER_MANAGER));
    }

    @Test
    void aCleanOttSellThroughApplicationIsActiveWithNoHumanStep() {
        String vatNumber = Applicants.uniqueGermanVat();
        String form = Applicants.cleanOtt(Applicants.uniqueName("Zero Touch Media"), vatNumber);
        String iban = Applicants.ibanOf(form);
        Applicants.Draft draft = Applicants.apply(anonymous, form);
        assertThat(draft.attach(anonymous, "TAX_FORM").status()).isEqualTo(201);
        assertThat(draft.attach(anonymous, "BANK_PROOF").status()).isEqualTo(201);

        TestHttp.Response submitted = draft.submit(anonymous);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode application = submitted.json();
        assertThat(application.get("status").asString()).isEqualTo("APPROVED");
        assertThat(application.get("autoApproved").asBoolean()).isTrue();
        assertThat(application.get("checks")).allSatisfy(check ->
                assertThat(check.get("outcome").asString()).as(check.toString()).isEqualTo("PASSED"));
        String partnerId = application.get("partnerId").asString();

        TestHttp.Response partner = manager.get("/api/onboarding/partners/" + partnerId);
        assertThat(partner.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(partner.json().get("bankAccount").get("iban").asString()).isEqualTo(iban);
        assertThat(agreements.inForce(PartnerId.of(partnerId), Instant.now())).isPresent();
        assertThat(identities.statusOf(PartnerId.of(partnerId))).isPresent();
        TestHttp partnerAdmin = TestHttp.localPort(port).as(TestJwt.partner("anna", partnerId, Roles.PARTNER_ADMIN));
        assertThat(partnerAdmin.get("/tmf-api/document/v4/document").header("X-Total-Count")).isEqualTo("2");
        assertThat(partnerAdmin.get("/tmf-api/party/v4/organization/" + partnerId).status()).isEqualTo(200);
        String activated = TestKafka.value(TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> partnerId.equals(record.key())
                && "PartnerActivated".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30))
                .getFirst());
        // the legal data settlement prints on its documents travels with the activation
        assertThat(activated).contains("\"taxId\":\"" + vatNumber.replace(" ", "") + "\"")
                .contains("\"address\":{\"street1\":\"Friedrichstraße 68\"")
                .contains("\"city\":\"Berlin\"", "\"postCode\":\"10117\"")
                .contains("\"bankAccount\":{\"iban\":\"" + iban + "\",\"bic\":\"COBADEFFXXX\"}");
        assertThat(draft.get(anonymous).json().get("partnerId").asString()).isEqualTo(partnerId);
        assertThat(application.get("decidedBy").asString()).isEqualTo("onboarding-policy");
        JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/onboarding/audit?partnerId=" + partnerId + "&limit=100").json();
        Map<String, String> actors = new java.util.HashMap<>();
        trail.forEach(entry -> actors.put(entry.get("resourceType").asString() + " " + entry.get("action")
                .asString(), entry.get("actor").asString()));
        assertThat(actors).as("the partner's trail holds its application's submission, and who did what")
                .containsEntry("application submitted-and-approved", "anonymous")
                .containsEntry("partner activated", "onboarding-policy");
    }

    @Test
    void aFailedCheckGoesToReviewWithAReadableReasonAndAManagerApproves() {
        String form = Applicants.cleanOtt(Applicants.uniqueName("Typo Bank Media"), Applicants.uniqueGermanVat());
        String iban = Applicants.ibanOf(form);
        String typo = iban.substring(0, iban.length() - 1) + (iban.endsWith("0") ? "1" : "0");
        Applicants.Draft draft = Applicants.apply(anonymous, form.replace(iban, typo));
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");

        JsonNode submitted = draft.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(failed(submitted)).singleElement().satisfies(check -> {
            assertThat(check.get("check").asString()).isEqualTo("bank-account");
            assertThat(check.get("reason").asString()).containsIgnoringCase("97");
        });
        assertThat(manager.get(REVIEW).json()).anySatisfy(queued ->
                assertThat(queued.get("id").asString()).isEqualTo(draft.id()));

        TestHttp.Response approved = manager.post(REVIEW + "/" + draft.id() + "/approval",
                "{\"note\":\"IBAN confirmed by phone with the bank\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("pm-paula");
        JsonNode applicantView = draft.get(anonymous).json();
        assertThat(applicantView.get("status").asString()).isEqualTo("APPROVED");
        assertThat(applicantView.has("decidedBy")).as("no staff identity for the applicant").isFalse();
        assertThat(applicantView.toString()).doesNotContain("pm-paula");
        assertThat(applicantView.get("autoApproved").asBoolean()).isFalse();
        String partnerId = approved.json().get("partnerId").asString();
        assertThat(manager.get("/api/onboarding/partners/" + partnerId).json().get("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anApprovalWithoutANoteDoesNotNameTheReviewerToTheApplicant() {
        Applicants.Draft draft = inReview("Silent Approval Media");

        TestHttp.Response approved = manager.post(REVIEW + "/" + draft.id() + "/approval", "{}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("pm-paula");
        JsonNode applicantView = draft.get(anonymous).json();
        assertThat(applicantView.get("decisionReason").asString()).isEqualTo("approved after review");
        assertThat(applicantView.toString()).doesNotContain("pm-paula");
    }

    @Test
    void aRejectedApplicationShowsItsReasonAndCannotBeSubmittedAgain() {
        Applicants.Draft draft = inReview("Rejected Media");

        TestHttp.Response rejected = manager.post(REVIEW + "/" + draft.id() + "/rejection",
                "{\"reason\":\"We do not partner with gambling content.\"}");

        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        JsonNode seen = draft.get(anonymous).json();
        assertThat(seen.get("status").asString()).isEqualTo("REJECTED");
        assertThat(seen.get("decisionReason").asString()).isEqualTo("We do not partner with gambling content.");
        assertThat(draft.submit(anonymous).status()).isEqualTo(409);
        assertThat(manager.post(REVIEW + "/" + draft.id() + "/approval", null).status()).isEqualTo(409);
        assertThat(manager.post(REVIEW + "/" + draft.id() + "/rejection", "{}").status()).isEqualTo(400);
    }

    @Test
    void requestedInformationIsAmendedAndTheChecksRunAgain() {
        String name = Applicants.uniqueName("Forgetful Media");
        Applicants.Draft draft = Applicants.apply(anonymous, Applicants.cleanOtt(name, Applicants.uniqueGermanVat()));
        draft.attach(anonymous, "TAX_FORM");
        JsonNode submitted = draft.submit(anonymous).json();
        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(failed(submitted)).singleElement().satisfies(check ->
                assertThat(check.get("reason").asString()).contains("BANK_PROOF"));
        Instant firstSubmission = Instant.parse(submitted.get("submittedAt").asString());
        assertThat(submitted.get("lastSubmittedAt").asString()).isEqualTo(submitted.get("submittedAt").asString());

        TestHttp.Response asked = manager.post(REVIEW + "/" + draft.id() + "/information-request",
                "{\"reason\":\"Please attach a bank statement showing the IBAN.\"}");
        assertThat(asked.json().get("status").asString()).isEqualTo("INFO_REQUESTED");
        assertThat(draft.attach(anonymous, "BANK_PROOF").status()).isEqualTo(201);

        JsonNode resubmitted = draft.submit(anonymous).json();

        assertThat(resubmitted.get("status").asString()).isEqualTo("APPROVED");
        assertThat(failed(resubmitted)).isEmpty();
        for (JsonNode view : java.util.List.of(draft.get(anonymous).json(), manager.get(REVIEW + "/" + draft.id())
                .json())) {
            assertThat(Instant.parse(view.get("submittedAt").asString())).as("the first submission stays")
                    .isEqualTo(firstSubmission);
            assertThat(Instant.parse(view.get("lastSubmittedAt").asString())).isAfter(firstSubmission);
        }
    }

    @Test
    void aDuplicateOfAnExistingPartnerIsCaughtAndOnlyStaffLearnWhichOne() {
        String vat = Applicants.uniqueGermanVat();
        String originalName = Applicants.uniqueName("Original Media");
        Applicants.Draft first = Applicants.apply(anonymous, Applicants.cleanOtt(originalName, vat));
        first.attach(anonymous, "TAX_FORM");
        first.attach(anonymous, "BANK_PROOF");
        JsonNode original = first.submit(anonymous).json();
        assertThat(original.get("status").asString()).isEqualTo("APPROVED");
        String originalPartner = original.get("partnerId").asString();

        Applicants.Draft copy = Applicants.apply(anonymous, Applicants.cleanOtt(
                Applicants.uniqueName("Copycat Media"), vat));
        copy.attach(anonymous, "TAX_FORM");
        copy.attach(anonymous, "BANK_PROOF");
        JsonNode submitted = copy.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        for (JsonNode applicantView : java.util.List.of(submitted, copy.get(anonymous).json())) {
            assertThat(failed(applicantView)).singleElement().satisfies(check -> {
                assertThat(check.get("check").asString()).isEqualTo("duplicates");
                assertThat(check.get("reason").asString())
                        .isEqualTo("possible duplicate of an existing partner; a partner manager will review");
            });
            assertThat(applicantView.toString()).doesNotContain(originalName, originalPartner, first.id());
        }
        JsonNode staffView = manager.get(REVIEW + "/" + copy.id()).json();
        assertThat(failed(staffView)).singleElement().satisfies(check -> assertThat(check.get("reason").asString())
                .contains(originalName, originalPartner));
    }

    @Test
    void anotherPartnersIbanSendsTheApplicationToReviewAndOnlyStaffLearnWhose() {
        String originalName = Applicants.uniqueName("Account Holder Media");
        String originalForm = Applicants.cleanOtt(originalName, Applicants.uniqueGermanVat());
        Applicants.Draft first = Applicants.apply(anonymous, originalForm);
        first.attach(anonymous, "TAX_FORM");
        first.attach(anonymous, "BANK_PROOF");
        JsonNode original = first.submit(anonymous).json();
        assertThat(original.get("status").asString()).isEqualTo("APPROVED");
        String originalPartner = original.get("partnerId").asString();
        String copyForm = Applicants.cleanOtt(Applicants.uniqueName("Diverted Media"), Applicants.uniqueGermanVat());

        Applicants.Draft copy = Applicants.apply(anonymous, copyForm.replace(Applicants.ibanOf(copyForm),
                Applicants.ibanOf(originalForm)));
        copy.attach(anonymous, "TAX_FORM");
        copy.attach(anonymous, "BANK_PROOF");
        JsonNode submitted = copy.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).as("no zero-touch approval").isEqualTo("IN_REVIEW");
        assertThat(failed(submitted)).singleElement().satisfies(check -> {
            assertThat(check.get("check").asString()).isEqualTo("duplicates");
            assertThat(check.get("reason").asString())
                    .isEqualTo("possible duplicate of an existing partner; a partner manager will review");
        });
        assertThat(submitted.toString()).doesNotContain(originalName, originalPartner);
        JsonNode staffView = manager.get(REVIEW + "/" + copy.id()).json();
        assertThat(failed(staffView)).singleElement().satisfies(check -> assertThat(check.get("reason").asString())
                .contains("bank account IBAN", originalName, originalPartner));
    }

    @Test
    void anAdminContactWhoAlreadyAdministersAPartnerSendsTheApplicationToReviewAndOnlyStaffLearnWhich() {
        String firstName = Applicants.uniqueName("First Admin Media");
        Applicants.Draft first = Applicants.apply(anonymous, Applicants.cleanOtt(firstName,
                Applicants.uniqueGermanVat()));
        first.attach(anonymous, "TAX_FORM");
        first.attach(anonymous, "BANK_PROOF");
        JsonNode approved = first.submit(anonymous).json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        String firstPartner = approved.get("partnerId").asString();
        String adminEmail = approved.get("application").get("contacts").get("commercial").get("email").asString();

        String otherName = Applicants.uniqueName("Other Company Media");
        String sameAdmin = Applicants.cleanOtt(otherName, Applicants.uniqueGermanVat())
                .replace("anna." + Math.abs(otherName.hashCode()) + "@partner.example", adminEmail.toUpperCase());
        Applicants.Draft second = Applicants.apply(anonymous, sameAdmin);
        second.attach(anonymous, "TAX_FORM");
        second.attach(anonymous, "BANK_PROOF");
        JsonNode submitted = second.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).as("not approved without an admin").isEqualTo("IN_REVIEW");
        assertThat(failed(submitted)).singleElement().satisfies(check -> {
            assertThat(check.get("check").asString()).isEqualTo("duplicates");
            assertThat(check.get("reason").asString())
                    .isEqualTo("possible duplicate of an existing partner; a partner manager will review");
        });
        assertThat(second.get(anonymous).json().toString()).doesNotContain(firstName, firstPartner);
        JsonNode staffView = manager.get(REVIEW + "/" + second.id()).json();
        assertThat(failed(staffView)).singleElement().satisfies(check -> assertThat(check.get("reason").asString())
                .contains("admin contact e-mail " + adminEmail, "already administers partner " + firstName,
                        firstPartner));
    }

    @Test
    void anAbandonedDraftOfTheSameCompanyDoesNotSendItsApplicationToReview() {
        String vat = Applicants.uniqueGermanVat();
        String name = Applicants.uniqueName("Second Try Media");
        Applicants.apply(anonymous, Applicants.cleanOtt(name, vat)); // started, never submitted
        Applicants.Draft draft = Applicants.apply(anonymous, Applicants.cleanOtt(name, vat));
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");

        JsonNode submitted = draft.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).as(submitted.toString()).isEqualTo("APPROVED");
        assertThat(submitted.get("checks")).allSatisfy(check ->
                assertThat(check.get("outcome").asString()).as(check.toString()).isEqualTo("PASSED"));
    }

    @Test
    void aDenylistedApplicantIsCaughtWhateverItsSpellingAndOnlyStaffSeeTheEntry() {
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.staff("admin", Roles.PLATFORM_ADMIN));
        String listed = Applicants.uniqueName("Shady Holdings").replace(" GmbH", "");
        assertThat(admin.post("/api/onboarding/admin/denylist",
                "{\"name\":\"" + listed + "\",\"reason\":\"sanctions list 2026/17\"}").status()).isEqualTo(201);

        Applicants.Draft draft = Applicants.apply(anonymous, Applicants.cleanOtt(
                listed.toUpperCase() + " Ltd.", Applicants.uniqueGermanVat()));
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");
        JsonNode submitted = draft.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        for (JsonNode applicantView : java.util.List.of(submitted, draft.get(anonymous).json())) {
            assertThat(failed(applicantView)).singleElement().satisfies(check -> {
                assertThat(check.get("check").asString()).isEqualTo("screening");
                assertThat(check.get("reason").asString())
                        .isEqualTo("the names need a manual screening review; a partner manager will review");
            });
            assertThat(applicantView.toString()).doesNotContain("sanctions list 2026/17", "denylist", "admin");
        }
        JsonNode staffView = manager.get(REVIEW + "/" + draft.id()).json();
        assertThat(failed(staffView)).singleElement().satisfies(check -> assertThat(check.get("reason").asString())
                .containsIgnoringCase(listed).contains("sanctions list 2026/17", "admin"));
    }

    @Test
    void coCreationAlwaysGoesToAPartnerManager() {
        Applicants.Draft draft = Applicants.apply(anonymous, Applicants.cleanOtt(
                Applicants.uniqueName("Co Creators"), Applicants.uniqueGermanVat())
                .replace("SELL_THROUGH", "CO_CREATE"));
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");

        JsonNode submitted = draft.submit(anonymous).json();

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(failed(submitted)).isEmpty();
    }

    @Test
    void terminatingAPartnerEndsItsAgreement() {
        Applicants.Draft draft = Applicants.apply(anonymous, Applicants.cleanOtt(
                Applicants.uniqueName("Short Lived Media"), Applicants.uniqueGermanVat()));
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");
        String partnerId = draft.submit(anonymous).json().get("partnerId").asString();
        assertThat(agreements.inForce(PartnerId.of(partnerId), Instant.now())).isPresent();

        TestHttp.Response terminated = manager.post("/api/onboarding/partners/" + partnerId + "/termination",
                "{\"reason\":\"contract breach\"}");

        assertThat(terminated.json().get("status").asString()).isEqualTo("TERMINATED");
        assertThat(agreements.inForce(PartnerId.of(partnerId), Instant.now().plusSeconds(1))).isEmpty();
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> partnerId.equals(record.key())
                && "AgreementTerminated".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30));
    }

    private Applicants.Draft inReview(String base) {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName(base), Applicants.uniqueGermanVat()));
        draft.attach(anonymous, "TAX_FORM");
        assertThat(draft.submit(anonymous).json().get("status").asString()).isEqualTo("IN_REVIEW");
        return draft;
    }

    private static java.util.List<JsonNode> failed(JsonNode application) {
        java.util.List<JsonNode> failed = new java.util.ArrayList<>();
        application.get("checks").forEach(check -> {
            if (!"PASSED".equals(check.get("outcome").asString())) {
                failed.add(check);
            }
        });
        return failed;
    }
}
