package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TMF620 productSpecification PATCH and DELETE (unused ones only), and the productOfferingPrice list of all. */
@AccordServiceTest
class SpecificationChangeAndPriceListTests {

    private static final String SPECS = "/tmf-api/productCatalogManagement/v4/productSpecification";
    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    private static final String SPEC = """
            {"name":"Streaming","productSpecCharacteristic":[{"name":"quality","valueType":"enum",
             "configurable":true,"productSpecCharacteristicValue":[{"value":"HD"},{"value":"UHD"}]}]}""";

    private final CatalogApi api;

    SpecificationChangeAndPriceListTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
    }

    @Test
    void anUnusedSpecificationIsMergePatchedAndDeletedByItsOwnerOnly() {
        UUID owner = api.activePartner("Spec Patch Media");
        UUID other = api.activePartner("Spec Patch Other");
        String href = api.admin(owner).post(SPECS, SPEC).json().get("href").asString();

        TestHttp.Response patched = api.admin(owner).patch(href, """
                {"description":"now in 4K","resourceSpecification":[{"name":"LICENCE_KEY"}]}""");
        TestHttp.Response foreign = api.admin(other).patch(href, "{\"description\":\"mine\"}");
        TestHttp.Response owned = api.admin(owner).patch(href, "{\"relatedParty\":[]}");
        TestHttp.Response invalid = api.admin(owner).patch(href, """
                {"productSpecCharacteristic":[{"name":"quality","valueType":"colour"}]}""");
        TestHttp.Response byUser = api.user(owner).patch(href, "{\"description\":\"x\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("description").asString()).isEqualTo("now in 4K");
        assertThat(patched.json().get("name").asString()).isEqualTo("Streaming");
        assertThat(patched.json().get("productSpecCharacteristic").get(0).get("name").asString())
                .isEqualTo("quality");
        assertThat(api.user(owner).get(href).json().get("resourceSpecification").get(0).get("name").asString())
                .isEqualTo("LICENCE_KEY");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(owned.status()).isEqualTo(400);
        assertThat(owned.json().get("violations").get(0).get("field").asString()).isEqualTo("relatedParty");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(byUser.status()).isEqualTo(403);
        assertThat(api.admin(other).delete(href).status()).isEqualTo(404);
        assertThat(api.admin(owner).delete(href).status()).isEqualTo(204);
        assertThat(api.admin(owner).get(href).status()).isEqualTo(404);
        assertThat(api.admin(owner).delete(SPECS + "/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void whoMayNotChangeASpecificationGets403WhateverTheBodysMediaTypeAsForOfferings() {
        UUID owner = api.activePartner("Spec Roles Media");
        String href = api.admin(owner).post(SPECS, SPEC).json().get("href").asString();
        UUID offering = api.draft(Owner.partner(owner), OfferingDrafts.single("spec-roles-" + UUID.randomUUID()));
        String before = api.admin(owner).get(href).body();

        for (String role : List.of(Roles.AUDITOR, Roles.OPS, Roles.FINANCE)) {
            TestHttp staff = api.staff(role);
            assertThat(staff.send("PATCH", href, "{\"name\":\"x\"}", "application/json").status()).as(role)
                    .isEqualTo(403);
            assertThat(staff.patch(href, "{\"name\":\"x\"}").status()).as(role).isEqualTo(403);
            assertThat(staff.delete(href).status()).as(role).isEqualTo(403);
            assertThat(staff.send("PATCH", CatalogApi.OFFERINGS + "/" + offering, "{\"name\":\"x\"}",
                    "application/json").status()).as(role + ", offering").isEqualTo(403);
        }
        assertThat(api.user(owner).send("PATCH", href, "{\"name\":\"x\"}", "application/json").status())
                .isEqualTo(403);
        assertThat(api.admin(owner).get(href).body()).as("nothing changed").isEqualTo(before);
        TestHttp.Response plainJson = api.admin(owner).send("PATCH", href, "{\"name\":\"x\"}",
                "application/json");
        assertThat(plainJson.status()).as("the owner learns the media type: " + plainJson.body()).isEqualTo(415);
    }

    @Test
    void aSpecificationOfferingsUseChangesThroughThemOnly() {
        UUID owner = api.activePartner("Spec Used Media");
        UUID launched = api.launched(Owner.partner(owner), OfferingDrafts.single("spec-used-" + UUID.randomUUID()));
        String href = SPECS + "/" + api.admin(owner).get(CatalogApi.OFFERINGS + "/" + launched).json()
                .get("productSpecification").get("id").asString();

        TestHttp.Response patched = api.admin(owner).patch(href, "{\"description\":\"sneaky\"}");
        TestHttp.Response deleted = api.admin(owner).delete(href);

        assertThat(patched.status()).isEqualTo(409);
        assertThat(patched.json().get("detail").asString()).contains("1 product offering uses it", "launched");
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(api.admin(owner).get(href).json().has("description")).isFalse();
    }

    @Test
    void pricesAreListedWithoutAnOfferingPagedAndOnlyThoseTheCallerMaySee() {
        UUID owner = api.activePartner("Price List Media");
        UUID other = api.activePartner("Price List Other");
        UUID first = api.draft(Owner.partner(owner), OfferingDrafts.single("price-list-1"));
        UUID second = api.draft(Owner.partner(owner), OfferingDrafts.single("price-list-2"));
        UUID foreign = api.draft(Owner.partner(other), OfferingDrafts.single("price-list-foreign"));

        TestHttp.Response all = api.user(owner).get(PRICES + "?limit=500");
        List<String> ids = new ArrayList<>();
        List<String> offerings = new ArrayList<>();
        all.json().forEach(price -> {
            ids.add(price.get("id").asString());
            offerings.add(offering(price));
        });
        TestHttp.Response page = api.user(owner).get(PRICES + "?offset=1&limit=2");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(offerings).as("its own prices, and launched CSP offerings' ones")
                .contains(first.toString(), second.toString()).doesNotContain(foreign.toString());
        assertThat(offerings.stream().filter(id -> id.equals(first.toString()) || id.equals(second.toString())))
                .hasSize(4);
        assertThat(all.header("X-Total-Count")).isEqualTo(String.valueOf(ids.size()));
        assertThat(page.header("X-Total-Count")).isEqualTo(String.valueOf(ids.size()));
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        assertThat(List.of(page.json().get(0).get("id").asString(), page.json().get(1).get("id").asString()))
                .isEqualTo(ids.subList(1, 3));
        assertThat(Long.parseLong(api.staff("ops").get(PRICES + "?limit=1").header("X-Total-Count")))
                .as("staff see every partner's prices").isGreaterThanOrEqualTo(Long.parseLong(all.header("X-Total-Count")) + 2);
        assertThat(api.user(owner).get(PRICES + "?limit=0").status()).isEqualTo(400);
    }

    private static String offering(JsonNode price) {
        return price.get("productOffering").get("id").asString();
    }
}
