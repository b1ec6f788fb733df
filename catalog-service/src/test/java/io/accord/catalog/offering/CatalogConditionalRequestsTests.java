package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ConcurrentRequests;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static io.accord.testsupport.ConditionalAnswers.assertExactlyOneApplied;
import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF620 product offerings and specifications answer an ETag and honour If-Match, as TMF632 parties do. An offering's
 * view also shows its prices and whether it sells, which change without the offering's own version: its ETag moves
 * with them, so a client holding a view they made stale gets a 412, not a silent overwrite.
 */
@AccordServiceTest
class CatalogConditionalRequestsTests {

    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    private static final String SPECS = "/tmf-api/productCatalogManagement/v4/productSpecification";

    private final CatalogApi api;
    private final int port;

    CatalogConditionalRequestsTests(@LocalServerPort int port, PartnerView partners, Offerings offerings) {
        this.api = new CatalogApi(port, partners, offerings);
        this.port = port;
    }

    private TestHttp admin(String name, UUID partner) {
        return TestHttp.localPort(port).as(TestJwt.partner(name + "-" + partner, partner.toString(),
                Roles.PARTNER_ADMIN));
    }

    private long auditEntries(String id) {
        return api.staff(Roles.AUDITOR).get("/api/catalog/audit?resourceId=" + id).json().size();
    }

