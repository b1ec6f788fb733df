package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.onboarding.partner.OrganizationConformanceTests.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR for partner contacts (found by the compliance review R22 on 2026-12-07: a terminated partner's contact could
 * never be erased, and the audit trail kept its name, e-mail and phone in clear for ever).
 */
@AccordServiceTest
class PersonalDataTests {

    private static final String INDIVIDUALS = IndividualResource.PATH;
    private static final String AUDIT = "/api/onboarding/audit";

    private final int port;
    private final ContactRetentionJob retention;
    private final Clock clock;

    private TestHttp manager;
    private TestHttp admin;
    private TestHttp auditor;

    PersonalDataTests(@LocalServerPort int port, ContactRetentionJob retention, Clock clock) {
        this.port = port;
        this.retention = retention;
        this.clock = clock;
    }

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-gdpr", Roles.PARTNER_MANAGER));
        admin = TestHttp.localPort(port).as(TestJwt.staff("admin-gdpr", Roles.PLATFORM_ADMIN));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor-gdpr", Roles.AUDITOR));
    }

    /** A partner (organization) whose billing contact has this e-mail, and one individual with the same e-mail. */
    private record Contact(String partner, String individual, String email) {
    }

    private Contact contact() {
        String email = "eva." + UUID.randomUUID() + "@example.com";
        String name = "Gdpr Employer " + UUID.randomUUID();
        TestHttp.Response organization = manager.post(ORGANIZATIONS,
                OrganizationConformanceTests.organization(name).replace("billing@example.com", email));
        assertThat(organization.status()).as(organization.body()).isEqualTo(201);
        String partner = organization.json().get("id").asString();
        TestHttp.Response individual = manager.post(INDIVIDUALS, """
                {"givenName": "Eva", "familyName": "Lindqvist",
                 "contactMedium": [{"mediumType": "email", "characteristic": {"emailAddress": "%s"}},
                                   {"mediumType": "phone", "characteristic": {"phoneNumber": "+46 8 555 0101"}}],
                 "relatedParty": [{"id": "%s", "@referredType": "Organization"}]}""".formatted(email, partner));
        assertThat(individual.status()).as(individual.body()).isEqualTo(201);
        return new Contact(partner, individual.json().get("id").asString(), email);
    }

    private void terminate(String partner) {
        TestHttp.Response terminated = manager.post(PartnerController.PATH + "/" + partner + "/termination",
                "{\"reason\": \"contract ended\"}");
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
    }

    private JsonNode auditOf(String individual) {
        TestHttp.Response trail = auditor.get(AUDIT + "?resourceType=individual&resourceId=" + individual);
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        return trail.json();
    }

    @Test
    void theAuditTrailNamesAContactsChangedFieldsNotTheirValues() {
        Contact contact = contact();
        TestHttp.Response patched = manager.patch(INDIVIDUALS + "/" + contact.individual(), """
                {"contactMedium": [{"mediumType": "email", "characteristic": {"emailAddress": "new.%s"}}]}"""
                .formatted(contact.email()));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        JsonNode trail = auditOf(contact.individual());

        assertThat(trail.toString()).doesNotContain("Eva", "Lindqvist", contact.email(), "+46 8 555 0101");
        JsonNode changed = trail.get(0);
        assertThat(changed.get("action").asString()).isEqualTo("changed");
        assertThat(names(changed.get("after").get("personalDataChanged"))).containsExactly("email", "phone");
        assertThat(names(trail.get(1).get("after").get("personalDataChanged")))
                .containsExactly("email", "familyName", "givenName", "phone");
        TestHttp.Response partnerTrail = auditor.get(AUDIT + "?resourceType=partner&resourceId=" + contact.partner());
        assertThat(partnerTrail.body()).as("the organization's contacts too").doesNotContain(contact.email())
                .contains("(personal data, not audited)");
    }

    @Test
    void aContactOfAnActivePartnerIsNotErased() {
        Contact contact = contact();

        TestHttp.Response refused = admin.delete(INDIVIDUALS + "/" + contact.individual());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("ACTIVE", "TERMINATED");
        assertThat(admin.post(PartnerController.PATH + "/" + contact.partner() + "/contact-erasure", "").status())
                .isEqualTo(409);
        assertThat(manager.get(INDIVIDUALS + "/" + contact.individual()).body()).contains(contact.email());
    }

    @Test
    void aPlatformAdminErasesAContactOfATerminatedPartnerAndTheAuditKeepsNoValues() {
        Contact contact = contact();
        terminate(contact.partner());

        TestHttp.Response erased = admin.delete(INDIVIDUALS + "/" + contact.individual());

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        JsonNode read = manager.get(INDIVIDUALS + "/" + contact.individual()).json();
        assertThat(read.get("familyName").asString()).isEqualTo(Partner.ERASED);
        assertThat(read.toString()).doesNotContain("Eva", "Lindqvist", contact.email(), "+46 8 555 0101");
        assertThat(read.get("relatedParty").get(0).get("id").asString()).as("kept for references")
                .isEqualTo(contact.partner());
        JsonNode entry = auditOf(contact.individual()).get(0);
        assertThat(entry.get("action").asString()).isEqualTo("erased");
        assertThat(entry.get("actor").asString()).isEqualTo("admin-gdpr");
        assertThat(names(entry.get("after").get("personalDataChanged")))
                .containsExactly("email", "familyName", "givenName", "phone");
        assertThat(entry.toString()).doesNotContain("Eva", "Lindqvist", contact.email());
        assertThat(admin.delete(INDIVIDUALS + "/" + contact.individual()).status()).as("again: nothing left")
                .isEqualTo(204);
        assertThat(auditOf(contact.individual()).get(0).get("id")).isEqualTo(entry.get("id"));
    }

    @Test
    void onlyAPlatformAdminErasesOrExports() {
        Contact contact = contact();
        terminate(contact.partner());
        TestHttp partnerAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("pa-gdpr", contact.partner(), Roles.PARTNER_ADMIN));

        for (TestHttp other : List.of(manager, auditor, partnerAdmin)) {
            assertThat(other.delete(INDIVIDUALS + "/" + contact.individual()).status()).isEqualTo(403);
            assertThat(other.post(PartnerController.PATH + "/" + contact.partner() + "/contact-erasure", "")
                    .status()).isEqualTo(403);
            assertThat(other.get(PersonalDataController.EXPORT + "?email=" + contact.email()).status())
                    .isEqualTo(403);
        }
        assertThat(manager.get(INDIVIDUALS + "/" + contact.individual()).body()).contains(contact.email());
    }

    @Test
    void erasingATerminatedPartnersContactsErasesItsOrganizationsContactPersonsToo() {
        Contact contact = contact();
        terminate(contact.partner());

        TestHttp.Response erased = admin.post(PartnerController.PATH + "/" + contact.partner() + "/contact-erasure",
                "");

        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(manager.get(PartnerController.PATH + "/" + contact.partner()).body())
                .doesNotContain(contact.email()).contains(Partner.ERASED);
        assertThat(manager.get(INDIVIDUALS + "/" + contact.individual()).body()).doesNotContain(contact.email());
        TestHttp.Response partnerTrail = auditor.get(AUDIT + "?resourceType=partner&action=contacts-erased"
                + "&resourceId=" + contact.partner());
        assertThat(partnerTrail.json().get(0).get("after").get("personalDataChanged").toString())
                .contains("billingContact.email");
    }

    @Test
    void anAccessRequestExportsWhatIsStoredAboutTheContact() {
        Contact contact = contact();

        TestHttp.Response byEmail = admin.get(PersonalDataController.EXPORT + "?email="
                + contact.email().toUpperCase());
        TestHttp.Response byId = admin.get(PersonalDataController.EXPORT + "?individualId=" + contact.individual());

        assertThat(byEmail.status()).as(byEmail.body()).isEqualTo(200);
        JsonNode export = byEmail.json();
        assertThat(export.get("individuals").get(0).get("id").asString()).isEqualTo(contact.individual());
        assertThat(export.get("individuals").get(0).toString()).contains(contact.email(), "Lindqvist");
        assertThat(export.get("organizationContacts").get(0).get("role").asString()).isEqualTo("billing");
        assertThat(export.get("organizationContacts").get(0).get("partnerId").asString())
                .isEqualTo(contact.partner());
        List<Long> created = new ArrayList<>();
        auditOf(contact.individual()).forEach(entry -> created.add(entry.get("id").asLong()));
        assertThat(names(export.get("auditEntryIds"))).containsAll(created.stream().map(String::valueOf).toList());
        assertThat(byId.json().get("individuals")).isEqualTo(export.get("individuals"));
        assertThat(admin.get(PersonalDataController.EXPORT).status()).isEqualTo(400);
        assertThat(admin.get(PersonalDataController.EXPORT + "?individualId=" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void theRetentionJobErasesContactsOfPartnersTerminatedLongerThanTheRetentionAgo() {
        Contact contact = contact();
        terminate(contact.partner());
        Instant now = clock.instant();

        while (retention.runOnce(now) > 0) {
            // partners of other tests whose retention ran out
        }
        assertThat(manager.get(INDIVIDUALS + "/" + contact.individual()).body()).as("within the retention")
                .contains(contact.email());

        Instant later = now.plus(Duration.ofDays(366));
        while (retention.runOnce(later) > 0) {
            // every partner terminated before, oldest first
        }

        assertThat(manager.get(INDIVIDUALS + "/" + contact.individual()).body()).doesNotContain(contact.email());
        assertThat(manager.get(PartnerController.PATH + "/" + contact.partner()).body())
                .doesNotContain(contact.email());
        JsonNode entry = auditOf(contact.individual()).get(0);
        assertThat(entry.get("action").asString()).isEqualTo("erased");
        assertThat(entry.get("actor").asString()).isEqualTo("system");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }
}
