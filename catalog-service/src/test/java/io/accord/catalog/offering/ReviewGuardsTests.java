package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.platform.security.Tenancy;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a partner manager in the loop: a backdated price correction always waits for review, nobody approves
 * what they prepared themselves (four-eyes), and a second change never replaces one waiting for review unseen.
 */
@AccordServiceTest
class ReviewGuardsTests {

    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    private static final String APPROVE = "{\"decision\":\"APPROVE\"}";

    private final CatalogApi api;
    private final Offerings offerings;
    private final Tenancy tenancy;
    private final JdbcClient jdbc;
    private final int port;

    ReviewGuardsTests(@LocalServerPort int port, PartnerView partners, Offerings offerings, Tenancy tenancy,
                      JdbcClient jdbc) {
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
        this.tenancy = tenancy;
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void aBackdatedPriceCorrectionWaitsForAPartnerManagerHoweverSmall() {
        UUID owner = api.activePartner("Backdating Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("backdated"));
        UUID control = api.launched(Owner.partner(owner), OfferingDrafts.single("backdated-control"));
        Instant sixMonthsAgo = Instant.now().minus(182, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant aMomentAgo = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);

        // +5 %: within the policy's 10 %, but from six months ago
        TestHttp.Response backdated = api.admin(owner).post(PRICES, monthlyPrice(id, "10.49", sixMonthsAgo));
        TestHttp.Response now = api.admin(owner).post(PRICES, monthlyPrice(control, "10.49", aMomentAgo));

        assertThat(backdated.status()).as(backdated.body()).isEqualTo(202);
        assertThat(backdated.json().path("pendingChange").asString()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(api.manager.get("/api/catalog/review-queue?limit=500").body()).contains(id.toString());
        assertThat(now.status()).as(now.body()).isEqualTo(202);
        assertThat(now.json().get("pendingChange")).as("a start within the grace counts as now: " + now.body())
                .isNull();
    }

    @Test
    void whoeverSubmitsOrCreatesACspOfferingDoesNotApproveItAnotherPartnerManagerDoes() {
        String a = "pm-a-" + UUID.randomUUID();
        String b = "pm-b-" + UUID.randomUUID();
        TestHttp pmA = staff(a);
        TestHttp pmB = staff(b);
        UUID submittedByA = api.draft(Owner.csp(), OfferingDrafts.single("four-eyes-" + UUID.randomUUID()));
        UUID[] createdByA = new UUID[1];
        tenancy.actingAs(a, () -> createdByA[0] = api.draft(Owner.csp(),
                OfferingDrafts.single("four-eyes-created-" + UUID.randomUUID())));

        assertThat(pmA.post(CatalogApi.PLAIN + "/" + submittedByA + "/submission", null).status()).isEqualTo(200);
        TestHttp.Response own = pmA.post(CatalogApi.PLAIN + "/" + submittedByA + "/decision", APPROVE);
        assertThat(pmB.post(CatalogApi.PLAIN + "/" + createdByA[0] + "/submission", null).status()).isEqualTo(200);
        TestHttp.Response created = pmA.post(CatalogApi.PLAIN + "/" + createdByA[0] + "/decision", APPROVE);

        assertThat(own.status()).as(own.body()).isEqualTo(409);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().path("detail").asString()).contains("submitted by " + a)
                .contains("four-eyes");
        assertThat(created.status()).as(created.body()).isEqualTo(409);
        assertThat(created.json().path("detail").asString()).contains("created by " + a);
        assertThat(status(submittedByA)).as("nothing changed").isEqualTo("IN_REVIEW");
        assertThat(pmA.post(CatalogApi.PLAIN + "/" + createdByA[0] + "/decision",
                "{\"decision\":\"REJECT\",\"reason\":\"not yet\"}").status()).as("rejecting is no approval")
                .isEqualTo(200);
        TestHttp.Response other = pmB.post(CatalogApi.PLAIN + "/" + submittedByA + "/decision", APPROVE);
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().path("lifecycleStatus").asString()).isEqualTo("Launched");

        // the change of a launched offering: whoever proposed it does not approve it
        TestHttp.Response proposed = pmB.post(PRICES, monthlyPrice(submittedByA, "19.99",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(proposed.json().path("pendingChange").asString()).as(proposed.body())
                .isEqualTo("NEW_PRICE_VERSION");
        TestHttp.Response ownChange = pmB.post(CatalogApi.PLAIN + "/" + submittedByA + "/decision", APPROVE);
        assertThat(ownChange.status()).as(ownChange.body()).isEqualTo(409);
        assertThat(ownChange.json().path("detail").asString()).contains("proposed by " + b)
                .contains("four-eyes");
        TestHttp.Response approved = pmA.post(CatalogApi.PLAIN + "/" + submittedByA + "/decision", APPROVE);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("pendingChange")).isNull();
    }

    @Test
    void whoeverChangedTheDraftSinceItWasCreatedDoesNotApproveItAnotherPartnerManagerDoes() {
        UUID owner = api.activePartner("Draft Editors Media");
        String b = "pm-b-" + UUID.randomUUID();
        String c = "pm-c-" + UUID.randomUUID();
        TestHttp pmB = staff(b);
        TestHttp pmC = staff(c);
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.single("draft-editors-" + UUID.randomUUID()));

        // as the audit found: staff price the partner's draft (twice), another renames it, the owner submits
        TestHttp.Response priced = pmB.post(PRICES, monthlyPrice(id, "0.50", OfferingDrafts.START));
        assertThat(priced.status()).as(priced.body()).isEqualTo(201);
        assertThat(pmB.post(PRICES, monthlyPrice(id, "0.60", OfferingDrafts.START)).status()).isEqualTo(201);
        TestHttp.Response renamed = pmC.patch(CatalogApi.OFFERINGS + "/" + id, "{\"description\":\"renamed\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null).status())
                .isEqualTo(200);
        TestHttp.Response byPricer = pmB.post(CatalogApi.PLAIN + "/" + id + "/decision", APPROVE);
        TestHttp.Response byRenamer = pmC.post(CatalogApi.PLAIN + "/" + id + "/decision", APPROVE);

        assertThat(byPricer.status()).as(byPricer.body()).isEqualTo(409);
        assertThat(byPricer.contentType()).startsWith("application/problem+json");
        assertThat(byPricer.json().path("detail").asString()).contains("changed by " + b).contains("prices")
                .contains("four-eyes");
        assertThat(byRenamer.status()).as(byRenamer.body()).isEqualTo(409);
        assertThat(byRenamer.json().path("detail").asString()).contains("changed by " + c);
        assertThat(status(id)).as("nothing changed").isEqualTo("IN_REVIEW");
        assertThat(editors(id)).as("each editor once, in order").isEqualTo(b + "," + c);
        TestHttp.Response other = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision", APPROVE);
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().path("lifecycleStatus").asString()).isEqualTo("Launched");
    }

    @Test
    void theDraftEditorsOfOfferingsChangedBeforeV40AreTakenFromTheAuditTrail() throws java.io.IOException {
        UUID owner = api.activePartner("Backfilled Editors Media");
        String b = "pm-b-" + UUID.randomUUID();
        UUID id = api.draft(Owner.partner(owner), OfferingDrafts.single("backfilled-" + UUID.randomUUID()));
        assertThat(staff(b).patch(CatalogApi.OFFERINGS + "/" + id, "{\"description\":\"before V40\"}").status())
                .isEqualTo(200);
        // as an offering changed before V40 was: its editor only in the audit trail
        jdbc.sql("update product_offering set edited_by = '{}' where id = :id").param("id", id).update();
        String migration = new org.springframework.core.io.ClassPathResource(
                "db/migration/V40__offering_edited_by.sql").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        jdbc.sql(migration.substring(migration.indexOf("update product_offering"))).update();

        assertThat(editors(id)).isEqualTo(b);
        assertThat(api.admin(owner).post(CatalogApi.PLAIN + "/" + id + "/submission", null).status())
                .isEqualTo(200);
        TestHttp.Response byEditor = staff(b).post(CatalogApi.PLAIN + "/" + id + "/decision", APPROVE);
        assertThat(byEditor.status()).as(byEditor.body()).isEqualTo(409);
        assertThat(byEditor.json().path("detail").asString()).contains("changed by " + b);
    }

    @Test
    void aSecondChangeWhileOneWaitsForReviewIsRefusedAndTheFirstStaysAsProposed() {
        UUID owner = api.activePartner("Second Change Media");
        OfferingDraft launched = OfferingDrafts.single("second-change");
        UUID id = api.launched(Owner.partner(owner), launched);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Response first = api.admin(owner).post(PRICES, monthlyPrice(id, "19.99", tomorrow));
        TestHttp.Response second = api.admin(owner).post(PRICES, monthlyPrice(id, "29.99", tomorrow));
        TestHttp.Response patch = api.admin(owner).patch(CatalogApi.OFFERINGS + "/" + id,
                "{\"description\":\"changed meanwhile\"}");
        OfferingDraft imported = new OfferingDraft(launched.externalId(), launched.name(), "imported meanwhile",
                launched.categoryCode(), launched.kind(), launched.validFrom(), launched.validTo(),
                launched.salesChannels(), launched.specification(), launched.bundledOfferingExternalIds(),
                launched.bundlePricing(), launched.participants(), launched.prices());
        ImportOutcome importedOutcome = offerings.upsertAll(Owner.partner(owner), List.of(imported), false)
                .getFirst();

        assertThat(first.json().path("pendingChange").asString()).as(first.body()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("detail").asString()).contains("NEW_PRICE_VERSION")
                .contains("/api/catalog/offerings/" + id + "/pending-change").contains("approves or rejects it first");
        assertThat(patch.status()).as(patch.body()).isEqualTo(409);
        assertThat(importedOutcome.result()).isEqualTo(ImportOutcome.Result.INVALID);
        assertThat(importedOutcome.errors().getFirst().message()).contains("change waiting for review");
        TestHttp.Response pending = api.admin(owner).get(CatalogApi.PLAIN + "/" + id + "/pending-change");
        assertThat(pending.body()).as("the first change, not the second").contains("19.99").doesNotContain("29.99")
                .doesNotContain("meanwhile");

        // decided, the next change is taken
        api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision", "{\"decision\":\"REJECT\",\"reason\":\"no\"}");
        TestHttp.Response again = api.admin(owner).post(PRICES, monthlyPrice(id, "29.99", tomorrow));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json().path("pendingChange").asString()).isEqualTo("NEW_PRICE_VERSION");
    }

