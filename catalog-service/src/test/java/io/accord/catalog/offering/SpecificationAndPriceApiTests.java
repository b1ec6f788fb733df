package io.accord.catalog.offering;

import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TMF620 productSpecification and productOfferingPrice. */
@AccordServiceTest
class SpecificationAndPriceApiTests {

    private static final String SPECS = "/tmf-api/productCatalogManagement/v4/productSpecification";
    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";

    private final CatalogApi api;

    private final int port;

    SpecificationAndPriceApiTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
        this.port = port;
    }

    @Test
    void aReferenceWhoseIdIsNullIsTheFieldsBadRequest() {
        // JSON null as a reference's id answered 500 (UUID.fromString(null)) for an offering and a price
        UUID owner = api.activePartner("Null Refs");
        TestHttp admin = api.admin(owner);

        for (String body : List.of("{\"name\":\"null-cat\",\"category\":[{\"id\":null}]}",
                "{\"name\":\"null-spec\",\"productSpecification\":{\"id\":null}}")) {
            TestHttp.Response refused = admin.post(CatalogApi.OFFERINGS, body);
            assertThat(refused.status()).as(body + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        TestHttp.Response price = admin.post(PRICES, """
                {"name": "Voice minutes", "priceType": "usage", "externalId": "voice",
                 "productOffering": {"id": null}, "price": {"unit": "EUR", "value": "0.05"},
                 "unitOfMeasure": {"amount": 1, "units": "MIN"}, "usageTypes": ["VOICE"],
                 "tax": [{"taxCategory": "STANDARD"}],
                 "validFor": {"startDateTime": "2026-02-01T00:00:00Z"}}""");
        assertThat(price.status()).as(price.body()).isEqualTo(400);
        assertThat(price.json().path("violations").get(0).path("field").asString()).isEqualTo("productOffering.id");
    }

    @Test
    void theApiDocsGiveAPricesRealAnswers() {
        // the document said 200 for an answer that is 201 (a draft's price) or 202 (a launched offering's)
        JsonNode responses = TestHttp.localPort(port).get("/v3/api-docs").json()
                .at("/paths/" + PRICES.replace("/", "~1") + "/post/responses");

        assertThat(responses.has("201")).isTrue();
        assertThat(responses.has("202")).isTrue();
        assertThat(responses.has("200")).isFalse();
    }

    @Test
    void createsASpecificationWithCharacteristicsAndFulfilmentNeedsVisibleToItsOwnerOnly() {
        UUID owner = api.activePartner("Spec Owner");
        UUID other = api.activePartner("Spec Other");

        TestHttp.Response created = api.admin(owner).post(SPECS, """
                {"name":"IoT SIM","productSpecCharacteristic":[
                  {"name":"allowance","valueType":"number","configurable":true,"minCardinality":1,
                   "productSpecCharacteristicValue":[{"valueFrom":1,"valueTo":100,"unitOfMeasure":"MB"}]},
                  {"name":"roaming","valueType":"boolean","configurable":false,
                   "productSpecCharacteristicValue":[{"value":"false"}]}],
                 "resourceSpecification":[{"name":"ICCID"},{"name":"MSISDN"}],"partnerActivation":true}""");
        TestHttp.Response nameless = api.admin(owner).post(SPECS, "{\"description\":\"x\"}");
        TestHttp.Response badFixed = api.admin(owner).post(SPECS, """
                {"name":"Bad","productSpecCharacteristic":[{"name":"roaming","valueType":"boolean",
                 "configurable":false,"productSpecCharacteristicValue":[{"value":"maybe"}]}]}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String href = created.json().get("href").asString();
        assertThat(created.header("Location")).isEqualTo(href);
        assertThat(api.user(owner).get(href).json().get("resourceSpecification").get(1).get("name").asString())
                .isEqualTo("MSISDN");
        assertThat(created.json().get("productSpecCharacteristic").get(0).get("minCardinality").asInt()).isEqualTo(1);
        assertThat(created.body()).as("plain decimals").contains("\"valueTo\":100,").doesNotContain("E+");
        assertThat(api.admin(other).get(href).status()).isEqualTo(404);
        assertThat(nameless.json().get("violations").get(0).get("field").asString()).isEqualTo("name");
        assertThat(badFixed.status()).isEqualTo(400);
        assertThat(badFixed.json().get("violations").get(0).get("field").asString())
                .isEqualTo("productSpecCharacteristic[0].fixedValue");
    }

    @Test
    void anIntegerCharacteristicTakesWholeNumbersAndANumberDecimalsFixedValuesKeptPlain() {
        UUID owner = api.activePartner("Spec Integer Media");

        TestHttp.Response created = api.admin(owner).post(SPECS, """
                {"name":"Streaming","productSpecCharacteristic":[
                  {"name":"screens","valueType":"integer","configurable":true,
                   "productSpecCharacteristicValue":[{"valueFrom":1,"valueTo":4}]},
                  {"name":"devices","valueType":"integer","configurable":false,
                   "productSpecCharacteristicValue":[{"value":"1E+1"}]},
                  {"name":"bitrate","valueType":"decimal","configurable":false,
                   "productSpecCharacteristicValue":[{"value":"2.5"}]}]}""");
        TestHttp.Response fractionalFixed = api.admin(owner).post(SPECS, """
                {"name":"Bad","productSpecCharacteristic":[{"name":"screens","valueType":"integer",
                 "configurable":false,"productSpecCharacteristicValue":[{"value":"2.5"}]}]}""");
        TestHttp.Response fractionalRange = api.admin(owner).post(SPECS, """
                {"name":"Bad","productSpecCharacteristic":[{"name":"screens","valueType":"integer",
                 "productSpecCharacteristicValue":[{"valueFrom":0.5,"valueTo":4}]}]}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode characteristics = created.json().get("productSpecCharacteristic");
        assertThat(characteristics.get(0).get("valueType").asString()).isEqualTo("integer");
        assertThat(characteristics.get(1).at("/productSpecCharacteristicValue/0/value").asString())
                .as("a fixed number without exponent").isEqualTo("10");
        assertThat(characteristics.get(2).get("valueType").asString()).as("a decimal is a number")
                .isEqualTo("number");
        assertThat(fractionalFixed.status()).as(fractionalFixed.body()).isEqualTo(400);
        assertThat(fractionalFixed.json().at("/violations/0/field").asString())
                .isEqualTo("productSpecCharacteristic[0].fixedValue");
        assertThat(fractionalFixed.json().get("detail").asString()).contains("whole number");
        assertThat(fractionalRange.status()).as(fractionalRange.body()).isEqualTo(400);
        assertThat(fractionalRange.json().at("/violations/0/field").asString())
                .isEqualTo("productSpecCharacteristic[0].min");
    }

    @Test
    void aSpecificationNamesOnlyTheInventorysResourceTypesEachOnceOnCreateAndOnPatch() {
        UUID owner = api.activePartner("Spec Resource Media");
        String spec = "{\"name\":\"SIM\",\"resourceSpecification\":[%s]}";

        TestHttp.Response unknown = api.admin(owner).post(SPECS, spec.formatted("{\"name\":\"BANANA\"}"));
        TestHttp.Response lowerCase = api.admin(owner).post(SPECS, spec.formatted("{\"name\":\"imsi\"}"));
        TestHttp.Response twice = api.admin(owner).post(SPECS,
                spec.formatted("{\"name\":\"MSISDN\"},{\"name\":\"MSISDN\"}"));
        TestHttp.Response created = api.admin(owner).post(SPECS, spec.formatted("{\"name\":\"MSISDN\"}"));
        String href = created.json().get("href").asString();
        TestHttp.Response patched = api.admin(owner).patch(href, """
                {"resourceSpecification":[{"name":"ICCID"},{"name":"BANANA"}]}""");

        for (TestHttp.Response refused : List.of(unknown, lowerCase, twice, patched)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).contains("MSISDN, ICCID, IMSI, LICENCE_KEY");
        }
        assertThat(unknown.json().get("violations").get(0).get("field").asString())
                .isEqualTo("resourceSpecification[0]");
        assertThat(unknown.json().get("detail").asString()).contains("unknown resource type 'BANANA'");
        assertThat(twice.json().get("violations").get(0).get("field").asString())
                .isEqualTo("resourceSpecification[1]");
        assertThat(twice.json().get("detail").asString()).contains("'MSISDN' is listed twice");
        assertThat(patched.json().get("violations").get(0).get("field").asString())
                .isEqualTo("resourceSpecification[1]");
        assertThat(api.user(owner).get(href).json().get("resourceSpecification")).hasSize(1);
    }

    @Test
    void addsAPriceToADraftAndProposesANewPriceVersionOfALaunchedOffering() {
        UUID owner = api.activePartner("Price Api Media");
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("price-draft"));
        UUID launched = api.launched(Owner.partner(owner), OfferingDrafts.single("price-launched"));

        TestHttp.Response added = api.admin(owner).post(PRICES, price(draft, "0.05", "0"));
        TestHttp.Response proposed = api.admin(owner).post(PRICES, price(launched, "0.04", "0"));
        TestHttp.Response gap = api.admin(owner).post(PRICES, price(draft, "0.05", "5"));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(added.json().get("href").asString());
        assertThat(added.json().get("priceType").asString()).isEqualTo("usage");
        assertThat(api.admin(owner).get(added.json().get("href").asString()).json().get("definition")
                .get("roundingFirst").asInt()).isEqualTo(60);
        TestHttp.Response listed = api.user(owner).get(PRICES + "?productOffering.id=" + draft);
        assertThat(listed.header("X-Total-Count")).isEqualTo("3");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(proposed.json().get("pendingChange").asString()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.json().get("violations").get(0).get("field").asString()).isEqualTo("tiers[0].from");
        assertThat(api.admin(api.activePartner("Price Other")).get(added.json().get("href").asString()).status())
                .isEqualTo(404);
        assertThat(api.user(owner).get(PRICES + "/nonsense").status()).isEqualTo(404);
    }

    private static String price(UUID offering, String rate, String firstTierStart) {
        return """
                {"name":"Voice","priceType":"usage","externalId":"voice","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR"},"unitOfMeasure":{"amount":1,"units":"MIN"},"roundingFirst":60,"roundingNext":1,
                 "tierMode":"GRADUATED","tiers":[{"from":"%s","to":"100","rate":"%s"},{"from":"100","rate":"0.01"}],
                 "usageTypes":["VOICE"],"tax":[{"taxCategory":"STANDARD"}],
                 "validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}""".formatted(offering, firstTierStart, rate);
    }
}