    @Test
    void theSecondOfTwoEditorsPatchingTheSameOfferingGets412AndChangesNothing() {
        UUID owner = api.activePartner("ETag Editors");
        TestHttp anna = admin("anna", owner);
        TestHttp ben = admin("ben", owner);
        TestHttp.Response created = anna.post(CatalogApi.OFFERINGS, """
                {"name":"Race Sports","category":[{"id":"0a1e0000-0000-4000-8000-000000000001"}],
                 "productSpecification":{"id":"%s"}}""".formatted(specification(anna, "Race spec")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String offering = created.header("Location");
        String id = created.json().get("id").asString();
        TestHttp.Response readByAnna = anna.get(offering);
        TestHttp.Response readByBen = ben.get(offering);
        assertThat(readByAnna.header("ETag")).isNotBlank().isEqualTo(created.header("ETag"))
                .isEqualTo(readByBen.header("ETag"));

        TestHttp.Response annas = anna.header("If-Match", readByAnna.header("ETag"))
                .patch(offering, "{\"name\":\"Anna's Sports\"}");
        long audited = auditEntries(id);
        TestHttp.Response bens = ben.header("If-Match", readByBen.header("ETag"))
                .patch(offering, "{\"name\":\"Ben's Sports\"}");

        String applied = assertFirstAppliedOthersRefused(readByAnna.header("ETag"), annas, bens);
        TestHttp.Response now = ben.get(offering);
        assertThat(now.json().get("name").asString()).isEqualTo("Anna's Sports");
        assertThat(now.header("ETag")).isEqualTo(applied);
        assertThat(auditEntries(id)).isEqualTo(audited);
        assertThat(ben.header("If-Match", now.header("ETag")).patch(offering, "{\"name\":\"Ben's Sports\"}")
                .status()).isEqualTo(200);
    }

    /** Patches racing with the same If-Match: one is applied, every other refused, whichever check catches it. */
    @Test
    void ofPatchesRacingFromTheSameETagExactlyOneIsApplied() {
        UUID owner = api.activePartner("ETag Racers");
        TestHttp admin = api.admin(owner);
        String offering = CatalogApi.OFFERINGS + "/" + api.draft(Owner.partner(owner),
                OfferingDrafts.single("etag-racers-" + UUID.randomUUID()));
        String etag = admin.get(offering).header("ETag");

        List<TestHttp.Response> answers = ConcurrentRequests.atOnce(8,
                i -> admin.header("If-Match", etag).patch(offering, "{\"name\":\"Racing " + i + "\"}"));

        TestHttp.Response applied = assertExactlyOneApplied(answers);
        TestHttp.Response now = admin.get(offering);
        assertThat(now.json().get("name").asString()).isEqualTo(applied.json().get("name").asString());
        assertThat(now.header("ETag")).isEqualTo(applied.header("ETag"));
    }

    @Test
    void aNewPriceMovesTheOfferingsETagAndAClientHoldingTheOldOneGets412() {
        UUID owner = api.activePartner("ETag Prices");
        TestHttp admin = api.admin(owner);
        String offering = CatalogApi.OFFERINGS + "/" + api.draft(Owner.partner(owner),
                OfferingDrafts.single("etag-price-" + UUID.randomUUID()));
        String read = admin.get(offering).header("ETag");

        TestHttp.Response price = admin.post(PRICES, """
                {"name":"Data","priceType":"usage","externalId":"data","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"1"},"unitOfMeasure":{"amount":1,"units":"GB"},"usageTypes":["DATA"],
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}"""
                .formatted(offering.substring(offering.lastIndexOf('/') + 1)));
        assertThat(price.status()).as(price.body()).isEqualTo(201);

        TestHttp.Response now = admin.header("If-None-Match", read).get(offering);
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().get("productOfferingPrice").toString()).contains(price.json().get("id").asString());
        assertThat(now.header("ETag")).isNotEqualTo(read);
        assertPreconditionFailed(admin.header("If-Match", read).patch(offering, "{\"name\":\"Stale\"}"),
                now.header("ETag"));
        assertPreconditionFailed(admin.header("If-Match", read).delete(offering), now.header("ETag"));
        assertThat(admin.get(offering).json().get("name").asString()).isNotEqualTo("Stale");
        assertThat(admin.header("If-Match", now.header("ETag")).delete(offering).status()).isEqualTo(204);
    }

    /**
     * A price is decided on its offering's page: If-Match names the offering's tag as read, so a second price sent
     * from a page a first one made stale is a 412 and not added; a launched offering's 202 answers its new tag.
     */
    @Test
    void aPriceSentFromAStaleOfferingPageIsRefusedAndAProposalAnswersTheOfferingsNewETag() {
        UUID owner = api.activePartner("ETag Price Pages");
        TestHttp admin = api.admin(owner);
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("etag-page-" + UUID.randomUUID()));
        String read = admin.get(CatalogApi.OFFERINGS + "/" + draft).header("ETag");

        TestHttp.Response first = admin.header("If-Match", read).post(PRICES, usagePrice("data", draft, "1"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        TestHttp.Response stale = admin.header("If-Match", read).post(PRICES, usagePrice("voice", draft, "2"));

        TestHttp.Response now = admin.get(CatalogApi.OFFERINGS + "/" + draft);
        assertPreconditionFailed(stale, now.header("ETag"));
        assertThat(now.json().get("productOfferingPrice").toString()).doesNotContain("voice");
        // read again, the change applies (the same usage type: it replaces the first price)
        TestHttp.Response again = admin.header("If-Match", now.header("ETag")).post(PRICES, usagePrice("data", draft,
                "2"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);

        UUID launched = api.launched(Owner.partner(owner), OfferingDrafts.single("etag-launched-" + UUID.randomUUID()));
        String launchedRead = admin.get(CatalogApi.OFFERINGS + "/" + launched).header("ETag");
        TestHttp.Response proposed = admin.header("If-Match", launchedRead)
                .post(PRICES, usagePrice("data", launched, "3"));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(proposed.header("ETag")).isNotBlank().isNotEqualTo(launchedRead)
                .isEqualTo(admin.get(CatalogApi.OFFERINGS + "/" + launched).header("ETag"));
    }

    private static String usagePrice(String externalId, UUID offering, String value) {
        return """
                {"name":"%s","priceType":"usage","externalId":"%s","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"%s"},"unitOfMeasure":{"amount":1,"units":"GB"},"usageTypes":["DATA"],
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}"""
                .formatted(externalId, externalId, offering, value);
    }

    @Test
    void aBundleThatStopsSellingMovesItsETagThoughTheBundleItselfDidNotChange() {
        UUID owner = api.activePartner("ETag Bundles");
        TestHttp admin = api.admin(owner);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID part = api.launched(Owner.partner(owner), OfferingDrafts.single("etag-part-" + suffix));
        String bundle = CatalogApi.OFFERINGS + "/" + api.launched(Owner.partner(owner),
                OfferingDrafts.bundle("etag-bundle-" + suffix, "etag-part-" + suffix));
        TestHttp.Response selling = admin.get(bundle);
        assertThat(selling.json().get("isSellable").asBoolean()).isTrue();

        TestHttp.Response retired = admin.post(CatalogApi.PLAIN + "/" + part + "/retirement",
                "{\"reason\":\"end\",\"acknowledgeBundles\":true}");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);

        TestHttp.Response stopped = admin.header("If-None-Match", selling.header("ETag")).get(bundle);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().get("isSellable").asBoolean()).isFalse();
        assertThat(stopped.json().get("lastUpdate")).isEqualTo(selling.json().get("lastUpdate"));
        assertThat(stopped.header("ETag")).isNotEqualTo(selling.header("ETag"));
        assertPreconditionFailed(admin.header("If-Match", selling.header("ETag")).get(bundle),
                stopped.header("ETag"));
        assertPreconditionFailed(admin.header("If-Match", selling.header("ETag"))
                .patch(bundle, "{\"description\":\"still selling?\"}"), stopped.header("ETag"));
        assertThat(admin.get(bundle).json().has("pendingChange")).isFalse();
    }

    @Test
    void aGetAnswers304WhileCurrentAndAMalformedIfMatchIsA400() {
        UUID owner = api.activePartner("ETag Reads");
        TestHttp admin = api.admin(owner);
        String offering = CatalogApi.OFFERINGS + "/" + api.draft(Owner.partner(owner),
                OfferingDrafts.single("etag-read-" + UUID.randomUUID()));
        String tag = admin.get(offering).header("ETag");

        TestHttp.Response unchanged = admin.header("If-None-Match", tag).get(offering);
        assertNotModified(unchanged);
        assertThat(unchanged.header("ETag")).isEqualTo(tag);
        assertThat(admin.header("If-None-Match", tag).get(offering + "?fields=name").status()).isEqualTo(304);
        assertMalformedIfMatch(admin.header("If-Match", "3").patch(offering, "{\"name\":\"Bare\"}"));
        assertThat(admin.header("If-Match", "W/" + tag).patch(offering, "{\"name\":\"Weak\"}").status())
                .isEqualTo(412);
        assertThat(admin.get(offering).header("ETag")).isEqualTo(tag);
        assertThat(admin.header("If-Match", "*").patch(offering, "{\"name\":\"Any\"}").status()).isEqualTo(200);
    }

    @Test
    void aPartnerLearnsNothingFromTheETagOfAnotherPartnersOffering() {
        UUID owner = api.activePartner("ETag Owner");
        TestHttp other = api.admin(api.activePartner("ETag Other"));
        String offering = CatalogApi.OFFERINGS + "/" + api.draft(Owner.partner(owner),
                OfferingDrafts.single("etag-own-" + UUID.randomUUID()));
        String tag = api.admin(owner).get(offering).header("ETag");

        assertThat(other.header("If-None-Match", tag).get(offering).status()).isEqualTo(404);
        assertThat(other.header("If-Match", tag).patch(offering, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(other.header("If-Match", "\"0\"").patch(offering, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(other.header("If-Match", "\"0\"").delete(offering).status()).isEqualTo(404);
        assertThat(api.admin(owner).get(offering).header("ETag")).isEqualTo(tag);
    }

    @Test
    void aResellerIsNotShownTheCspsRejectedChangeAndItsETagSaysSo() {
        UUID reseller = api.activePartner("ETag Reseller");
        UUID id = api.launched(Owner.csp(), OfferingDrafts.single("etag-csp-" + UUID.randomUUID()));
        String offering = CatalogApi.OFFERINGS + "/" + id;
        TestHttp.Response proposed = api.staff(Roles.PLATFORM_ADMIN).patch(offering, "{\"name\":\"Renamed\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        TestHttp.Response rejected = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"REJECT\",\"reason\":\"keep the name\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        TestHttp.Response byStaff = api.manager.get(offering);
        TestHttp.Response byReseller = api.user(reseller).get(offering);

        assertThat(byStaff.json().has("rejectedChange")).isTrue();
        assertThat(byReseller.json().has("rejectedChange")).isFalse();
        assertThat(byReseller.header("ETag")).isNotEqualTo(byStaff.header("ETag"));
        assertThat(api.user(reseller).header("If-None-Match", byReseller.header("ETag")).get(offering).status())
                .isEqualTo(304);
        assertThat(api.manager.header("If-None-Match", byReseller.header("ETag")).get(offering).status())
                .isEqualTo(200);
    }

    @Test
    void aSpecificationAnswersItsETagAndRefusesAStaleIfMatch() {
        UUID owner = api.activePartner("ETag Specs");
        TestHttp anna = admin("anna", owner);
        TestHttp ben = admin("ben", owner);
        TestHttp.Response created = anna.post(SPECS, specificationBody("Spec race"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String spec = created.header("Location");
        String read = anna.get(spec).header("ETag");
        assertThat(read).isNotBlank().isEqualTo(created.header("ETag"));
        assertThat(anna.header("If-None-Match", read).get(spec).status()).isEqualTo(304);

        TestHttp.Response annas = anna.header("If-Match", read).patch(spec, "{\"description\":\"Anna's\"}");
        long audited = auditEntries(created.json().get("id").asString());
        TestHttp.Response bens = ben.header("If-Match", read).patch(spec, "{\"description\":\"Ben's\"}");

        String applied = assertFirstAppliedOthersRefused(read, annas, bens, ben.header("If-Match", read).delete(spec));
        assertThat(applied).isEqualTo(anna.get(spec).header("ETag"));
        assertThat(auditEntries(created.json().get("id").asString())).isEqualTo(audited);
        assertThat(ben.get(spec).json().get("description").asString()).isEqualTo("Anna's");
        assertThat(ben.header("If-Match", "3").delete(spec).status()).isEqualTo(400);
        assertThat(api.admin(api.activePartner("ETag Spec Other")).header("If-None-Match", read).get(spec).status())
                .isEqualTo(404);
        assertThat(ben.header("If-Match", applied).delete(spec).status()).isEqualTo(204);
    }

    private String specification(TestHttp admin, String name) {
        TestHttp.Response created = admin.post(SPECS, specificationBody(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String specificationBody(String name) {
        return """
                {"name":"%s","resourceSpecification":[{"name":"LICENCE_KEY"}],"partnerActivation":true}"""
                .formatted(name);
    }
}
