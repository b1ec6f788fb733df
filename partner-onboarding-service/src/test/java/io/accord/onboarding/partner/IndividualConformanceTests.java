package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.accord.onboarding.partner.OrganizationConformanceTests.ORGANIZATIONS;
import static io.accord.onboarding.partner.OrganizationConformanceTests.enc;
import static io.accord.onboarding.partner.OrganizationConformanceTests.ids;
import static io.accord.onboarding.partner.OrganizationConformanceTests.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** A partner's contact persons as TMF632 individuals, and who sees them. */
@AccordServiceTest
class IndividualConformanceTests {

    private static final String INDIVIDUALS = "/tmf-api/party/v4/individual";

    @LocalServerPort
    int port;

    private TestHttp manager;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-tmf", Roles.PARTNER_MANAGER));
    }

    private String organization(String name) {
        TestHttp.Response created = manager.post(ORGANIZATIONS, OrganizationConformanceTests.organization(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String individual(String familyName, String organizationId) {
        String related = organizationId == null ? "" : """
                , "relatedParty": [{"id": "%s", "role": "employer", "@referredType": "Organization"}]"""
                .formatted(organizationId);
        return """
                {"@type": "Individual", "givenName": "Eva", "familyName": "%s",
                 "contactMedium": [{"mediumType": "email", "characteristic": {"emailAddress": "eva@example.com"}},
                                   {"mediumType": "phone", "characteristic": {"phoneNumber": "+31 20 555 0101"}}]
                 %s}""".formatted(familyName, related);
    }

    @Test
    void staffAddAContactLinkedToItsOrganization() {
        String organization = organization("Tmf Employer " + UUID.randomUUID());

        TestHttp.Response created = manager.post(INDIVIDUALS, individual("Berg", organization));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(INDIVIDUALS + "/" + id);
        assertThat(body.get("@type").asString()).isEqualTo("Individual");
        assertThat(body.get("fullName").asString()).isEqualTo("Eva Berg");
        assertThat(body.get("relatedParty").get(0).get("id").asString()).isEqualTo(organization);
        assertThat(body.get("relatedParty").get(0).get("href").asString())
                .isEqualTo(ORGANIZATIONS + "/" + organization);
        assertThat(body.get("relatedParty").get(0).get("@referredType").asString()).isEqualTo("Organization");
        assertThat(body.get("contactMedium").get(0).get("characteristic").get("emailAddress").asString())
                .isEqualTo("eva@example.com");
        assertThat(body.get("contactMedium").get(1).get("characteristic").get("phoneNumber").asString())
                .isEqualTo("+31 20 555 0101");
        assertThat(manager.get(INDIVIDUALS + "/" + id).json()).isEqualTo(body);
        assertThat(ids(manager.get(INDIVIDUALS + "?relatedParty.id=" + organization))).containsExactly(id);
    }

    @Test
    void anIndividualNeedsAFamilyNameAndAKnownOrganization() {
        String organization = organization("Tmf Needs " + UUID.randomUUID());

        assertThat(violation(manager.post(INDIVIDUALS, individual("", organization)))).isEqualTo("familyName");
        assertThat(violation(manager.post(INDIVIDUALS, individual("Berg", null)))).isEqualTo("relatedParty");
        assertThat(violation(manager.post(INDIVIDUALS, individual("Berg", UUID.randomUUID().toString()))))
                .isEqualTo("relatedParty[0].id");
        assertThat(violation(manager.post(INDIVIDUALS, individual("Berg", "123")))).isEqualTo("relatedParty[0].id");
    }

    @Test
    void aPartnerSeesAndChangesOnlyItsOwnContacts() {
        String mine = organization("Tmf Own " + UUID.randomUUID());
        String theirs = organization("Tmf Foreign " + UUID.randomUUID());
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("adm", mine, Roles.PARTNER_ADMIN));
        TestHttp user = TestHttp.localPort(port).as(TestJwt.partner("usr", mine, Roles.PARTNER_USER));
        String foreign = manager.post(INDIVIDUALS, individual("Foreign", theirs)).json().get("id").asString();

        TestHttp.Response own = admin.post(INDIVIDUALS, individual("Own", null));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String ownId = own.json().get("id").asString();
        assertThat(own.json().get("relatedParty").get(0).get("id").asString()).isEqualTo(mine);

        assertThat(ids(user.get(INDIVIDUALS))).containsExactly(ownId);
        assertThat(ids(user.get(INDIVIDUALS + "?relatedParty.id=" + theirs))).isEmpty();
        assertThat(user.get(INDIVIDUALS + "/" + ownId).status()).isEqualTo(200);
        assertThat(user.get(INDIVIDUALS + "/" + foreign).status()).isEqualTo(404);
        assertThat(admin.patch(INDIVIDUALS + "/" + foreign, "{\"givenName\": \"X\"}").status()).isEqualTo(404);
        assertThat(violation(admin.post(INDIVIDUALS, individual("Sneaky", theirs)))).isEqualTo("relatedParty[0].id");
        assertThat(user.post(INDIVIDUALS, individual("Reader", null)).status()).isEqualTo(403);
    }

    @Test
    void mergePatchChangesNamesAndContactMedia() {
        String organization = organization("Tmf Patch Person " + UUID.randomUUID());
        String id = manager.post(INDIVIDUALS, individual("Berg", organization)).json().get("id").asString();

        TestHttp.Response patched = manager.patch(INDIVIDUALS + "/" + id, """
                {"givenName": null, "familyName": "Bergström",
                 "contactMedium": [{"mediumType": "email", "characteristic": {"emailAddress": "eb@example.com"}}]}""");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().has("givenName")).isFalse();
        assertThat(patched.json().get("fullName").asString()).isEqualTo("Bergström");
        assertThat(patched.json().get("contactMedium")).hasSize(1);
        assertThat(manager.get(INDIVIDUALS + "/" + id).json()).isEqualTo(patched.json());
        assertThat(violation(manager.patch(INDIVIDUALS + "/" + id, "{\"familyName\": null}"))).isEqualTo("familyName");
        assertThat(violation(manager.patch(INDIVIDUALS + "/" + id, "{\"relatedParty\": []}")))
                .isEqualTo("relatedParty");
        assertThat(manager.send("PATCH", INDIVIDUALS + "/" + id, "{}", "application/json").status()).isEqualTo(415);
    }

    @Test
    void deletingAnUnusedOrganizationRemovesItsContacts() {
        String organization = organization("Tmf Gone " + UUID.randomUUID());
        String id = manager.post(INDIVIDUALS, individual("Gone", organization)).json().get("id").asString();

        assertThat(manager.delete(ORGANIZATIONS + "/" + organization).status()).isEqualTo(204);

        assertThat(manager.get(INDIVIDUALS + "/" + id).status()).isEqualTo(404);
        assertThat(ids(manager.get(INDIVIDUALS + "?relatedParty.id=" + organization))).isEmpty();
    }

    @Test
    void filtersByAttributesWithFieldsAndPagingHeaders() {
        String organization = organization("Tmf Filter People " + UUID.randomUUID());
        String family = "Filter" + UUID.randomUUID().toString().substring(0, 8);
        String first = manager.post(INDIVIDUALS, individual(family, organization)).json().get("id").asString();
        manager.post(INDIVIDUALS, individual(family, organization));

        TestHttp.Response byFamily = manager.get(INDIVIDUALS + "?familyName=" + family + "&fields=familyName");
        assertThat(byFamily.header("X-Total-Count")).isEqualTo("2");
        assertThat(byFamily.json().get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "href", "@type", "familyName");
        assertThat(ids(manager.get(INDIVIDUALS + "?familyName=" + family + "&id=" + first))).containsExactly(first);
        assertThat(ids(manager.get(INDIVIDUALS + "?fullName=" + enc("Eva " + family) + "&relatedParty.id="
                + organization + "&limit=1"))).hasSize(1);
        assertThat(violation(manager.get(INDIVIDUALS + "?relatedParty=x"))).isEqualTo("relatedParty");
    }
}
