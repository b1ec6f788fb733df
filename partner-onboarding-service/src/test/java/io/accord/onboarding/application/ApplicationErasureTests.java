package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR for applications (found on 2026-12-07: a rejected or terminated applicant's contacts and identity papers were
 * neither exported nor ever erased, and the screening check quoted the contacts' names for good).
 */
@AccordServiceTest
class ApplicationErasureTests {

    private static final String REVIEW = ReviewController.PATH;
    private static final String EXPORT = "/api/onboarding/personal-data";
    private static final String DOCUMENTS = "/tmf-api/document/v4/document";
    private static final String ERASED = "(erased)";

    private final int port;
    private final ApplicationRetentionJob retention;
    private final Clock clock;
    private final JdbcClient jdbc;

    private TestHttp anonymous;
    private TestHttp manager;
    private TestHttp admin;

    ApplicationErasureTests(@LocalServerPort int port, ApplicationRetentionJob retention, Clock clock,
                            JdbcClient jdbc) {
        this.port = port;
        this.retention = retention;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void clients() {
        anonymous = TestHttp.localPort(port);
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-gdpr-apps", Roles.PARTNER_MANAGER));
        admin = TestHttp.localPort(port).as(TestJwt.staff("admin-gdpr-apps", Roles.PLATFORM_ADMIN));
    }

    /**
     * An application whose commercial contact has a name and e-mail of its own, with an identity paper, a document of
     * type OTHER and business records.
     */
    private record Applied(Applicants.Draft draft, String name, String email, String identityPaper, String other,
                           String taxForm) {
    }

    private Applied apply(String base) {
        String name = "Vera " + letters();
        String email = "vera." + letters() + "@applicant.example";
        String form = Applicants.cleanOtt(Applicants.uniqueName(base), Applicants.uniqueGermanVat())
                .replaceFirst("\"name\": \"Anna Schmidt\", \"email\": \"[^\"]+\"",
                        "\"name\": \"" + name + "\", \"email\": \"" + email + "\"");
        Applicants.Draft draft = Applicants.apply(anonymous, form);
        TestHttp.Response identity = draft.attach(anonymous, "IDENTITY");
        assertThat(identity.status()).as(identity.body()).isEqualTo(201);
        TestHttp.Response other = draft.attach(anonymous, "OTHER");
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        TestHttp.Response tax = draft.attach(anonymous, "TAX_FORM");
        assertThat(tax.status()).as(tax.body()).isEqualTo(201);
        assertThat(draft.attach(anonymous, "BANK_PROOF").status()).isEqualTo(201);
        return new Applied(draft, name, email, identity.json().get("id").asString(),
                other.json().get("id").asString(), tax.json().get("id").asString());
    }

    /** Submitted with its contact's name on the denylist, so the screening check quotes it, then rejected. */
    private Applied rejected(String base) {
        Applied applied = inReview(base);
        TestHttp.Response rejected = manager.post(REVIEW + "/" + applied.draft().id() + "/rejection",
                "{\"reason\": \"not a fit\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.body()).as("the check quotes the contact").contains(applied.name());
        return applied;
    }

    /** Submitted with its contact's name on the denylist: in review, the screening check quoting the contact. */
    private Applied inReview(String base) {
        Applied applied = apply(base);
        TestHttp.Response listed = manager.post("/api/onboarding/admin/denylist",
                "{\"name\": \"%s\", \"reason\": \"test list\"}".formatted(applied.name()));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        try {
            TestHttp.Response submitted = applied.draft().submit(anonymous);
            assertThat(submitted.json().get("status").asString()).as(submitted.body()).isEqualTo("IN_REVIEW");
        } finally {
            manager.delete("/api/onboarding/admin/denylist/" + listed.json().get("id").asString());
        }
        return applied;
    }

    /** The application's last change (amendment, document, submission, decision) was {@code idle} ago. */
    private void leftAloneFor(Duration idle, Applied applied) {
        jdbc.sql("update partner_application set updated_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant().minus(idle)))
                .param("id", UUID.fromString(applied.draft().id())).update();
    }

    private String status(Applied applied) {
        return applied.draft().get(anonymous).json().get("status").asString();
    }

    private void assertErased(Applied applied) {
        JsonNode staffView = manager.get(REVIEW + "/" + applied.draft().id()).json();
        JsonNode commercial = staffView.get("application").get("contacts").get("commercial");
        assertThat(commercial.get("name").asString()).isEqualTo(ERASED);
        assertThat(commercial.has("email") && !commercial.get("email").isNull()).isFalse();
        assertThat(staffView.toString()).doesNotContain(applied.name(), applied.email(), "+49 30 1234567");
        assertThat(staffView.get("application").get("legalName").asString()).as("the organization's data stays")
                .isNotBlank();
        assertThat(manager.get(DOCUMENTS + "/" + applied.identityPaper()).status()).as("identity paper deleted")
                .isEqualTo(404);
        assertThat(manager.get(DOCUMENTS + "/" + applied.other()).status()).as("OTHER may show persons: deleted")
                .isEqualTo(404);
        assertThat(manager.get(DOCUMENTS + "/" + applied.taxForm()).status()).as("tax form kept").isEqualTo(200);
        TestHttp.Response export = admin.get(EXPORT + "?email=" + applied.email());
        assertThat(export.json().get("elsewhere").get("applications")).isEmpty();
    }

    @Test
    void theExportListsAnApplicationNamingTheEmailWithItsDocumentsMetadata() {
        Applied applied = rejected("Exported Media");

        TestHttp.Response export = admin.get(EXPORT + "?email=" + applied.email().toUpperCase());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode application = export.json().get("elsewhere").get("applications").get(0);
        assertThat(application.get("applicationId").asString()).isEqualTo(applied.draft().id());
        assertThat(application.get("status").asString()).isEqualTo("REJECTED");
        assertThat(application.get("contacts").get(0).get("role").asString()).isEqualTo("commercial");
        assertThat(application.get("contacts").get(0).get("name").asString()).isEqualTo(applied.name());
        List<String> types = new ArrayList<>();
        application.get("documents").forEach(document -> types.add(document.get("documentType").asString()));
        assertThat(types).containsExactlyInAnyOrder("IDENTITY", "OTHER", "TAX_FORM", "BANK_PROOF");
        assertThat(export.json().get("notCovered").asString()).as("no Keycloak in this test")
                .contains("keycloakUsers not consulted");
    }

    @Test
    void aPlatformAdminErasesARejectedApplicationsContactsAndIdentityPapers() {
        Applied applied = rejected("Erased Media");
        assertThat(manager.post(REVIEW + "/" + applied.draft().id() + "/contact-erasure", "").status())
                .as("platform admins only").isEqualTo(403);

        TestHttp.Response erased = admin.post(REVIEW + "/" + applied.draft().id() + "/contact-erasure", "");

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertErased(applied);
        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("auditor-apps", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=application&resourceId=" + applied.draft().id());
        assertThat(trail.json().get(0).get("action").asString()).isEqualTo("contacts-erased");
        assertThat(trail.json().get(0).get("actor").asString()).isEqualTo("admin-gdpr-apps");
        assertThat(trail.body()).as("no entry quotes the contact, the screening's neither")
                .contains("submitted-for-review", "matches denylist entry")
                .doesNotContain(applied.name(), applied.email());
        assertThat(admin.post(REVIEW + "/" + applied.draft().id() + "/contact-erasure", "").status())
                .as("again: nothing left").isEqualTo(204);
    }

    @Test
    void anApplicationNotRejectedIsNotErasedOnRequest() {
        Applied applied = apply("Open Media");

        TestHttp.Response refused = admin.post(REVIEW + "/" + applied.draft().id() + "/contact-erasure", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("DRAFT", "REJECTED");
        assertThat(manager.get(REVIEW + "/" + applied.draft().id()).body()).contains(applied.email());
    }

    @Test
    void erasingATerminatedPartnersContactsErasesItsApplicationAndIdentityPapers() {
        Applied applied = apply("Terminated Media");
        TestHttp.Response submitted = applied.draft().submit(anonymous);
        assertThat(submitted.json().get("status").asString()).as(submitted.body()).isEqualTo("APPROVED");
        String partner = submitted.json().get("partnerId").asString();
        assertThat(admin.get(EXPORT + "?email=" + applied.email()).json().get("elsewhere").get("applications")
                .get(0).get("partnerId").asString()).isEqualTo(partner);
        String user = "pat." + letters() + "@partner.example";
        TestHttp.Response contract = TestHttp.localPort(port).as(TestJwt.partner(user, partner, Roles.PARTNER_ADMIN))
                .postMultipart(DOCUMENTS, new TestMultipart().field("documentType", "CONTRACT")
                        .field("name", "Signed reseller contract")
                        .file("file", "contract.pdf", "application/pdf", Applicants.PDF));
        assertThat(contract.status()).as(contract.body()).isEqualTo(201);
        String contractId = contract.json().get("id").asString();
        assertThat(uploaders(contractId)).containsExactly(user);
        TestHttp.Response terminated = manager.post("/api/onboarding/partners/" + partner + "/termination",
                "{\"reason\": \"contract ended\"}");
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);

        TestHttp.Response erased = admin.post("/api/onboarding/partners/" + partner + "/contact-erasure", "");

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertErased(applied);
        assertThat(manager.get(DOCUMENTS + "/" + contractId).status()).as("the contract is kept").isEqualTo(200);
        assertThat(uploaders(contractId)).as("its user, being erased, no longer named").containsOnlyNulls();
        assertThat(uploaders(applied.taxForm())).as("an applicant is no one").containsExactly("anonymous");
        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("auditor-apps", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=document&resourceId=" + contractId);
        assertThat(trail.body()).contains("uploaders-erased");
    }

    /** Who uploaded each version of the document, as stored. */
    private List<String> uploaders(String documentId) {
        return jdbc.sql("select uploaded_by from document_version where document_id = :id order by version_number")
                .param("id", UUID.fromString(documentId)).query((rs, row) -> rs.getString(1)).list();
    }

    @Test
    void theRetentionJobExpiresApplicationsLeftAloneByTheirApplicantsAndErasesTheirContacts() {
        Applied draft = apply("Idle Media");
        Applied asked = inReview("Asked Media");
        TestHttp.Response request = manager.post(REVIEW + "/" + asked.draft().id() + "/information-request",
                "{\"reason\": \"Please attach a bank statement.\"}");
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        Applied reviewed = inReview("Reviewed Media");
        Applied recent = apply("Recent Media");
        for (Applied applied : List.of(draft, asked, reviewed)) {
            leftAloneFor(Duration.ofDays(91), applied);
        }
        leftAloneFor(Duration.ofDays(89), recent);

        while (retention.runOnce(clock.instant()) > 0) {
            // applications of other tests left alone as long
        }

        for (Applied applied : List.of(draft, asked)) {
            assertThat(status(applied)).isEqualTo("EXPIRED");
            assertErased(applied);
        }
        JsonNode expired = manager.get(REVIEW + "/" + draft.draft().id()).json();
        assertThat(expired.get("decisionReason").asString()).contains("90 days", "Apply again");
        assertThat(expired.has("waitingOn")).as("nobody waits").isFalse();
        assertThat(draft.draft().submit(anonymous).status()).as("final").isEqualTo(409);
        assertThat(draft.draft().attach(anonymous, "IDENTITY").status()).isEqualTo(409);
        assertThat(admin.post(REVIEW + "/" + draft.draft().id() + "/contact-erasure", "").status())
                .as("erased already").isEqualTo(204);
        List<String> actions = new ArrayList<>();
        TestHttp.localPort(port).as(TestJwt.staff("auditor-apps", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=application&resourceId=" + asked.draft().id()).json()
                .forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).contains("expired", "contacts-erased");
        assertThat(status(reviewed)).as("in review it waits for us, not the applicant").isEqualTo("IN_REVIEW");
        assertThat(manager.get(REVIEW + "/" + reviewed.draft().id()).body()).contains(reviewed.email());
        assertThat(status(recent)).as("within the retention").isEqualTo("DRAFT");
        assertThat(manager.get(REVIEW + "/" + recent.draft().id()).body()).contains(recent.email());
    }

    @Test
    void aDocumentUploadKeepsAnApplicationFromExpiring() {
        Applied applied = apply("Busy Media");
        leftAloneFor(Duration.ofDays(100), applied);

        assertThat(applied.draft().attach(anonymous, "CERTIFICATE").status()).isEqualTo(201);
        while (retention.runOnce(clock.instant()) > 0) {
            // applications of other tests left alone long enough
        }

        assertThat(status(applied)).isEqualTo("DRAFT");
        assertThat(manager.get(REVIEW + "/" + applied.draft().id()).body()).contains(applied.email());
    }

    @Test
    void theRetentionJobErasesApplicationsRejectedLongerThanTheRetentionAgo() {
        Applied applied = rejected("Retained Media");
        Instant now = clock.instant();

        while (retention.runOnce(now) > 0) {
            // applications of other tests whose retention ran out
        }
        assertThat(manager.get(REVIEW + "/" + applied.draft().id()).body()).as("within the retention")
                .contains(applied.email());

        Instant later = now.plus(Duration.ofDays(181));
        while (retention.runOnce(later) > 0) {
            // every application rejected before, oldest first
        }

        assertErased(applied);
    }

    /** Letters only: names stay distinct after the screening's normalisation, across tests sharing the database. */
    private static String letters() {
        Random random = new Random();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
