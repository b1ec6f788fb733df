package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a product manager's TMF620 requests may not silently lose: attributes that change a price are refused, not
 * dropped; an offering is submitted only with a price; an OWN-priced bundle pays its components' co-creators.
 */
@AccordServiceTest
class CatalogPricingGuardsTests {

    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    private static final String VIDEO = "0a1e0000-0000-4000-8000-000000000001";

    private final CatalogApi api;
    private final Offerings offerings;

    CatalogPricingGuardsTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
    }

    @Test
    void aQuarterlyOrOtherwiseUnsupportedPriceIsRefusedNamingTheFieldAndNotStored() {
        UUID owner = api.activePartner("Quarterly Media");
        TestHttp admin = api.admin(owner);
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("quarterly"));

        TestHttp.Response quarterly = admin.post(PRICES, recurring(draft, "quarter", "\"recurringChargePeriodLength\":3"));
        TestHttp.Response yearly12 = admin.post(PRICES, recurring(draft, "twelve", "\"recurringChargePeriodLength\":12"));
        TestHttp.Response percentage = admin.post(PRICES, recurring(draft, "pct", "\"percentage\":10"));
        TestHttp.Response related = admin.post(PRICES, recurring(draft, "rel",
                "\"popRelationship\":[{\"id\":\"x\",\"name\":\"discount\"}]"));
        TestHttp.Response monthly = admin.post(PRICES, recurring(draft, "monthly-1",
                "\"recurringChargePeriodLength\":1,\"popRelationship\":[],\"isBundle\":false,\"description\":\"ok\""));

        assertThat(quarterly.status()).as(quarterly.body()).isEqualTo(400);
        assertThat(quarterly.contentType()).startsWith("application/problem+json");
        assertThat(quarterly.json().at("/violations/0/field").asString()).isEqualTo("recurringChargePeriodLength");
        assertThat(quarterly.json().get("detail").asString()).contains("not supported");
        assertThat(yearly12.json().at("/violations/0/field").asString()).isEqualTo("recurringChargePeriodLength");
        assertThat(percentage.json().at("/violations/0/field").asString()).isEqualTo("percentage");
        assertThat(related.json().at("/violations/0/field").asString()).isEqualTo("popRelationship");
        assertThat(monthly.status()).as("the harmless values are accepted: " + monthly.body()).isEqualTo(201);
        assertThat(admin.get(PRICES + "?productOffering.id=" + draft).header("X-Total-Count"))
                .as("the draft's two prices and the monthly one; none of the refused").isEqualTo("3");
    }

    @Test
    void anOfferingWithTermsSegmentsOrRelationshipsIsRefusedAndNothingIsCreated() {
        UUID owner = api.activePartner("Term Media");
        TestHttp admin = api.admin(owner);
        UUID component = api.draft(Owner.partner(owner), OfferingDrafts.single("term-part"));

        TestHttp.Response term = admin.post(CatalogApi.OFFERINGS, bundle("term-bundle", component,
                "\"productOfferingTerm\":[{\"name\":\"12 months\",\"duration\":{\"amount\":12,\"units\":\"month\"}}]"));
        TestHttp.Response segment = admin.post(CatalogApi.OFFERINGS, bundle("segment-bundle", component,
                "\"marketSegment\":[{\"id\":\"students\"}]"));
        TestHttp.Response relation = admin.post(CatalogApi.OFFERINGS, bundle("relation-bundle", component,
                "\"productOfferingRelationship\":[{\"id\":\"x\",\"relationshipType\":\"requires\"}]"));
        TestHttp.Response twice = admin.post(CatalogApi.OFFERINGS, bundle("twice-bundle", component, null)
                .replace("\"bundledProductOffering\":[{\"id\":\"" + component + "\"}]",
                        "\"bundledProductOffering\":[{\"id\":\"" + component
                                + "\",\"bundledProductOfferingOption\":{\"numberRelOfferDefault\":2}}]"));
        TestHttp.Response once = admin.post(CatalogApi.OFFERINGS, bundle("once-bundle", component,
                "\"productOfferingTerm\":[],\"marketSegment\":[]"));

        assertThat(term.status()).as(term.body()).isEqualTo(400);
        assertThat(term.json().at("/violations/0/field").asString()).isEqualTo("productOfferingTerm");
        assertThat(segment.json().at("/violations/0/field").asString()).isEqualTo("marketSegment");
        assertThat(relation.json().at("/violations/0/field").asString()).isEqualTo("productOfferingRelationship");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().at("/violations/0/field").asString())
                .isEqualTo("bundledProductOffering[0].bundledProductOfferingOption");
        assertThat(admin.get(CatalogApi.OFFERINGS + "?externalId=term-bundle").header("X-Total-Count"))
                .isEqualTo("0");
        assertThat(once.status()).as("an OWN bundle is created without prices: " + once.body()).isEqualTo(201);
    }

    @Test
    void anOwnPricedBundleIsCreatedAsADraftButSubmittedOnlyWithAPrice() {
        UUID owner = api.activePartner("Own Bundle Media");
        TestHttp admin = api.admin(owner);
        UUID component = api.launched(Owner.partner(owner), OfferingDrafts.single("own-part"));
        TestHttp.Response created = admin.post(CatalogApi.OFFERINGS, bundle("own-bundle", component, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String bundle = created.json().get("id").asString();

        TestHttp.Response priceless = admin.post(CatalogApi.PLAIN + "/" + bundle + "/submission", null);
        TestHttp.Response priced = admin.post(PRICES, recurring(UUID.fromString(bundle), "bundle-monthly", null));
        TestHttp.Response submitted = admin.post(CatalogApi.PLAIN + "/" + bundle + "/submission", null);

        assertThat(priceless.status()).as(priceless.body()).isEqualTo(409);
        assertThat(priceless.contentType()).startsWith("application/problem+json");
        assertThat(priceless.json().get("detail").asString()).contains("prices").contains("at least one price");
        assertThat(priced.status()).as(priced.body()).isEqualTo(201);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    }

    @Test
    void aSingleOfferingWithoutPricesIsNotSubmitted() {
        UUID owner = api.activePartner("Priceless Media");
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.single("priceless").withPrices(List.of()));

        TestHttp.Response submitted = api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(409);
        assertThat(submitted.json().get("detail").asString()).contains("at least one price");
        assertThat(api.admin(owner).get(CatalogApi.OFFERINGS + "/" + id).json().get("lifecycleStatus").asString())
                .isEqualTo("In study");
    }

    @Test
    void anOwnPricedBundleOfACoCreatedComponentNamesItsCoCreators() {
        UUID owner = api.activePartner("Shared Bundle Media");
        UUID coCreator = api.activePartner("Shared Bundle Studio");
        UUID component = api.draft(Owner.partner(owner), OfferingDrafts.coCreated("shared-part", coCreator, "30"));
        api.acceptCoCreation(component, coCreator);

        ImportOutcome unpaid = offerings.upsertAll(Owner.partner(owner),
                List.of(OfferingDrafts.bundle("unpaid-bundle", "shared-part")), false).getFirst();
        ImportOutcome paid = offerings.upsertAll(Owner.partner(owner),
                List.of(withParticipant(OfferingDrafts.bundle("paid-bundle", "shared-part"), coCreator)), false)
                .getFirst();
        OfferingDraft summed = OfferingDrafts.bundle("summed-bundle", "shared-part");
        ImportOutcome bySum = offerings.upsertAll(Owner.partner(owner), List.of(new OfferingDraft(
                summed.externalId(), summed.name(), null, "VIDEO", OfferingDraft.Kind.BUNDLE, null, null,
                List.of("ONLINE"), null, List.of("shared-part"), OfferingDraft.BundlePricing.SUM_OF_COMPONENTS,
                List.of(), List.of())), false).getFirst();

        assertThat(unpaid.result()).isEqualTo(ImportOutcome.Result.INVALID);
        assertThat(unpaid.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("participants");
            assertThat(error.message()).contains("'shared-part'").contains(coCreator.toString());
        });
        assertThat(paid.errors()).isEmpty();
        assertThat(bySum.errors()).isEmpty();

        // a bundle drafted before its component was co-created is stopped at submission
        UUID part = api.draft(Owner.partner(owner), OfferingDrafts.single("late-part"));
        UUID bundle = api.draft(Owner.partner(owner), OfferingDrafts.bundle("late-bundle", "late-part"));
        api.draft(Owner.partner(owner), OfferingDrafts.coCreated("late-part", coCreator, "20"));
        api.acceptCoCreation(part, coCreator);
        TestHttp admin = api.admin(owner);
        assertThat(admin.post(CatalogApi.PLAIN + "/" + part + "/submission", null).status()).isEqualTo(200);
        api.manager.post(CatalogApi.PLAIN + "/" + part + "/decision", "{\"decision\":\"APPROVE\"}");
        TestHttp.Response submitted = admin.post(CatalogApi.PLAIN + "/" + bundle + "/submission", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(409);
        assertThat(submitted.json().get("detail").asString()).contains("'late-part'").contains("participants");
    }

    private static OfferingDraft withParticipant(OfferingDraft d, UUID partner) {
        return new OfferingDraft(d.externalId(), d.name(), d.description(), d.categoryCode(), d.kind(), d.validFrom(),
                d.validTo(), d.salesChannels(), d.specification(), d.bundledOfferingExternalIds(), d.bundlePricing(),
                List.of(new OfferingDraft.Participant(partner, new BigDecimal("30"))), d.prices());
    }

    private static String recurring(UUID offering, String key, String extra) {
        return """
                {"name":"%s","priceType":"recurring","externalId":"%s","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"30"},"recurringChargePeriodType":"month",%s
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}"""
                .formatted(key, key, offering, extra == null ? "" : extra + ",");
    }

    private static String bundle(String externalId, UUID component, String extra) {
        return """
                {"name":"%s","isBundle":true,"externalId":"%s","bundlePricing":"OWN","category":[{"id":"%s"}],
                 %s"bundledProductOffering":[{"id":"%s"}]}"""
                .formatted(externalId, externalId, VIDEO, extra == null ? "" : extra + ",", component);
    }
}