    @Test
    void aPriceIsInACurrencyInCirculationAndAChargeInWholeMinorUnitsAUsageRateMayBeFiner() {
        UUID owner = api.activePartner("Currency Media");
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("currencies"));
        String prices = api.user(owner).get(PRICES + "?productOffering.id=" + draft).body();

        for (String code : List.of("XXX", "XTS", "DEM", "XAU")) {
            TestHttp.Response refused = api.admin(owner).post(PRICES, oneTime(draft, code, "5"));
            assertThat(refused.status()).as(code + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("violations").get(0).path("field").asString()).as(refused.body())
                    .matches("price\\.unit|currency");
        }
        TestHttp.Response yen = api.admin(owner).post(PRICES, oneTime(draft, "JPY", "1.5"));
        TestHttp.Response cents = api.admin(owner).post(PRICES, oneTime(draft, "EUR", "4.999"));
        assertThat(yen.status()).as(yen.body()).isEqualTo(400);
        assertThat(yen.json().path("violations").get(0).path("field").asString()).matches("price\\.value|amount");
        assertThat(yen.json().path("detail").asString()).contains("at most 0 decimals in JPY");
        assertThat(cents.status()).as(cents.body()).isEqualTo(400);
        assertThat(api.user(owner).get(PRICES + "?productOffering.id=" + draft).body()).as("nothing changed")
                .isEqualTo(prices);

