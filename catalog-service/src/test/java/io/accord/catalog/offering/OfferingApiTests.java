package io.accord.catalog.offering;

import io.accord.catalog.partner.KnownPartners;
import io.accord.catalog.partner.PartnerEvents;
import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AccordServiceTest
class OfferingApiTests {

    private static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";

    @LocalServerPort
    int port;

    private final KnownPartners partners;

    OfferingApiTests(KnownPartners partners) {
        this.partners = partners;
    }

    @Test
    void anActivePartnerSubmitsAnOfferingAndReadsItBack() {
        String partner = activePartner("Offer Media");
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("offer-admin", partner, Roles.PARTNER_ADMIN));

        TestHttp.Response created = admin.post(OFFERINGS, "{\"name\":\"Premium Sports\",\"description\":\"HD\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("lifecycleStatus").asString()).isEqualTo("In study");
        assertThat(created.json().get("relatedParty").get(0).get("id").asString()).isEqualTo(partner);
        String href = created.json().get("href").asString();
        assertThat(created.header("Location")).isEqualTo(href);
        assertThat(admin.get(href).json().get("name").asString()).isEqualTo("Premium Sports");
    }

    @Test
    void anUnknownFieldIsRefusedButEveryTmf620AttributeIsAccepted() {
        String partner = activePartner("Strict Media");
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("strict-admin", partner, Roles.PARTNER_ADMIN));

        TestHttp.Response typo = admin.post(OFFERINGS, "{\"name\":\"Typo\",\"descripton\":\"HD\"}");
        TestHttp.Response tmf = admin.post(OFFERINGS, """
                {"@type": "ProductOffering", "@baseType": "ProductOffering", "name": "Tmf Client", "isBundle": false,
                 "lifecycleStatus": "Active", "validFor": {"startDateTime": "2026-01-01T00:00:00Z"},
                 "relatedParty": [{"id": "%s", "role": "Partner", "name": "x", "@referredType": "Organization"}]}
                """.formatted(partner));

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("violations").get(0).get("field").asString()).isEqualTo("descripton");
        assertThat(tmf.status()).as(tmf.body()).isEqualTo(201);
        assertThat(tmf.json().get("lifecycleStatus").asString()).isEqualTo("In study");
    }

    @Test
    void selectsTheRequestedFieldsOnly() {
        String partner = activePartner("Fields Media");
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("f-admin", partner, Roles.PARTNER_ADMIN));
        String href = admin.post(OFFERINGS, "{\"name\":\"Lean\",\"description\":\"long text\"}").json()
                .get("href").asString();

        var selected = admin.get(href + "?fields=name").json();
        var listed = admin.get(OFFERINGS + "?fields=lifecycleStatus").json().get(0);

        assertThat(selected.propertyNames()).containsExactlyInAnyOrder("id", "href", "name", "@type");
        assertThat(listed.propertyNames()).containsExactlyInAnyOrder("id", "href", "lifecycleStatus", "@type");
    }

    @Test
    void refusesOfferingsOfUnknownPartners() {
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));

        TestHttp.Response refused = manager.post(OFFERINGS, """
                {"name":"Ghost","relatedParty":[{"id":"%s","role":"Partner"}]}""".formatted(UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("unknown");
    }

    @Test
    void refusesOfferingsOfSuspendedPartners() {
        String partner = activePartner("Suspended Media");
        PartnerEvents.statusChanged(partner, "ACTIVE", "SUSPENDED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "SUSPENDED".equals(partners.find(UUID.fromString(partner)).orElseThrow().status()));
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("s-admin", partner, Roles.PARTNER_ADMIN));

        TestHttp.Response refused = admin.post(OFFERINGS, "{\"name\":\"Late Offer\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("SUSPENDED");
        assertThat(admin.get(OFFERINGS).header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void anotherPartnersOfferingIsNotFound() {
        String a = activePartner("Partner A Media");
        String b = activePartner("Partner B Media");
        TestHttp adminA = TestHttp.localPort(port).as(TestJwt.partner("a", a, Roles.PARTNER_ADMIN));
        TestHttp adminB = TestHttp.localPort(port).as(TestJwt.partner("b", b, Roles.PARTNER_ADMIN));
        String href = adminA.post(OFFERINGS, "{\"name\":\"A only\"}").json().get("href").asString();

        assertThat(adminB.get(href).status()).isEqualTo(404);
        assertThat(adminB.post(OFFERINGS, """
                {"name":"Impostor","relatedParty":[{"id":"%s","role":"Partner"}]}""".formatted(a)).status())
                .isEqualTo(400);
    }

    @Test
    void aRoleThatMayNotSubmitIsForbiddenWhateverItSends() {
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));

        assertThat(finance.post(OFFERINGS, "{}").status()).isEqualTo(403);
        assertThat(finance.post(OFFERINGS, "{\"name\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void aMissingNameIsNamedInTheProblem() {
        String partner = activePartner("Nameless Media");
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("n", partner, Roles.PARTNER_ADMIN));

        TestHttp.Response response = admin.post(OFFERINGS, "{\"description\":\"no name\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("violations").get(0).get("field").asString()).isEqualTo("name");
    }

    private String activePartner(String name) {
        String id = UUID.randomUUID().toString();
        PartnerEvents.activated(id, name);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.find(UUID.fromString(id)).isPresent());
        return id;
    }
}
