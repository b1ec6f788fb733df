package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.partner.PartnerView;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer sees what a launched offering's change would change before deciding; a rejection stays the change's. */
@AccordServiceTest
class PendingChangeTests {

    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";

    private final CatalogApi api;
    private final Offerings offerings;
    private final JdbcClient jdbc;

    PendingChangeTests(@LocalServerPort int port, PartnerView partners, Offerings offerings, JdbcClient jdbc) {
        this.api = new CatalogApi(port, partners, offerings);
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @Test
    void aPendingPriceChangeShowsTheProposedVersionBesideTheLaunchedOneItReplaces() {
        UUID owner = api.activePartner("Pending Price Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("pending-price"));
        String launched = inForce(id).get("monthly");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        TestHttp.Response proposed = api.admin(owner).post(PRICES, monthlyPrice(id, "23.78", start));

        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        JsonNode queued = queueItem(id);
        JsonNode change = api.manager.get(CatalogApi.PLAIN + "/" + id + "/pending-change").json();
        assertThat(queued.get("change")).isEqualTo(change);
        assertThat(queued.get("change").get("href").asString()).isEqualTo(CatalogApi.PLAIN + "/" + id
                + "/pending-change");
        assertThat(change.get("change").asString()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(change.get("fields")).isEmpty();
        assertThat(change.get("prices")).hasSize(1);
        JsonNode price = change.get("prices").get(0);
        assertThat(price.get("externalId").asString()).isEqualTo("monthly");
        assertThat(price.get("change").asString()).isEqualTo("CHANGED");
        assertThat(price.get("proposed").get("definition").get("amount").decimalValue())
                .isEqualByComparingTo("23.78");
        assertThat(price.get("proposed").get("definition").get("type").asString()).isEqualTo("RECURRING");
        assertThat(price.get("proposed").get("validFrom").asString()).isEqualTo(start.toString());
        assertThat(price.get("current").get("id").asString()).isEqualTo(launched);
        assertThat(price.get("current").get("definition").get("amount").decimalValue()).isEqualByComparingTo("9.99");
        assertThat(price.get("current").get("validFrom").asString()).isEqualTo(OfferingDrafts.START.toString());
        assertThat(price.get("changePercent").decimalValue()).isEqualByComparingTo(new BigDecimal("138.0"));
    }

    @Test
    void theOwnerAndReviewersReadAPendingChangeOthersDoNot() {
        UUID owner = api.activePartner("Pending Reader Media");
        UUID other = api.activePartner("Other Reader Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("pending-reader"));
        String change = CatalogApi.PLAIN + "/" + id + "/pending-change";
        assertThat(api.manager.get(change).status()).as("nothing pending yet").isEqualTo(404);

        api.admin(owner).post(PRICES, monthlyPrice(id, "19.99", Instant.now().plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)));

        assertThat(api.user(owner).get(change).status()).isEqualTo(200);
        assertThat(api.staff(Roles.AUDITOR).get(change).status()).isEqualTo(200);
        assertThat(api.admin(other).get(change).status()).isEqualTo(404);
        assertThat(api.staff(Roles.FINANCE).get(change).status()).isEqualTo(403);
        assertThat(api.manager.get(CatalogApi.PLAIN + "/" + UUID.randomUUID() + "/pending-change").status())
                .isEqualTo(404);
    }

    @Test
    void aPendingNewVersionShowsTheFieldsItChanges() {
        UUID owner = api.activePartner("Pending Version Media");
        OfferingDraft launched = OfferingDrafts.single("pending-version");
        UUID id = api.launched(Owner.partner(owner), launched);
        OfferingDraft renamed = new OfferingDraft(launched.externalId(), "Renamed offer", launched.description(),
                launched.categoryCode(), launched.kind(), launched.validFrom(), launched.validTo(),
                List.of("ONLINE", "RETAIL"), launched.specification(), launched.bundledOfferingExternalIds(),
                launched.bundlePricing(), launched.participants(), launched.prices());

        assertThat(offerings.upsertAll(Owner.partner(owner), List.of(renamed), false).getFirst().result())
                .isEqualTo(ImportOutcome.Result.NEW_VERSION);

        JsonNode change = api.admin(owner).get(CatalogApi.PLAIN + "/" + id + "/pending-change").json();
        assertThat(change.get("change").asString()).isEqualTo("NEW_VERSION");
        assertThat(change.get("fields")).extracting(field -> field.get("field").asString())
                .containsExactly("name", "salesChannels");
        assertThat(change.get("fields").get(0).get("from").asString()).isEqualTo("Offer pending-version");
        assertThat(change.get("fields").get(0).get("to").asString()).isEqualTo("Renamed offer");
        assertThat(change.get("prices")).as("the prices stay as they are").isEmpty();
    }

    @Test
    void aRejectedChangeKeepsItsReasonAndTheLaunchedOfferingNoStatusReason() {
        UUID owner = api.activePartner("Rejected Change Media");
        UUID id = api.launched(Owner.partner(owner), OfferingDrafts.single("rejected-change"));
        api.admin(owner).post(PRICES, monthlyPrice(id, "23.78", Instant.now().plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)));

        TestHttp.Response rejected = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"REJECT\",\"reason\":\"+138% not justified\"}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("lifecycleStatus").asString()).isEqualTo("Launched");
        assertThat(rejected.json().get("statusReason")).as(rejected.body()).isNull();
        JsonNode seenByOwner = api.admin(owner).get(CatalogApi.OFFERINGS + "/" + id).json();
        assertThat(seenByOwner.get("statusReason")).isNull();
        assertThat(seenByOwner.get("rejectedChange").get("change").asString()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(seenByOwner.get("rejectedChange").get("reason").asString()).isEqualTo("+138% not justified");
        assertThat(api.manager.get(CatalogApi.PLAIN + "/" + id + "/pending-change").status()).isEqualTo(404);
        String audited = jdbc.sql("select after_state::text from audit_event where resource_id = :id"
                        + " and action = 'revision rejected'").param("id", id.toString()).query(String.class).single();
        assertThat(audited).contains("+138% not justified").contains("NEW_PRICE_VERSION");
    }

    @Test
    void anApprovedPriceChangeIsAuditedWithTheVersionsItWroteAndReplacedAndTheirAmounts() {
        UUID owner = api.activePartner("Audited Price Media");
        OfferingDraft launched = OfferingDrafts.single("audited-price");
        UUID id = api.launched(Owner.partner(owner), launched);
        java.util.Map<String, String> before = inForce(id);
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // the monthly fee from 9.99 to 12.49, the usage price dropped
        OfferingDraft repriced = launched.withPrices(List.of(OfferingDrafts.monthly("monthly", "12.49", start)));
        assertThat(offerings.upsertAll(Owner.partner(owner), List.of(repriced), false).getFirst().result())
                .isEqualTo(ImportOutcome.Result.NEW_PRICE_VERSION);

        TestHttp.Response approved = api.manager.post(CatalogApi.PLAIN + "/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode written = null;
        for (JsonNode version : api.manager.get(PRICES + "?productOffering.id=" + id).json()) {
            if (version.get("externalId").asString().equals("monthly") && version.get("version").asString()
                    .equals("2")) {
                written = version;
            }
        }
        assertThat(written).as("the approved version").isNotNull();
        JsonNode entry = null;
        for (JsonNode audited : api.staff(Roles.AUDITOR).get("/api/catalog/audit?resourceType=productOffering"
                + "&resourceId=" + id).json()) {
            if (audited.get("action").asString().equals("change approved (NEW_PRICE_VERSION)")) {
                entry = audited;
            }
        }
        assertThat(entry).as("the approval's audit entry").isNotNull();
        JsonNode created = entry.get("after").get("prices");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("externalId").asString()).isEqualTo("monthly");
        assertThat(created.get(0).get("priceVersionId").asString()).isEqualTo(written.get("id").asString());
        assertThat(created.get(0).get("versionNumber").asInt()).isEqualTo(2);
        assertThat(created.get(0).get("amount").asString()).isEqualTo("12.49");
        assertThat(created.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(created.get(0).get("validFrom").asString()).isEqualTo(start.toString());
        assertThat(created.get(0).get("replacedPriceVersionId").asString()).isEqualTo(before.get("monthly"));
        assertThat(entry.get("after").get("removedPrices")).extracting(JsonNode::asString).containsExactly("usage");
        JsonNode replaced = entry.get("before").get("prices");
        assertThat(replaced).extracting(price -> price.get("externalId").asString())
                .containsExactlyInAnyOrder("monthly", "usage");
        for (JsonNode price : replaced) {
            assertThat(price.get("priceVersionId").asString()).isEqualTo(before.get(price.get("externalId")
                    .asString()));
            assertThat(price.get("versionNumber").asInt()).isEqualTo(1);
        }
        JsonNode monthly = replaced.get(0).get("externalId").asString().equals("monthly") ? replaced.get(0)
                : replaced.get(1);
        assertThat(monthly.get("amount").asString()).isEqualTo("9.99");
        JsonNode usage = replaced.get(0) == monthly ? replaced.get(1) : replaced.get(0);
        assertThat(usage.get("tiers").get(0).get("rate").asString()).isEqualTo("0.05");
        assertThat(entry.get("before").get("pendingChange").asString()).isEqualTo("NEW_PRICE_VERSION");
        assertThat(entry.get("after").get("pendingChange").asString()).isEmpty();
    }

    /** The launched version id per price key in force now. */
    private java.util.Map<String, String> inForce(UUID id) {
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        api.manager.get(CatalogApi.PLAIN + "/" + id + "/prices-in-force").json()
                .forEach(price -> ids.put(price.get("externalId").asString(), price.get("id").asString()));
        return ids;
    }

    private JsonNode queueItem(UUID id) {
        for (JsonNode item : api.manager.get("/api/catalog/review-queue?limit=500").json()) {
            if (item.get("offeringId").asString().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError("offering " + id + " is not in the review queue");
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
