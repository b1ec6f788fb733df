package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerView;
import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TMF620 productOffering conformance: create, read, list, filter, select, patch, delete, errors. */
@AccordServiceTest
class OfferingApiTests {

    private static final String VIDEO = "0a1e0000-0000-4000-8000-000000000001";
    private static final String MUSIC = "0a1e0000-0000-4000-8000-000000000002";

    private final CatalogApi api;

    OfferingApiTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
    }

    @Test
    void createsADraftWithLocationAndReadsItBack() {
        UUID partner = api.activePartner("Api Media");
        TestHttp admin = api.admin(partner);
        String spec = specificationOf(partner);

        TestHttp.Response created = admin.post(CatalogApi.OFFERINGS, create("Premium Sports", VIDEO, spec));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("lifecycleStatus").asString()).isEqualTo("In study");
        assertThat(created.json().get("relatedParty").get(0).get("id").asString()).isEqualTo(partner.toString());
        assertThat(created.json().get("productSpecification").get("id").asString()).isEqualTo(spec);
        String href = created.json().get("href").asString();
        assertThat(created.header("Location")).isEqualTo(href);
        assertThat(admin.get(href).json().get("name").asString()).isEqualTo("Premium Sports");
    }

    @Test
    void theAuditTrailFindsAnOfferingsCreationAndChangeByItsId() {
        UUID partner = api.activePartner("Audited Media");
        TestHttp admin = api.admin(partner);
        String id = admin.post(CatalogApi.OFFERINGS, create("Audited Sports", VIDEO, specificationOf(partner)))
                .json().get("id").asString();
        admin.patch(CatalogApi.OFFERINGS + "/" + id, "{\"description\":\"now with replays\"}");

        JsonNode trail = api.staff(Roles.AUDITOR).get("/api/catalog/audit?resourceId=" + id).json();

        assertThat(trail).extracting(entry -> entry.get("action").asString()).containsExactly("changed", "created");
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.get("resourceType").asString()).isEqualTo("productOffering");
            assertThat(entry.get("partnerId").asString()).isEqualTo(partner.toString());
        });
        assertThat(trail.get(1).get("after").get("name").asString()).isEqualTo("Audited Sports");
        assertThat(trail.get(0).get("before").get("description").asString()).isEqualTo("HD");
        assertThat(trail.get(0).get("after").get("description").asString()).isEqualTo("now with replays");
    }

    @Test
    void aMissingMandatoryFieldOrAnUnknownOneIsA400NamingIt() {
        UUID partner = api.activePartner("Strict Media");
        TestHttp admin = api.admin(partner);
        String spec = specificationOf(partner);

        TestHttp.Response nameless = admin.post(CatalogApi.OFFERINGS, create("x", VIDEO, spec)
                .replace("\"name\":\"x\",", ""));
        TestHttp.Response typo = admin.post(CatalogApi.OFFERINGS, create("Typo", VIDEO, spec)
                .replace("\"description\"", "\"descripton\""));
        TestHttp.Response noCategory = admin.post(CatalogApi.OFFERINGS, "{\"name\":\"No category\"}");
        TestHttp.Response tmfClient = admin.post(CatalogApi.OFFERINGS, create("Tmf Client", VIDEO, spec)
                .replaceFirst("\\{\"name\"", "{\"@type\":\"ProductOffering\",\"lifecycleStatus\":\"Active\","
                        + "\"isSellable\":true,\"version\":\"1\",\"name\""));

        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().get("violations").get(0).get("field").asString()).isEqualTo("name");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("violations").get(0).get("field").asString()).isEqualTo("descripton");
        assertThat(noCategory.json().get("violations").get(0).get("field").asString()).isEqualTo("category");
        assertThat(tmfClient.status()).as(tmfClient.body()).isEqualTo(201);
    }

    @Test
    void listsPageByPageWithCountsFiltersAndSelectedFields() {
        UUID partner = api.activePartner("List Media");
        TestHttp admin = api.admin(partner);
        String spec = specificationOf(partner);
        admin.post(CatalogApi.OFFERINGS, create("Video one", VIDEO, spec));
        admin.post(CatalogApi.OFFERINGS, create("Video two", VIDEO, spec));
        admin.post(CatalogApi.OFFERINGS, create("Music one", MUSIC, spec));

        // its own drafts: launched CSP offerings other tests made are visible to every partner too
        TestHttp.Response page = admin.get(CatalogApi.OFFERINGS + "?offset=1&limit=2&lifecycleStatus=In%20study");
        TestHttp.Response music = admin.get(CatalogApi.OFFERINGS + "?category.id=" + MUSIC);
        TestHttp.Response drafts = admin.get(CatalogApi.OFFERINGS + "?lifecycleStatus=In%20study&isBundle=false"
                + "&fields=name");
        TestHttp.Response named = admin.get(CatalogApi.OFFERINGS + "?name=Video%20two");

        assertThat(page.header("X-Total-Count")).isEqualTo("4");
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        assertThat(music.header("X-Total-Count")).isEqualTo("1");
        assertThat(drafts.header("X-Total-Count")).isEqualTo("4");
        assertThat(drafts.json().get(0).propertyNames()).containsExactlyInAnyOrder("id", "href", "name", "@type");
        assertThat(named.json().get(0).get("name").asString()).isEqualTo("Video two");
        assertThat(admin.get(CatalogApi.OFFERINGS + "?lifecycleStatus=Dreaming").status()).isEqualTo(400);
        assertThat(admin.get(CatalogApi.OFFERINGS + "?colour=red").status()).isEqualTo(400);
    }

    @Test
    void staffFilterByRelatedPartyAndAPartnerFindsNoMoreThanItSeesAnyway() {
        UUID a = api.activePartner("Party A");
        UUID b = api.activePartner("Party B");
        UUID c = api.activePartner("Party C");
        UUID ownedByA = api.draft(Owner.partner(a), OfferingDrafts.single("party-a-" + UUID.randomUUID()));
        UUID ownedByB = api.draft(Owner.partner(b), OfferingDrafts.single("party-b-" + UUID.randomUUID()));
        UUID coCreated = api.draft(Owner.partner(b),
                OfferingDrafts.coCreated("party-bc-" + UUID.randomUUID(), c, "10"));
        TestHttp ops = api.staff(Roles.OPS);

        assertThat(ids(ops, "?relatedParty.id=" + a)).containsExactly(ownedByA.toString());
        assertThat(ids(ops, "?relatedParty.id=" + b)).containsExactlyInAnyOrder(ownedByB.toString(),
                coCreated.toString());
        assertThat(ids(ops, "?relatedParty.id=" + c)).containsExactly(coCreated.toString());
        assertThat(ids(ops, "?relatedParty.id=" + a + "," + c)).containsExactlyInAnyOrder(ownedByA.toString(),
                coCreated.toString());
        assertThat(ids(api.admin(a), "?relatedParty.id=" + b)).as("none of B's offerings is A's to see").isEmpty();
        assertThat(ids(api.user(c), "?relatedParty.id=" + b)).as("C has not accepted to co-create yet").isEmpty();
        api.acceptCoCreation(coCreated, c);
        assertThat(ids(api.user(c), "?relatedParty.id=" + b)).containsExactly(coCreated.toString());
        TestHttp.Response malformed = ops.get(CatalogApi.OFFERINGS + "?relatedParty.id=CSP");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("violations").get(0).get("field").asString()).isEqualTo("relatedParty.id");
    }

    private static java.util.List<String> ids(TestHttp client, String query) {
        TestHttp.Response response = client.get(CatalogApi.OFFERINGS + query + "&fields=id");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValuesAsString("id");
    }

    @Test
    void patchesADraftInPlaceAndALaunchedOfferingIntoANewVersionForReview() {
        UUID partner = api.activePartner("Patch Media");
        TestHttp admin = api.admin(partner);
        UUID draft = api.draft(Owner.partner(partner), OfferingDrafts.single("patch-draft"));
        UUID launched = api.launched(Owner.partner(partner), OfferingDrafts.single("patch-launched"));

        TestHttp.Response patched = admin.patch(CatalogApi.OFFERINGS + "/" + draft,
                "{\"description\":\"now with replays\"}");
        TestHttp.Response revised = admin.patch(CatalogApi.OFFERINGS + "/" + launched, "{\"name\":\"Renamed\"}");
        TestHttp.Response notChangeable = admin.patch(CatalogApi.OFFERINGS + "/" + draft,
                "{\"lifecycleStatus\":\"Launched\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("description").asString()).isEqualTo("now with replays");
        assertThat(revised.json().get("pendingChange").asString()).isEqualTo("NEW_VERSION");
        assertThat(revised.json().get("name").asString()).isEqualTo("Offer patch-launched");
        assertThat(notChangeable.status()).isEqualTo(400);
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + launched + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(approved.json().get("version").asString()).isEqualTo("2");
    }

    @Test
    void changingARetiredOfferingIsAConflictNamingItsStatusWhileAFieldErrorStaysA400() {
        UUID partner = api.activePartner("Retired Patch Media");
        TestHttp admin = api.admin(partner);
        UUID retired = api.launched(Owner.partner(partner), OfferingDrafts.single("patch-retired"));
        UUID draft = api.draft(Owner.partner(partner), OfferingDrafts.single("patch-field-error"));
        assertThat(admin.post(CatalogApi.PLAIN + "/" + retired + "/retirement", "{\"reason\":\"sunset\"}")
                .status()).isEqualTo(200);

        TestHttp.Response revived = admin.patch(CatalogApi.OFFERINGS + "/" + retired, "{\"name\":\"revived\"}");
        TestHttp.Response repriced = admin.post("/tmf-api/productCatalogManagement/v4/productOfferingPrice", """
                {"name":"Monthly fee","priceType":"recurring","externalId":"monthly","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"1"},"recurringChargePeriodType":"month",
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}"""
                .formatted(retired));
        TestHttp.Response backwards = admin.patch(CatalogApi.OFFERINGS + "/" + draft, """
                {"validFor":{"startDateTime":"2026-02-01T00:00:00Z","endDateTime":"2026-01-01T00:00:00Z"}}""");

        for (TestHttp.Response conflict : java.util.List.of(revived, repriced)) {
            assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
            assertThat(conflict.json().get("detail").asString()).contains("RETIRED");
        }
        assertThat(admin.get(CatalogApi.OFFERINGS + "/" + retired).json().get("name").asString())
                .isEqualTo("Offer patch-retired");
        assertThat(backwards.status()).as(backwards.body()).isEqualTo(400);
        assertThat(backwards.json().get("violations").get(0).get("field").asString())
                .as("the request's path, not the draft's validTo").isEqualTo("validFor.endDateTime");
        assertThat(backwards.json().get("detail").asString()).doesNotContain("validTo")
                .doesNotStartWith("validFor.endDateTime: ");
    }

    @Test
    void decimalsAreShownPlainNeverInScientificNotation() {
        UUID partner = api.activePartner("Plain Decimals Media");
        UUID coCreator = api.activePartner("Plain Decimals Studio");
        UUID offering = api.draft(Owner.partner(partner),
                OfferingDrafts.coCreated("plain-decimals", coCreator, "40.00"));

        TestHttp.Response read = api.admin(partner).get(CatalogApi.OFFERINGS + "/" + offering);
        TestHttp.Response prices = api.admin(partner)
                .get("/tmf-api/productCatalogManagement/v4/productOfferingPrice?productOffering.id=" + offering);

        assertThat(read.body()).contains("\"sharePercent\":40}").doesNotContain("E+");
        // the usage tiers of OfferingDrafts.single: 0-100 at 0.05, from 100 at 0.02
        assertThat(prices.body()).contains("\"to\":100,").contains("\"from\":100,").doesNotContain("E+");
    }

    @Test
    void staffCreateCspOwnedOfferingsThatEveryPartnerSeesOnceLaunched() {
        UUID reseller = api.activePartner("Reseller Telecom");
        UUID csp = api.launched(Owner.csp(), OfferingDrafts.single("csp-mobile-" + UUID.randomUUID()));
        UUID cspDraft = api.draft(Owner.csp(), OfferingDrafts.single("csp-draft-" + UUID.randomUUID()));

        assertThat(api.user(reseller).get(CatalogApi.OFFERINGS + "/" + csp).status()).isEqualTo(200);
        assertThat(api.user(reseller).get(CatalogApi.OFFERINGS + "/" + cspDraft).status()).isEqualTo(404);
        assertThat(api.admin(reseller).patch(CatalogApi.OFFERINGS + "/" + csp, "{\"name\":\"Mine\"}").status())
                .isEqualTo(403);
        assertThat(api.staff(Roles.OPS).get(CatalogApi.OFFERINGS + "/" + cspDraft).status()).isEqualTo(200);
        assertThat(api.staff(Roles.AUDITOR).post(CatalogApi.OFFERINGS, "{}").status()).isEqualTo(403);
    }

    @Test
    void anotherPartnersOfferingIsNotFoundWhateverTheOperationAndAnyIdShapeIsA404() {
        UUID a = api.activePartner("Tenant A");
        UUID b = api.activePartner("Tenant B");
        UUID coCreator = api.activePartner("Tenant C");
        UUID offering = api.draft(Owner.partner(a), OfferingDrafts.coCreated("tenant-a", coCreator, "10"));
        TestHttp adminB = api.admin(b);

        assertThat(adminB.get(CatalogApi.OFFERINGS + "/" + offering).status()).isEqualTo(404);
        assertThat(adminB.patch(CatalogApi.OFFERINGS + "/" + offering, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(adminB.delete(CatalogApi.OFFERINGS + "/" + offering).status()).isEqualTo(404);
        assertThat(adminB.post(CatalogApi.PLAIN + "/" + offering + "/submission", null).status()).isEqualTo(404);
        assertThat(adminB.get(CatalogApi.PLAIN + "/" + offering + "/prices-in-force").status()).isEqualTo(404);
        assertThat(adminB.get(CatalogApi.OFFERINGS).body()).doesNotContain(offering.toString());
        api.acceptCoCreation(offering, coCreator);
        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS + "/" + offering).status()).isEqualTo(200);
        assertThat(api.user(coCreator).get(CatalogApi.OFFERINGS).body()).contains(offering.toString());
        assertThat(api.admin(coCreator).delete(CatalogApi.OFFERINGS + "/" + offering).status()).isEqualTo(403);
        assertThat(adminB.get(CatalogApi.OFFERINGS + "/not-an-id").status()).isEqualTo(404);
        assertThat(adminB.get(CatalogApi.OFFERINGS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private String specificationOf(UUID partner) {
        UUID seed = api.draft(Owner.partner(partner), OfferingDrafts.single("seed-" + UUID.randomUUID()));
        return api.admin(partner).get(CatalogApi.OFFERINGS + "/" + seed).json().get("productSpecification")
                .get("id").asString();
    }

    private static String create(String name, String category, String spec) {
        return """
                {"name":"%s","description":"HD","isBundle":false,"category":[{"id":"%s"}],
                 "channel":[{"name":"ONLINE"}],"productSpecification":{"id":"%s"}}""".formatted(name, category, spec);
    }
}