        TestHttp.Response wholeYen = api.admin(owner).post(PRICES, oneTime(draft, "JPY", "1500"));
        TestHttp.Response rate = api.admin(owner).post(PRICES, """
                {"name":"Data","priceType":"usage","externalId":"data","productOffering":{"id":"%s"},
                 "price":{"unit":"JPY","value":"0.0125"},"unitOfMeasure":{"amount":1,"units":"MB"},
                 "usageTypes":["DATA"],"tax":[{"taxCategory":"STANDARD"}],
                 "validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}""".formatted(draft));
        TestHttp.Response francs = api.admin(owner).post(PRICES, oneTime(draft, "XOF", "500"));
        assertThat(wholeYen.status()).as(wholeYen.body()).isEqualTo(201);
        assertThat(rate.status()).as("a per-unit rate: " + rate.body()).isEqualTo(201);
        assertThat(francs.status()).as("the CFA franc circulates: " + francs.body()).isEqualTo(201);
    }

    @Test
    void aMinimumChargeIsInWholeMinorUnitsOfThePricesCurrency() {
        UUID owner = api.activePartner("Minimum Charge Media");
        UUID draft = api.draft(Owner.partner(owner), OfferingDrafts.single("minimum-charges"));
        String prices = api.user(owner).get(PRICES + "?productOffering.id=" + draft).body();
        String usage = """
                {"name":"Data","priceType":"usage","externalId":"data","productOffering":{"id":"%s"},
                 "price":{"unit":"%s","value":"0.0125"},"unitOfMeasure":{"amount":1,"units":"MB"},
                 "usageTypes":["DATA"],"minimumCharge":%s,"tax":[{"taxCategory":"STANDARD"}],
                 "validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}""";

        TestHttp.Response yen = api.admin(owner).post(PRICES, usage.formatted(draft, "JPY", "1.5"));
        TestHttp.Response cents = api.admin(owner).post(PRICES, usage.formatted(draft, "EUR", "0.005"));
        assertThat(yen.status()).as(yen.body()).isEqualTo(400);
        assertThat(yen.json().path("violations").get(0).path("field").asString()).isEqualTo("minimumCharge");
        assertThat(yen.json().path("detail").asString()).contains("at most 0 decimals in JPY");
        assertThat(cents.status()).as(cents.body()).isEqualTo(400);
        assertThat(cents.json().path("violations").get(0).path("field").asString()).isEqualTo("minimumCharge");
        assertThat(api.user(owner).get(PRICES + "?productOffering.id=" + draft).body()).as("nothing changed")
                .isEqualTo(prices);

        TestHttp.Response wholeYen = api.admin(owner).post(PRICES, usage.formatted(draft, "JPY", "150"));
        assertThat(wholeYen.status()).as(wholeYen.body()).isEqualTo(201);
        assertThat(wholeYen.json().path("definition").path("minimumCharge").decimalValue()).isEqualByComparingTo("150");
    }

    private String status(UUID id) {
        return jdbc.sql("select status from product_offering where id = :id").param("id", id).query(String.class)
                .single();
    }

    /** Who changed the draft, comma-separated in the order recorded. */
    private String editors(UUID id) {
        return jdbc.sql("select array_to_string(edited_by, ',') from product_offering where id = :id")
                .param("id", id).query(String.class).single();
    }

    private TestHttp staff(String username) {
        return TestHttp.localPort(port).as(TestJwt.staff(username, Roles.PARTNER_MANAGER));
    }

    private static String oneTime(UUID offering, String currency, String amount) {
        return """
                {"name":"Set-up fee","priceType":"oneTime","externalId":"setup","productOffering":{"id":"%s"},
                 "price":{"unit":"%s","value":"%s"},"tax":[{"taxCategory":"STANDARD"}],
                 "validFor":{"startDateTime":"2026-01-01T00:00:00Z"}}""".formatted(offering, currency, amount);
    }

    /** The monthly fee of {@link OfferingDrafts#single} at another amount, through the TMF API. */
    private static String monthlyPrice(UUID offering, String amount, Instant from) {
        return """
                {"name":"Monthly fee","priceType":"recurring","externalId":"monthly","productOffering":{"id":"%s"},
                 "price":{"unit":"EUR","value":"%s"},"recurringChargePeriodType":"month","proration":"DAILY",
                 "tax":[{"taxCategory":"STANDARD"}],"validFor":{"startDateTime":"%s"}}""".formatted(offering, amount,
                from);
    }
}
