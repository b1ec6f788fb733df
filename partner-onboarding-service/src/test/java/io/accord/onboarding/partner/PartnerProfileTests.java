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

import static org.assertj.core.api.Assertions.assertThat;

/** Staff search, the TMF632 organization view and the partner's own contacts. */
@AccordServiceTest
class PartnerProfileTests {

    private static final String PARTNERS = "/api/onboarding/partners";
    private static final String ORGANIZATIONS = "/tmf-api/party/v4/organization";

    @LocalServerPort
    int port;

    private TestHttp manager;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
    }

    @Test
    void staffSearchByNameCountryAndType() {
        String marker = "Findable" + UUID.randomUUID().toString().substring(0, 8);
        manager.post(PARTNERS, PartnerApiTests.newPartner(marker + " Media AG"));
        manager.post(PARTNERS, PartnerApiTests.newPartner(marker + " Other AG").replace("\"DE\"", "\"AT\""));

        TestHttp.Response byName = manager.get(PARTNERS + "?name=" + marker.toLowerCase());
        TestHttp.Response byCountry = manager.get(PARTNERS + "?name=" + marker + "&country=AT");
        TestHttp.Response byType = manager.get(PARTNERS + "?name=" + marker + "&partnerType=MVNO");

        assertThat(byName.header("X-Total-Count")).isEqualTo("2");
        assertThat(byCountry.json()).singleElement().satisfies(p ->
                assertThat(p.get("legalName").asString()).isEqualTo(marker + " Other AG"));
        assertThat(byType.header("X-Total-Count")).isEqualTo("0");
        assertThat(manager.get(PARTNERS + "?partnerType=SATELLITE").status()).isEqualTo(400);
    }

    @Test
    void aPartnerIsATmf632OrganizationWithFieldSelection() {
        String id = manager.post(PARTNERS, PartnerApiTests.newPartner("Organization View GmbH")).json()
                .get("id").asString();

        JsonNode organization = manager.get(ORGANIZATIONS + "/" + id).json();
        JsonNode selected = manager.get(ORGANIZATIONS + "/" + id + "?fields=name,status").json();

        assertThat(organization.get("@type").asString()).isEqualTo("Organization");
        assertThat(organization.get("href").asString()).isEqualTo(ORGANIZATIONS + "/" + id);
        assertThat(organization.get("name").asString()).isEqualTo("Organization View GmbH");
        assertThat(organization.get("status").asString()).isEqualTo("validated");
        assertThat(organization.get("organizationType").asString()).isEqualTo("OTT_CONTENT");
        assertThat(selected.propertyNames()).containsExactlyInAnyOrder("id", "href", "name", "status", "@type");
        assertThat(manager.get(ORGANIZATIONS + "?limit=1").header("X-Result-Count")).isEqualTo("1");
    }

    @Test
    void aPartnerAdminChangesItsOwnContactsOnly() {
        String mine = manager.post(PARTNERS, PartnerApiTests.newPartner("Contact Mine BV")).json().get("id").asString();
        String theirs = manager.post(PARTNERS, PartnerApiTests.newPartner("Contact Theirs BV")).json()
                .get("id").asString();
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("ca", mine, Roles.PARTNER_ADMIN));
        String contacts = """
                {"commercial": {"name": "Eva Berg", "email": "eva@mine.example", "phone": "+31 20 555 0101"},
                 "billing": {"name": "Ap Ledger", "email": "ap@mine.example"}}""";

        TestHttp.Response changed = admin.put(PARTNERS + "/" + mine + "/contacts", contacts);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("commercialContact").get("email").asString()).isEqualTo("eva@mine.example");
        assertThat(admin.put(PARTNERS + "/" + theirs + "/contacts", contacts).status()).isEqualTo(404);
        TestHttp.Response invalid = admin.put(PARTNERS + "/" + mine + "/contacts",
                contacts.replace("eva@mine.example", "eva at mine"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("violations").get(0).get("field").asString())
                .isEqualTo("commercial.email");
        TestHttp.Response trail = TestHttp.localPort(port).as(TestJwt.staff("a", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceId=" + mine);
        assertThat(trail.json().get(0).get("action").asString()).isEqualTo("contacts-changed");
        assertThat(trail.json().get(0).get("actor").asString()).isEqualTo("ca");
    }

    /**
     * Two partner admins editing the contacts from the same read: the second save is refused (412, nothing changed)
     * instead of overwriting the first. The tag also moves with a bank change, which the partner's view shows.
     */
    @Test
    void contactsSavedFromAVersionSomeoneChangedSinceAre412AndChangeNothing() {
        String id = manager.post(PARTNERS, PartnerApiTests.newPartner("Contact Race BV")).json().get("id").asString();
        String partner = PARTNERS + "/" + id;
        TestHttp eva = TestHttp.localPort(port).as(TestJwt.partner("race-eva", id, Roles.PARTNER_ADMIN));
        TestHttp jan = TestHttp.localPort(port).as(TestJwt.partner("race-jan", id, Roles.PARTNER_ADMIN));
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("race-auditor", Roles.AUDITOR));
        String contacts = """
                {"commercial": {"name": "%s", "email": "sales@race.example"},
                 "billing": {"name": "Ap Ledger", "email": "ap@race.example"}}""";
        String readByEva = eva.get(partner).header("ETag");
        String readByJan = jan.get(partner).header("ETag");
        assertThat(readByEva).isNotBlank().isEqualTo(readByJan);

        TestHttp.Response evas = eva.header("If-Match", readByEva).put(partner + "/contacts",
                contacts.formatted("Eva Berg"));
        int audited = auditor.get("/api/onboarding/audit?resourceId=" + id).json().size();
        TestHttp.Response jans = jan.header("If-Match", readByJan).put(partner + "/contacts",
                contacts.formatted("Jan Smit"));

        assertThat(evas.status()).as(evas.body()).isEqualTo(200);
        assertThat(evas.header("ETag")).isNotBlank().isNotEqualTo(readByEva);
        assertThat(jans.status()).as(jans.body()).isEqualTo(412);
        assertThat(jans.contentType()).startsWith("application/problem+json");
        assertThat(jans.json().get("type").asString()).endsWith("/precondition-failed");
        assertThat(jans.header("ETag")).isEqualTo(evas.header("ETag"));
        TestHttp.Response now = jan.get(partner);
        assertThat(now.json().get("commercialContact").get("name").asString()).isEqualTo("Eva Berg");
        assertThat(now.header("ETag")).isEqualTo(evas.header("ETag"));
        assertThat(auditor.get("/api/onboarding/audit?resourceId=" + id).json().size()).isEqualTo(audited);

        TestHttp.Response bank = eva.put(partner + "/bank-account",
                "{\"iban\":\"DE89 3704 0044 0532 0130 00\",\"bic\":\"COBADEFFXXX\"}");
        assertThat(bank.status()).as(bank.body()).isEqualTo(200);
        assertThat(jan.get(partner).header("ETag")).isNotEqualTo(evas.header("ETag"));
        assertThat(jan.header("If-Match", evas.header("ETag")).put(partner + "/contacts",
                contacts.formatted("Jan Smit")).status()).isEqualTo(412);
        assertThat(jan.put(partner + "/contacts", contacts.formatted("Jan Smit")).status())
                .as("without If-Match nothing is required").isEqualTo(200);
    }

    /**
     * A bank change requested from a profile page someone changed since (here: the contacts) is refused as the
     * contacts are: 412 and nothing requested; its answer carries the partner's new tag.
     */
    @Test
    void aBankChangeRequestedFromAStaleProfileIs412AndRequestsNothing() {
        String id = manager.post(PARTNERS, PartnerApiTests.newPartner("Bank Race BV")).json().get("id").asString();
        String partner = PARTNERS + "/" + id;
        TestHttp eva = TestHttp.localPort(port).as(TestJwt.partner("bank-eva", id, Roles.PARTNER_ADMIN));
        String read = eva.get(partner).header("ETag");
        TestHttp.Response contacts = eva.put(partner + "/contacts", """
                {"commercial": {"name": "Eva Berg", "email": "sales@bank.example"},
                 "billing": {"name": "Ap Ledger", "email": "ap@bank.example"}}""");
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
        String iban = "{\"iban\":\"DE89 3704 0044 0532 0130 00\",\"bic\":\"COBADEFFXXX\"}";

        TestHttp.Response stale = eva.header("If-Match", read).put(partner + "/bank-account", iban);

        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo(contacts.header("ETag"));
        var pending = eva.get(partner).json().path("pendingBankAccount");
        assertThat(pending.isMissingNode() || pending.isNull()).as("nothing requested").isTrue();
        TestHttp.Response requested = eva.header("If-Match", contacts.header("ETag"))
                .put(partner + "/bank-account", iban);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(eva.get(partner).json().path("pendingBankAccount").isObject()).isTrue();
        assertThat(requested.header("ETag")).isNotEqualTo(contacts.header("ETag"))
                .isEqualTo(eva.get(partner).header("ETag"));
    }
}
