package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * productOfferingPrice requests as a product manager sends them: units of measure, one price per usage type, stable
 * price ids on a draft, TMF field names in errors; and bundles that sell only with launched components.
 */
@AccordServiceTest
class PriceRequestTests {

    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";

    private final CatalogApi api;
    private final Offerings offerings;

    PriceRequestTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
    }

    @Test
    void aUsagePriceIsPerOneUnitAndShowsItsUnitOfMeasure() {
        UUID owner = api.activePartner("Per Unit Media");
        TestHttp admin = api.admin(owner);
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("per-unit"));

        TestHttp.Response perTwo = admin.post(PRICES, usage(draft, "data", "1", "{\"amount\":2,\"units\":\"GB\"}",
                "DATA"));
        TestHttp.Response perOne = admin.post(PRICES, usage(draft, "data", "1", "{\"amount\":1,\"units\":\"GB\"}",
                "DATA"));

        assertThat(perTwo.status()).as(perTwo.body()).isEqualTo(400);
        assertThat(perTwo.contentType()).startsWith("application/problem+json");
        assertThat(perTwo.json().at("/violations/0/field").asString()).isEqualTo("unitOfMeasure.amount");
        assertThat(perOne.status()).as(perOne.body()).isEqualTo(201);
        JsonNode read = admin.get(perOne.json().get("href").asString()).json();
        assertThat(read.at("/unitOfMeasure/amount").decimalValue()).isEqualByComparingTo("1");
        assertThat(read.at("/unitOfMeasure/units").asString()).isEqualTo("GB");
        assertThat(admin.get(PRICES + "?productOffering.id=" + draft).header("X-Total-Count"))
                .as("the refused price was not stored").isEqualTo("3");
    }

    @Test
    void twoPricesOfAnOfferingNeverRateTheSameUsageType() {
        UUID owner = api.activePartner("One Rate Media");
        TestHttp admin = api.admin(owner);
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("one-rate"));

        TestHttp.Response flat = admin.post(PRICES, usage(draft, "data-flat", "1", null, "DATA"));
        TestHttp.Response graduated = admin.post(PRICES, usage(draft, "data-graduated", "0.5", null, "SMS\",\"DATA"));
        TestHttp.Response newFlat = admin.post(PRICES, usage(draft, "data-flat", "0.9", null, "DATA"));

        assertThat(flat.status()).as(flat.body()).isEqualTo(201);
        assertThat(graduated.status()).as(graduated.body()).isEqualTo(400);
        assertThat(graduated.json().at("/violations/0/field").asString()).isEqualTo("usageTypes");
        assertThat(graduated.json().get("detail").asString()).contains("DATA").contains("'data-flat'");
        assertThat(newFlat.status()).as("a new definition of the same price replaces it: " + newFlat.body())
                .isEqualTo(201);

        // the import: the row is invalid, naming the price's usage types
        OfferingDraft twice = OfferingDrafts.single("one-rate-import");
        List<PriceDraft> prices = new ArrayList<>(twice.prices());
        prices.add(withKey(prices.get(1), "streaming-flat"));
        ImportOutcome outcome = offerings.upsertAll(Owner.partner(owner), List.of(twice.withPrices(prices)), false)
                .getFirst();
        assertThat(outcome.result()).isEqualTo(ImportOutcome.Result.INVALID);
        assertThat(outcome.errors()).extracting(ImportOutcome.FieldError::field).containsExactly("prices[2].usageTypes");
    }

    @Test
    void aDraftsPriceIdsStayWhenOtherPricesOrTheOfferingChange() {
        UUID owner = api.activePartner("Stable Ids Media");
        TestHttp admin = api.admin(owner);
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("stable-ids"));
        Map<String, String> before = ids(admin, draft);

        TestHttp.Response first = admin.post(PRICES, usage(draft, "data", "1", null, "DATA"));
        TestHttp.Response second = admin.post(PRICES, usage(draft, "voice", "0.05", null, "VOICE"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(admin.get(first.header("Location")).status()).as("the first 201's Location").isEqualTo(200);
        Map<String, String> posted = ids(admin, draft);
        assertThat(posted).containsAllEntriesOf(before);
        assertThat(posted.get("data")).isEqualTo(first.json().get("id").asString());
        assertThat(posted.get("voice")).isEqualTo(second.json().get("id").asString());

        // a merge-patch of the offering's description changes no price
        TestHttp.Response patched = admin.patch(CatalogApi.OFFERINGS + "/" + draft, "{\"description\":\"x\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(ids(admin, draft)).as("after the PATCH").isEqualTo(posted);
        assertThat(admin.get(second.header("Location")).status()).isEqualTo(200);
    }

    @Test
    void priceErrorsNameTheRequestsFieldsOnce() {
        UUID owner = api.activePartner("Field Names Media");
        TestHttp admin = api.admin(owner);
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("field-names"));
        String oneTime = """
                {"name":"Setup","priceType":"%s","externalId":"setup","productOffering":{"id":"%s"},
                 "price":{"unit":"%s"%s}%s,"tax":[{"taxCategory":"%s"}],
                 "validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}""";

        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(oneTime.formatted("oneTime", draft, "EUR", ",\"value\":\"-1\"", "", "STANDARD"), "price.value");
        cases.put(oneTime.formatted("oneTime", draft, "EUR", "", "", "STANDARD"), "price.value");
        cases.put(oneTime.formatted("oneTime", draft, "ZZZ", ",\"value\":\"1\"", "", "STANDARD"), "price.unit");
        cases.put(oneTime.formatted("recurring", draft, "EUR", ",\"value\":\"1\"", "", "STANDARD"),
                "recurringChargePeriodType");
        cases.put(oneTime.formatted("oneTime", draft, "EUR", ",\"value\":\"1\"",
                ",\"recurringChargePeriodType\":\"month\"", "STANDARD"), "recurringChargePeriodType");
        cases.put(oneTime.formatted("oneTime", draft, "EUR", ",\"value\":\"1\"", "", "LUXURY"),
                "tax[0].taxCategory");
        cases.forEach((body, field) -> {
            TestHttp.Response refused = admin.post(PRICES, body);
            assertThat(refused.status()).as(body + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/violations/0/field").asString()).as(body).isEqualTo(field);
            String detail = refused.json().get("detail").asString();
            // the internal names (amount, currency, taxCategory, period) never lead the message; "a currency in
            // circulation" may still be said in words
            assertThat(detail).as(body).doesNotContain(field + ": ").doesNotContain("amount")
                    .doesNotStartWith("currency").doesNotStartWith("taxCategory").doesNotStartWith("period");
        });
        TestHttp.Response missing = admin.post(PRICES, oneTime.formatted("oneTime", draft, "EUR", "", "",
                "STANDARD"));
        assertThat(missing.json().get("detail").asString()).isEqualTo("price.value is mandatory");
    }

    @Test
    void aBundleIsSubmittedApprovedAndSellableOnlyWhileItsComponentsAreLaunched() {
        UUID owner = api.activePartner("Bundle Parts Media");
        TestHttp admin = api.admin(owner);
        UUID component = api.draft(Owner.partner(owner), OfferingDrafts.single("part-a"));
        UUID bundle = api.draft(Owner.partner(owner), OfferingDrafts.bundle("parts-bundle", "part-a"));

        TestHttp.Response early = admin.post(CatalogApi.PLAIN + "/" + bundle + "/submission", null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("'part-a'").contains("DRAFT");

        launch(admin, component);
        TestHttp.Response submitted = admin.post(CatalogApi.PLAIN + "/" + bundle + "/submission", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        retire(admin, component);
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + bundle + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(409);
        assertThat(approved.json().get("detail").asString()).contains("'part-a'").contains("RETIRED");

        // launched with a launched component, then the component retires: the bundle no longer sells
        UUID part = api.launched(Owner.partner(owner), OfferingDrafts.single("part-b"));
        UUID sold = api.launched(Owner.partner(owner), OfferingDrafts.bundle("sold-bundle", "part-b"));
        assertThat(admin.get(CatalogApi.OFFERINGS + "/" + sold).json().get("isSellable").asBoolean()).isTrue();
        assertThat(sellable(admin)).contains(sold.toString());
        assertThat(admin.get(CatalogApi.OFFERINGS + "?bundledProductOffering.id=" + part).json())
                .extracting(found -> found.get("id").asString()).containsExactly(sold.toString());
        TestHttp.Response refused = admin.post(CatalogApi.PLAIN + "/" + part + "/retirement", "{\"reason\":\"end\"}");
        assertThat(refused.status()).as("retiring it would break the bundle silently: " + refused.body())
                .isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("'sold-bundle'").contains(sold.toString());
        assertThat(admin.get(CatalogApi.OFFERINGS + "/" + part).json().get("lifecycleStatus").asString())
                .isEqualTo("Launched");
        TestHttp.Response acknowledged = admin.post(CatalogApi.PLAIN + "/" + part + "/retirement",
                "{\"reason\":\"end\",\"acknowledgeBundles\":true}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(admin.get(CatalogApi.OFFERINGS + "/" + sold).json().get("isSellable").asBoolean()).isFalse();
        assertThat(sellable(admin)).doesNotContain(sold.toString());
    }

    private void launch(TestHttp admin, UUID id) {
        assertThat(admin.post(CatalogApi.PLAIN + "/" + id + "/submission", null).status()).isEqualTo(200);
        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().get("lifecycleStatus").asString()).as(approved.body()).isEqualTo("Launched");
    }

    private static void retire(TestHttp admin, UUID id) {
        TestHttp.Response retired = admin.post(CatalogApi.PLAIN + "/" + id + "/retirement", "{\"reason\":\"end\"}");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    }

    private static List<String> sellable(TestHttp caller) {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = caller.get("/api/catalog/sellable-offerings?limit=500&offset=" + offset).json();
            page.forEach(offering -> ids.add(offering.get("id").asString()));
            if (page.size() < 500) {
                return ids;
            }
        }
    }

    private static Map<String, String> ids(TestHttp caller, UUID offering) {
        Map<String, String> ids = new java.util.HashMap<>();
        caller.get(PRICES + "?productOffering.id=" + offering).json()
                .forEach(price -> ids.put(price.get("externalId").asString(), price.get("id").asString()));
        return ids;
    }

    private static PriceDraft withKey(PriceDraft p, String key) {
        return new PriceDraft(key, p.name(), p.type(), p.amount(), p.currency(), p.taxCategory(), p.period(),
                p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), p.minimumQuantity(), p.tierMode(),
                p.tiers(), p.accumulation(), p.usageTypes(), p.minimumCharge(), p.validFrom());
    }

    /** A flat usage price (per unit) of the draft offering. */
    private static String usage(UUID offering, String key, String rate, String unitOfMeasure, String usageType) {
        return """
                {"name":"%s","priceType":"usage","externalId":"%s","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"%s"},"unitOfMeasure":%s,"usageTypes":["%s"],
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}"""
                .formatted(key, key, offering, rate, unitOfMeasure == null ? "{\"amount\":1,\"units\":\"GB\"}"
                        : unitOfMeasure, usageType);
    }
}
