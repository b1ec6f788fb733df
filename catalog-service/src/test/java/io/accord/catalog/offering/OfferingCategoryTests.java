package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Offerings are filed only in launched categories, and a category offerings are filed in is never deleted. */
@AccordServiceTest
class OfferingCategoryTests {

    private static final String CATEGORIES = "/tmf-api/productCatalogManagement/v4/category";
    private static final String VIDEO = "0a1e0000-0000-4000-8000-000000000001";

    private final CatalogApi api;
    private final Offerings offerings;
    private final JdbcClient jdbc;

    OfferingCategoryTests(@LocalServerPort int port, PartnerView partners, Offerings offerings, JdbcClient jdbc) {
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @Test
    void anOfferingIsFiledOnlyInALaunchedCategory() {
        UUID partner = api.activePartner("Filing Media");
        String studied = code("STUDIED");
        String studiedId = category(studied, "In study");
        String spec = specificationOf(partner);

        TestHttp.Response created = api.admin(partner).post(CatalogApi.OFFERINGS, """
                {"name":"Not yet","isBundle":false,"category":[{"id":"%s"}],"productSpecification":{"id":"%s"}}"""
                .formatted(studiedId, spec));
        ImportOutcome imported = offerings.upsertAll(Owner.partner(partner),
                List.of(inCategory(OfferingDrafts.single("studied-" + UUID.randomUUID()), studied)), false)
                .getFirst();

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().get("violations").get(0).get("field").asString()).isEqualTo("category");
        assertThat(created.body()).contains("not launched");
        assertThat(imported.isInvalid()).isTrue();
        assertThat(imported.errors()).extracting(ImportOutcome.FieldError::field).containsExactly("categoryCode");
        assertThat(jdbc.sql("select count(*) from product_offering where category_code = :code")
                .param("code", studied).query(Long.class).single()).as("nothing written").isZero();
    }

    @Test
    void aDraftInACategoryRetiredSinceIsNotChangedUntilRefiled() {
        UUID partner = api.activePartner("Retired Shelf Media");
        String shelf = code("SHELF");
        String shelfId = category(shelf, "Launched");
        UUID draft = api.draft(Owner.partner(partner), inCategory(OfferingDrafts.single("shelf-" + UUID.randomUUID()),
                shelf));
        assertThat(api.manager.patch(CATEGORIES + "/" + shelfId, "{\"lifecycleStatus\":\"Retired\"}").status())
                .isEqualTo(200);

        TestHttp.Response patched = api.admin(partner).patch(CatalogApi.OFFERINGS + "/" + draft,
                "{\"description\":\"still here\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(400);
        assertThat(patched.json().get("violations").get(0).get("field").asString()).isEqualTo("category");
        assertThat(api.admin(partner).get(CatalogApi.OFFERINGS + "/" + draft).json().get("description").asString())
                .isEqualTo("A test offering");
    }

    @Test
    void aCategoryOfferingsAreFiledInIsNotDeletedAndIsOnceTheyAreGone() {
        UUID partner = api.activePartner("Used Category Media");
        String used = code("USED");
        String usedId = category(used, "Launched");
        UUID draft = api.draft(Owner.partner(partner), inCategory(OfferingDrafts.single("used-" + UUID.randomUUID()),
                used));
        UUID retired = api.launched(Owner.partner(partner),
                inCategory(OfferingDrafts.single("used-retired-" + UUID.randomUUID()), used));
        assertThat(api.admin(partner).post(CatalogApi.PLAIN + "/" + retired + "/retirement",
                "{\"reason\":\"end of season\"}").status()).isEqualTo(200);
        // a category from before launched categories were required: back in study, so only the usage keeps it
        jdbc.sql("update category set lifecycle_status = 'In study' where id = cast(:id as uuid)")
                .param("id", usedId).update();

        TestHttp.Response refused = api.manager.delete(CATEGORIES + "/" + usedId);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("2 product offerings are filed in it");
        assertThat(api.admin(partner).delete(CatalogApi.OFFERINGS + "/" + draft).status()).isEqualTo(204);
        assertThat(api.manager.delete(CATEGORIES + "/" + usedId).json().get("detail").asString())
                .as("a retired offering still names it").contains("1 product offering is filed in it");
    }

    private String category(String code, String status) {
        TestHttp.Response created = api.manager.post(CATEGORIES, """
                {"code":"%s","name":"%s","parentId":"%s","lifecycleStatus":"%s"}"""
                .formatted(code, "Name of " + code, VIDEO, status));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static OfferingDraft inCategory(OfferingDraft d, String category) {
        return new OfferingDraft(d.externalId(), d.name(), d.description(), category, d.kind(), d.validFrom(),
                d.validTo(), d.salesChannels(), d.specification(), d.bundledOfferingExternalIds(), d.bundlePricing(),
                d.participants(), d.prices());
    }

    private String specificationOf(UUID partner) {
        UUID seed = api.draft(Owner.partner(partner), OfferingDrafts.single("seed-" + UUID.randomUUID()));
        return api.admin(partner).get(CatalogApi.OFFERINGS + "/" + seed).json().get("productSpecification")
                .get("id").asString();
    }
}
