package io.accord.orchestration.quote;

import io.accord.contracts.Roles;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.orchestration.offering.CatalogEvents;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Catalog events → read model → TMF648 quotes: pricing, approval, acceptance, rejection, expiry, tenancy, 4xx. */
@AccordServiceTest
class QuoteApiTests {

    private static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    private static final String PATCH = "application/merge-patch+json";
    private static final Instant PAST = Instant.parse("2026-01-01T00:00:00Z");

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;
    private final QuoteExpiryJob expiry;

    QuoteApiTests(SellableOfferings offerings, JdbcClient jdbc, QuoteExpiryJob expiry) {
        this.offerings = offerings;
        this.jdbc = jdbc;
        this.expiry = expiry;
    }

    @Test
    void aResellerQuotesPricedFromTheReadModelAndAcceptsAfterAutoApproval() {
        String partner = activePartner();
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", partner, Roles.PARTNER_ADMIN));

        TestHttp.Response created = reseller.post(QUOTES, quote(offering, 2, "\"dataVolumeGb\": 20", "5"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode quote = created.json();
        String id = quote.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(QUOTES + "/" + id);
        assertThat(quote.get("state").asString()).isEqualTo("inProgress");
        // 2 × 19.99 less 5 % = 37.981; 2 × 49 less 5 % = 93.1
        assertThat(total(quote, "recurring")).isEqualTo("37.981");
        assertThat(total(quote, "oneTime")).isEqualTo("93.1");
        assertThat(quote.at("/quoteItem/0/quoteItemPrice").valueStream().map(p -> p.get("priceType").asString()))
                .containsExactlyInAnyOrder("oneTime", "recurring", "usage");
        assertThat(quote.at("/quoteItem/0/product/productCharacteristic").toString()).contains("simType", "SIM");

        TestHttp.Response approved = reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approval").asString()).isEqualTo("AUTO");
        // a TMF client echoes the quote's identity: unchanged, it is no change (another @type is refused)
        assertThat(reseller.send("PATCH", QUOTES + "/" + id, "{\"@type\": \"Order\", \"state\": \"accepted\"}",
                PATCH).status()).isEqualTo(400);
        TestHttp.Response accepted = reseller.send("PATCH", QUOTES + "/" + id, "{\"id\": \"" + id
                + "\", \"@type\": \"" + quote.get("@type").asString() + "\", \"state\": \"accepted\"}", PATCH);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("state").asString()).isEqualTo("accepted");
        assertThat(jdbc.sql("select locked_prices::text from quote where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).contains("37.981", "93.1", "RECURRING", "ONE_TIME");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'quote' and resource_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(3);
        assertThat(reseller.send("PATCH", QUOTES + "/" + id, "{\"description\": \"late\"}", PATCH).status())
                .isEqualTo(409);
    }

    @Test
    void aResellersUsagePricesOfACspOfferingAreMarkedRetailWithItsWholesaleRateNoted() {
        String partner = activePartner();
        TestHttp reseller = http(TestJwt.partner("reseller", partner, Roles.PARTNER_ADMIN));
        TestHttp staff = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN));
        String csp = simOnly(null);
        String own = simOnly(partner);

        JsonNode resold = reseller.post(QUOTES, quote(csp, 1, "\"dataVolumeGb\": 5", "0")).json();
        JsonNode direct = staff.post(QUOTES, webShopQuote(csp)).json();
        JsonNode owned = reseller.post(QUOTES, quote(own, 1, "\"dataVolumeGb\": 5", "0")).json();

        JsonNode usage = price(resold, "usage");
        assertThat(usage.get("rateBasis").asString()).isEqualTo("retail");
        assertThat(usage.get("description").asString()).contains("RESELL agreement's wholesale rate per "
                + usage.get("unitOfMeasure").asString());
        assertThat(usage.at("/price/dutyFreeAmount/value").asString()).as("the retail rate is still shown")
                .isEqualTo(price(direct, "usage").at("/price/dutyFreeAmount/value").asString());
        assertThat(price(resold, "recurring").has("rateBasis")).as("locked prices are what the buyer pays").isFalse();
        assertThat(price(direct, "usage").has("rateBasis")).as("the CSP's own customer pays the retail rate")
                .isFalse();
        assertThat(price(owned, "usage").has("rateBasis")).as("its own offering is not resold").isFalse();
        assertThat(reseller.get(QUOTES + "/" + resold.get("id").asString()).json().at("/quoteItem/0/quoteItemPrice")
                .toString()).contains("\"rateBasis\":\"retail\"");
    }

    private static JsonNode price(JsonNode quote, String type) {
        return quote.at("/quoteItem/0/quoteItemPrice").valueStream()
                .filter(price -> type.equals(price.get("priceType").asString())).findFirst().orElseThrow();
    }

    @Test
    void anInProgressQuoteIsChangedByMergePatchAndRepricedNow() {
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));
        String id = reseller.post(QUOTES, quote(offering, 2, "\"dataVolumeGb\": 5", "5")).json().get("id")
                .asString();

        TestHttp.Response described = reseller.send("PATCH", QUOTES + "/" + id, "{\"description\": \"v2\"}", PATCH);
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(total(described.json(), "recurring")).as("items kept").isEqualTo("37.981");
        TestHttp.Response repriced = reseller.send("PATCH", QUOTES + "/" + id, """
                {"discountPercent": null, "quoteItem": [{"id": "9", "quantity": 1, "productOffering": {"id": "%s"},
                 "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": "50"}]}}]}
                """.formatted(offering), PATCH);

        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        assertThat(repriced.json().get("description").asString()).isEqualTo("v2");
        assertThat(total(repriced.json(), "recurring")).isEqualTo("19.99");
        assertThat(repriced.json().at("/quoteItem/0/id").asString()).isEqualTo("9");
        assertThat(reseller.send("PATCH", QUOTES + "/" + id, "{\"createdBy\": \"x\"}", PATCH).status())
                .isEqualTo(400);
        assertThat(reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\", \"description\": \"x\"}",
                PATCH).status()).isEqualTo(400);
    }

    @Test
    void aDiscountAboveTheRolesLimitNeedsAPartnerManager() {
        String partner = activePartner();
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", partner, Roles.PARTNER_ADMIN));
        String id = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "20")).json().get("id")
                .asString();

        TestHttp.Response refused = reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("partner manager");

        TestHttp manager = http(TestJwt.staff("manager", Roles.PARTNER_MANAGER));
        TestHttp.Response approved = manager.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approval").asString()).isEqualTo("MANAGER");
        TestHttp.Response notTheBuyer = manager.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}",
                PATCH);
        assertThat(notTheBuyer.status()).as("only the buyer accepts: " + notTheBuyer.body()).isEqualTo(403);
        assertThat(notTheBuyer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jdbc.sql("select state from quote where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("APPROVED");
        TestHttp.Response rejected = reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"rejected\"}", PATCH);
        assertThat(rejected.json().get("state").asString()).isEqualTo("rejected");
    }

    @Test
    void aDiscountWithMoreDecimalsThanKeptIsRefusedNotRounded() {
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));
        long before = count();

        TestHttp.Response refused = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "1.1234567"));

        assertProblem(refused, "discountPercent");
        assertThat(message(refused)).contains("at most 6 decimals");
        assertThat(count()).isEqualTo(before);
        assertProblem(reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "-0.5")), "discountPercent");
        assertProblem(reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "100.000001")),
                "discountPercent");
        // 1e1 was a 10 % discount, and 1e400 answered "must be less than or equal to 100" of Infinity
        for (String exponent : List.of("1e1", "1e400", "5E-1")) {
            TestHttp.Response withExponent = reseller.post(QUOTES,
                    quote(offering, 1, "\"dataVolumeGb\": 5", exponent));
            assertProblem(withExponent, "discountPercent");
            assertThat(message(withExponent)).contains("plain decimal", "no exponent").doesNotContain("Infinity");
        }
        assertThat(count()).isEqualTo(before);

        TestHttp.Response created = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "1.123456"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("discountPercent").asString()).isEqualTo("1.123456");
        TestHttp.Response patched = reseller.send("PATCH", QUOTES + "/" + id, "{\"discountPercent\": 2.0000001}",
                PATCH);
        assertProblem(patched, "discountPercent");
        assertThat(reseller.get(QUOTES + "/" + id).json().get("discountPercent").asString())
                .as("a refused patch changes nothing").isEqualTo("1.123456");
    }

    @Test
    void aQuoteItemTakesAtMostTheUnitsAnOrderItemTakes() {
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));
        long before = count();

        TestHttp.Response refused = reseller.post(QUOTES, quote(offering, OrderPricing.MAX_QUANTITY + 1,
                "\"dataVolumeGb\": 5", "0"));

        assertProblem(refused, "quoteItem[0].quantity");
        assertThat(message(refused)).isEqualTo(OrderPricing.QUANTITY_RANGE);
        assertProblem(reseller.post(QUOTES, quote(offering, 0, "\"dataVolumeGb\": 5", "0")), "quoteItem[0].quantity");
        assertThat(count()).isEqualTo(before);
        assertThat(reseller.post(QUOTES, quote(offering, OrderPricing.MAX_QUANTITY, "\"dataVolumeGb\": 5", "0"))
                .status()).isEqualTo(201);
    }

    @Test
    void aManagerCannotApproveNorAcceptTheirOwnOverLimitDiscount() {
        String offering = simOnly(null);
        TestHttp anna = http(TestJwt.staff("pm-anna", Roles.PARTNER_MANAGER));
        TestHttp bert = http(TestJwt.staff("pm-bert", Roles.PARTNER_MANAGER));
        TestHttp ops = http(TestJwt.staff("olga-ops", Roles.OPS));
        TestHttp.Response created = anna.post(QUOTES, webShopQuote(offering).replace("\"discountPercent\": \"0\"",
                "\"discountPercent\": \"100\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("discountNeedsApproval").asBoolean()).as("above a manager's 20 %").isTrue();
        String id = created.json().get("id").asString();

        TestHttp.Response own = anna.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.header("Content-Type")).startsWith("application/problem+json");
        assertThat(detail(own)).contains("created by pm-anna", "another partner-manager than pm-anna", "four-eyes");
        assertThat(anna.get(QUOTES + "/" + id).json().get("state").asString()).isEqualTo("inProgress");

        // whoever changed the discount last is barred too, the creator still is
        assertThat(bert.send("PATCH", QUOTES + "/" + id, "{\"discountPercent\": 90}", PATCH).status())
                .isEqualTo(200);
        TestHttp.Response changer = bert.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(changer.status()).as(changer.body()).isEqualTo(403);
        assertThat(detail(changer)).contains("changed by pm-bert", "pm-anna, pm-bert");
        TestHttp.Response stillAnna = anna.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(stillAnna.status()).as(stillAnna.body()).isEqualTo(403);

        TestHttp carla = http(TestJwt.staff("pm-carla", Roles.PARTNER_MANAGER));
        TestHttp.Response approved = carla.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approval").asString()).isEqualTo("MANAGER");
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("pm-carla");
        assertThat(approved.json().get("pricedBy").asString()).isEqualTo("pm-bert");

        for (TestHttp involved : List.of(anna, bert, carla)) {
            TestHttp.Response refused = involved.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}",
                    PATCH);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(detail(refused)).contains("another CSP staff user than pm-anna, pm-bert, pm-carla");
        }
        TestHttp.Response accepted = ops.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}", PATCH);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("approvedBy").asString()).isEqualTo("pm-carla");
        assertThat(accepted.json().get("decidedBy").asString()).isEqualTo("olga-ops");

        JsonNode trail = http(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/orchestration/audit?resourceId=" + id + "&limit=50").json();
        java.util.Map<String, java.util.Set<String>> actors = new java.util.HashMap<>();
        trail.forEach(entry -> actors.computeIfAbsent(entry.get("action").asString(), action ->
                new java.util.TreeSet<>()).add(entry.get("actor").asString()));
        assertThat(actors.get("created")).containsExactly("pm-anna");
        assertThat(actors.get("changed")).containsExactly("pm-bert");
        assertThat(actors.get("approved")).containsExactly("pm-carla");
        assertThat(actors.get("accepted")).containsExactly("olga-ops");
        assertThat(actors.get("refused")).containsExactlyInAnyOrder("pm-anna", "pm-bert", "pm-carla");
    }

    @Test
    void whoeverEverSetAnOverLimitDiscountCannotApproveItAfterSomeoneElsesDescriptionOnlyPatch() {
        String offering = simOnly(null);
        TestHttp ops = http(TestJwt.staff("olga-ops", Roles.OPS));
        TestHttp paul = http(TestJwt.staff("pm-paul", Roles.PARTNER_MANAGER));
        String id = ops.post(QUOTES, webShopQuote(offering)).json().get("id").asString();
        TestHttp.Response discounted = paul.send("PATCH", QUOTES + "/" + id, "{\"discountPercent\": \"50\"}", PATCH);
        assertThat(discounted.status()).as(discounted.body()).isEqualTo(200);
        assertThat(paul.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH).status())
                .isEqualTo(403);

        TestHttp.Response described = ops.send("PATCH", QUOTES + "/" + id, "{\"description\": \"typo fixed\"}",
                PATCH);

        assertThat(described.status()).as(described.body()).isEqualTo(200);
        JsonNode quote = described.json();
        assertThat(quote.get("description").asString()).isEqualTo("typo fixed");
        assertThat(quote.get("pricedBy").asString()).as("a description sets no price").isEqualTo("pm-paul");
        assertThat(quote.get("editedBy").valueStream().map(JsonNode::asString)).containsExactly("olga-ops", "pm-paul");
        assertThat(quote.get("quoteTotalPrice")).isEqualTo(discounted.json().get("quoteTotalPrice"));
        assertThat(quote.get("quoteDate")).as("not re-priced").isEqualTo(discounted.json().get("quoteDate"));
        assertThat(quote.get("validFor")).isEqualTo(discounted.json().get("validFor"));
        assertThat(quote.get("discountNeedsApproval").asBoolean()).isTrue();
        TestHttp.Response approval = paul.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(approval.status()).as(approval.body()).isEqualTo(403);
        assertThat(detail(approval)).contains("changed by pm-paul", "another partner-manager than olga-ops, pm-paul",
                "four-eyes");
        assertThat(ops.get(QUOTES + "/" + id).json().get("state").asString()).isEqualTo("inProgress");

        // the buyer partner's harmless patch does not clear the manager who set its discount either
        String partner = activePartner();
        TestHttp reseller = http(TestJwt.partner("reseller", partner, Roles.PARTNER_ADMIN));
        String resold = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0")).json().get("id")
                .asString();
        assertThat(paul.send("PATCH", QUOTES + "/" + resold, "{\"discountPercent\": \"50\"}", PATCH).status())
                .isEqualTo(200);
        assertThat(reseller.send("PATCH", QUOTES + "/" + resold, "{\"externalId\": \"po-7\"}", PATCH).status())
                .isEqualTo(200);
        assertThat(paul.send("PATCH", QUOTES + "/" + resold, "{\"state\": \"approved\"}", PATCH).status())
                .isEqualTo(403);
        TestHttp.Response approved = http(TestJwt.staff("pm-carla", Roles.PARTNER_MANAGER))
                .send("PATCH", QUOTES + "/" + resold, "{\"state\": \"approved\"}", PATCH);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("discountPercent").asString()).isEqualTo("50");
    }

    @Test
    void aDiscountWithinTheManagersLimitIsStillApprovedAndAcceptedByOneUser() {
        String offering = simOnly(null);
        TestHttp anna = http(TestJwt.staff("pm-anna", Roles.PARTNER_MANAGER));
        String id = anna.post(QUOTES, webShopQuote(offering).replace("\"discountPercent\": \"0\"",
                "\"discountPercent\": \"20\"")).json().get("id").asString();

        TestHttp.Response approved = anna.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approval").asString()).isEqualTo("AUTO");
        assertThat(anna.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}", PATCH).status())
                .isEqualTo(200);
    }

    @Test
    void openQuotesExpireAtTheEndOfTheirValidity() {
        String offering = simOnly(null);
        TestHttp staff = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN));
        String body = webShopQuote(offering);
        TestHttp.Response created = staff.post(QUOTES, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        expiry.runOnce(Instant.now().plus(31, ChronoUnit.DAYS));

        JsonNode expired = staff.get(QUOTES + "/" + id).json();
        assertThat(expired.get("state").asString()).isEqualTo("expired");
        assertThat(staff.get(QUOTES + "?state=expired&limit=500").body()).contains(id);
        assertThat(staff.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH).status())
                .isEqualTo(409);
    }

    @Test
    void aQuoteWhoseStoredItemsCannotBeReadIsPutOffAloneAndTheOthersExpire() {
        String offering = simOnly(null);
        TestHttp staff = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN));
        String body = webShopQuote(offering);
        UUID broken = UUID.fromString(staff.post(QUOTES, body).json().get("id").asString());
        String healthy = staff.post(QUOTES, body).json().get("id").asString();
        String items = jdbc.sql("select items::text from quote where id = :id").param("id", broken)
                .query(String.class).single();
        // stored by some other version of the code: an object where a list of priced lines is read
        jdbc.sql("update quote set items = cast('{\"lines\": []}' as jsonb) where id = :id").param("id", broken)
                .update();
        try {
            expiry.runOnce(Instant.now().plus(31, ChronoUnit.DAYS));

            assertThat(staff.get(QUOTES + "/" + healthy).json().get("state").asString()).isEqualTo("expired");
            assertThat(jdbc.sql("select state || ' v' || version from quote where id = :id").param("id", broken)
                    .query(String.class).single()).as("nothing of its expiry applied").isEqualTo("IN_PROGRESS v0");
            assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'quote'"
                    + " and resource_id = :id and action = 'expired'").param("id", broken.toString())
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select attempts || ' ' || last_error from job_item_failure"
                            + " where job = :job and item_id = :id")
                    .param("job", QuoteExpiryJob.LOCK).param("id", broken.toString()).query(String.class).single())
                    .startsWith("1 ").contains("Cannot deserialize");
        } finally {
            jdbc.sql("update quote set items = cast(:items as jsonb) where id = :id").param("items", items)
                    .param("id", broken).update();
            jdbc.sql("delete from job_item_failure where job = :job and item_id = :id")
                    .param("job", QuoteExpiryJob.LOCK).param("id", broken.toString()).update();
        }
    }

    @Test
    void aPartnerSeesOnlyItsQuotesAndUnknownIdsOfAnyShapeAre404() {
        String partner = activePartner();
        String offering = simOnly(null);
        TestHttp mine = http(TestJwt.partner("mine", partner, Roles.PARTNER_USER));
        String id = mine.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0")).json().get("id").asString();
        TestHttp other = http(TestJwt.partner("other", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));

        assertThat(other.get(QUOTES + "/" + id).status()).isEqualTo(404);
        assertThat(other.send("PATCH", QUOTES + "/" + id, "{\"state\": \"rejected\"}", PATCH).status())
                .isEqualTo(404);
        assertThat(other.get(QUOTES).body()).doesNotContain(id);
        assertThat(mine.get(QUOTES + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(mine.get(QUOTES + "/not-an-id").status()).isEqualTo(404);
        TestHttp.Response list = mine.get(QUOTES + "?fields=state&limit=1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(list.header("X-Result-Count")).isEqualTo("1");
        assertThat(list.json().get(0).has("quoteItem")).isFalse();
        assertThat(http(TestJwt.staff("auditor", Roles.AUDITOR)).get(QUOTES + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void quotesAreFilteredByTheirCustomerSalesChannelOrBuyer() {
        String offering = simOnly(null);
        String partner = activePartner();
        String customer = "customer-" + UUID.randomUUID();
        TestHttp reseller = http(TestJwt.partner("reseller", partner, Roles.PARTNER_ADMIN));
        String resold = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0")
                .replace("customer-1", customer)).json().get("id").asString();
        String channel = "S64-shop-" + UUID.randomUUID();
        TestHttp staff = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN));
        String shop = staff.post(QUOTES, webShopQuote(offering).replace("web-shop", channel)).json().get("id")
                .asString();

        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + customer))).containsExactly(resold);
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + channel))).containsExactly(shop);
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + partner))).containsExactly(resold);
        assertThat(ids(reseller.get(QUOTES + "?relatedParty.id=" + channel))).as("tenancy holds").isEmpty();
        // TMF630 for relatedParty.id too (until 2026-12-07 it took one id: a comma was part of it and matched nothing)
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + customer + "," + channel)))
                .containsExactly(resold, shop);
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + channel + "&relatedParty.id=" + partner + ",other")))
                .containsExactly(resold, shop);
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + customer + "," + partner))).containsExactly(resold);
        assertThat(ids(reseller.get(QUOTES + "?relatedParty.id=" + channel + "," + customer)))
                .as("a partner's own tenancy still applies").containsExactly(resold);
        TestHttp stranger = http(TestJwt.partner("stranger", activePartner(), Roles.PARTNER_ADMIN));
        assertThat(ids(stranger.get(QUOTES + "?relatedParty.id=" + partner + "," + customer + "," + channel)))
                .as("another partner's ids name nothing of theirs").isEmpty();
        TestHttp.Response counted = staff.get(QUOTES + "?relatedParty.id=" + customer + "&state=inProgress");
        assertThat(counted.header("X-Total-Count")).isEqualTo("1");
        // TMF630: a comma separates alternatives, a repeated parameter adds more, and both combine
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + customer + "&state=approved,rejected"
                + "&state=inProgress"))).containsExactly(resold);
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + customer + "&state=approved,rejected"
                + "&state=expired"))).isEmpty();
        assertThat(ids(staff.get(QUOTES + "?relatedParty.id=" + customer + "&state=")))
                .as("a lone empty state asks for none, as it always did").containsExactly(resold);
        TestHttp.Response escaped = staff.get(QUOTES + "?state=inProgress%5C,approved&state=approved");
        assertThat(escaped.status()).as("\\, is a comma inside one value, and no state has one").isEqualTo(400);
        assertThat(escaped.json().at("/violations/0/field").asString()).isEqualTo("state");
        assertThat(message(escaped)).contains("'inProgress,approved'");
        TestHttp.Response unknownAmong = staff.get(QUOTES + "?state=inProgress&state=approved,bogus");
        assertThat(unknownAmong.status()).isEqualTo(400);
        assertThat(message(unknownAmong)).contains("'bogus'");
    }

    private static List<String> ids(TestHttp.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().map(quote -> quote.get("id").asString()).toList();
    }

    @Test
    void badInputIs400NamingTheItemAndCharacteristicAndNothingIsCreated() {
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));
        long before = count();

        assertViolation(reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 500", "0")),
                "quoteItem[0].product.productCharacteristic[0]", "'dataVolumeGb'");
        assertViolation(reseller.post(QUOTES, quote(offering, 1, "\"colour\": \"red\"", "0")),
                "quoteItem[0].product.productCharacteristic[0]", "'colour'");
        assertViolation(reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5, \"simType\": \"eSIM\"",
                "0")), "quoteItem[0].product.productCharacteristic[1]", "'simType'");
        assertViolation(reseller.post(QUOTES, quote(offering, 1, "\"network\": \"5G\"", "0")),
                "quoteItem[0].product.productCharacteristic", "'dataVolumeGb' is mandatory");
        assertProblem(reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0")
                .replace("\"relatedParty\"", "\"ignoredParty\"")), "ignoredParty");
        assertProblem(reseller.post(QUOTES, "{\"relatedParty\": [{\"id\": \"c\", \"role\": \"Customer\"}]}"),
                "quoteItem");
        assertViolation(reseller.post(QUOTES, quote(UUID.randomUUID().toString(), 1, "\"x\": 1", "0")),
                "quoteItem[0].productOffering.id", "Quote item '1'");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aViolationNamesItemAndCharacteristicByTheirIndexAsSentAndTheItemsIdInTheMessage() {
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));
        String twoItems = """
                {"relatedParty": [{"id": "customer-1", "role": "Customer"}],
                 "quoteItem": [{"id": "7", "action": "add", "quantity": 1, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 5}]}},
                               {"id": "3", "action": "add", "quantity": %d, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [%s]}}]}""";

        String volume5 = value("dataVolumeGb", "5");
        assertViolation(reseller.post(QUOTES, twoItems.formatted(offering, 1, offering,
                        value("network", "\"5G\"") + ", " + value("dataVolumeGb", "500"))),
                "quoteItem[1].product.productCharacteristic[1]", "Quote item '3': characteristic 'dataVolumeGb'");
        assertViolation(reseller.post(QUOTES, twoItems.formatted(offering, 1, offering,
                        volume5 + ", " + value("dataVolumeGb", "6"))),
                "quoteItem[1].product.productCharacteristic[1]", "'dataVolumeGb' is given twice");
        assertViolation(reseller.post(QUOTES, twoItems.formatted(offering, 1, UUID.randomUUID(), volume5)),
                "quoteItem[1].productOffering.id", "Quote item '3'");
        assertViolation(reseller.post(QUOTES, twoItems.formatted(offering, 0, offering, volume5)),
                "quoteItem[1].quantity", OrderPricing.QUANTITY_RANGE);
        assertViolation(reseller.post(QUOTES, twoItems.formatted(offering, 1, offering, volume5)
                .replace("\"3\"", "\"7\"")), "quoteItem[1].id", "'7' is used twice");
    }

    /** A TMF characteristic value: its name and its value as JSON. */
    private static String value(String name, String json) {
        return "{\"name\": \"" + name + "\", \"value\": " + json + "}";
    }

    @Test
    void aPartnerQuotesItsOwnCoCreatedAndCspOfferingsButAnotherPartnersIsAsUnknown() {
        String owner = activePartner();
        String coCreator = activePartner();
        String offering = simOnly(owner, coCreator);
        String csp = simOnly(null);
        String unknown = UUID.randomUUID().toString();
        TestHttp stranger = http(TestJwt.partner("stranger", activePartner(), Roles.PARTNER_ADMIN));
        long before = count();

        TestHttp.Response hidden = stranger.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0"));
        TestHttp.Response missing = stranger.post(QUOTES, quote(unknown, 1, "\"dataVolumeGb\": 5", "0"));

        assertViolation(hidden, "quoteItem[0].productOffering.id", "Quote item '1'");
        assertThat(message(hidden)).contains("is not launched or not offered to this buyer");
        assertThat(hidden.body()).doesNotContain("19.99", owner);
        assertThat(message(hidden).replace(offering, "<id>")).as("not told apart from an unknown offering")
                .isEqualTo(message(missing).replace(unknown, "<id>"));
        assertThat(count()).isEqualTo(before);
        TestHttp.Response resold = stranger.post(QUOTES, quote(csp, 1, "\"dataVolumeGb\": 5", "0"));
        assertThat(resold.status()).as("a CSP offering is resold: " + resold.body()).isEqualTo(201);
        TestHttp.Response changed = stranger.send("PATCH", QUOTES + "/" + resold.json().get("id").asString(), """
                {"quoteItem": [{"id": "1", "quantity": 1, "productOffering": {"id": "%s"},
                 "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 5}]}}]}"""
                .formatted(offering), PATCH);
        assertViolation(changed, "quoteItem[0].productOffering.id", "Quote item '1'");
        for (String partner : new String[]{owner, coCreator}) {
            TestHttp.Response allowed = http(TestJwt.partner("p", partner, Roles.PARTNER_ADMIN)).post(QUOTES,
                    quote(offering, 1, "\"dataVolumeGb\": 5", "0"));
            assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        }
        TestHttp.Response staff = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN)).post(QUOTES,
                webShopQuote(offering));
        assertThat(staff.status()).as("staff see every offering: " + staff.body()).isEqualTo(201);
    }

    @Test
    void aPartnerThatDoesNotResellBuysNoneOfTheCspsOfferingsButItsOwn() {
        String csp = simOnly(null);
        String partner = UUID.randomUUID().toString();
        PartnerEvents.activated(partner, "Sell-through " + partner.substring(0, 8), "SELL_THROUGH",
                UUID.randomUUID().toString(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from partner_view where id = "
                + "cast(:id as uuid) and business_model = 'SELL_THROUGH'").param("id", partner).query(Long.class)
                .single() == 1);
        String own = simOnly(partner);
        TestHttp sellThrough = http(TestJwt.partner("st", partner, Roles.PARTNER_ADMIN));
        long before = count();

        TestHttp.Response refused = sellThrough.post(QUOTES, quote(csp, 1, "\"dataVolumeGb\": 5", "0"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("SELL_THROUGH", "RESELL", csp);
        assertThat(count()).isEqualTo(before);
        assertThat(sellThrough.post(QUOTES, quote(own, 1, "\"dataVolumeGb\": 5", "0")).status()).isEqualTo(201);
        // staff naming it as the buyer are refused alike; a CSP sales channel buys it
        TestHttp staff = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN));
        TestHttp.Response forIt = staff.post(QUOTES, quote(csp, 1, "\"dataVolumeGb\": 5", "0").replace(
                "\"role\": \"Customer\"}", "\"role\": \"Customer\"}, {\"id\": \"" + partner
                        + "\", \"role\": \"Buyer\"}"));
        assertThat(forIt.status()).as(forIt.body()).isEqualTo(409);
        assertThat(staff.post(QUOTES, webShopQuote(csp)).status()).isEqualTo(201);
    }

    @Test
    void aSuspendedPartnersOfferingIsRefusedWith409NamingTheReason() {
        String owner = activePartner();
        String offering = simOnly(owner);
        PartnerEvents.statusChanged(owner, "ACTIVE", "SUSPENDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !offerings.sellability(offering, Instant.now()).sellable());

        TestHttp.Response refused = http(TestJwt.staff("sales", Roles.PLATFORM_ADMIN)).post(QUOTES,
                quote(offering, 1, "\"dataVolumeGb\": 5", "0").replace("\"role\": \"Customer\"}",
                        "\"role\": \"Customer\"}, {\"id\": \"shop\", \"role\": \"SalesChannel\"}"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("SUSPENDED", owner);
    }

    @Test
    void anApprovedQuoteIsNotAcceptedOnceTheOfferingsOwnerIsTerminated() {
        String owner = activePartner();
        String partner = activePartner();
        String offering = simOnly(owner, partner);
        TestHttp reseller = http(TestJwt.partner("reseller", partner, Roles.PARTNER_ADMIN));
        String id = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0")).json().get("id")
                .asString();
        assertThat(reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH).status())
                .isEqualTo(200);
        PartnerEvents.statusChanged(owner, "ACTIVE", "TERMINATED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !offerings.sellability(offering, Instant.now()).sellable());

        TestHttp.Response refused = reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}", PATCH);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("TERMINATED");
        assertThat(reseller.get(QUOTES + "/" + id).json().get("state").asString()).isEqualTo("approved");
        TestHttp.Response bogus = reseller.get(QUOTES + "?state=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(message(bogus)).as("lists the states accepted").contains("'bogus'", "inProgress", "approved",
                "accepted", "rejected", "expired");
    }

    @Test
    void ofAcceptanceAndRejectionRacingExactlyOneWins() throws Exception {
        String offering = simOnly(null);
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));
        String id = reseller.post(QUOTES, quote(offering, 1, "\"dataVolumeGb\": 5", "0")
                .replace("\"discountPercent\"", "\"externalId\": \"race-" + offering + "\", \"discountPercent\""))
                .json().get("id").asString();
        reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"approved\"}", PATCH);

        var accept = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"accepted\"}", PATCH).status());
        var reject = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                reseller.send("PATCH", QUOTES + "/" + id, "{\"state\": \"rejected\"}", PATCH).status());

        assertThat(List.of(accept.get(), reject.get())).containsExactlyInAnyOrder(200, 409);
        String state = reseller.get(QUOTES + "/" + id).json().get("state").asString();
        assertThat(state).isEqualTo(accept.get() == 200 ? "accepted" : "rejected");
        TestHttp.Response filtered = reseller.get(QUOTES + "?externalId=race-" + offering);
        assertThat(filtered.header("X-Total-Count")).isEqualTo("1");
        assertThat(filtered.json().get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aBundleIsPricedFromItsComponentsOrItsOwnPrice() {
        String a = simOnly(null);
        String b = simOnly(null);
        String sum = UUID.randomUUID().toString();
        String own = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.bundle(sum, "Duo", "SUM_OF_COMPONENTS", List.of(a, b), List.of()), 1L);
        CatalogEvents.send(CatalogEvents.bundle(own, "Duo flat", "OWN", List.of(a, b),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "30", PAST, null))), 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> offerings.find(own).isPresent()
                && offerings.find(sum).isPresent());
        TestHttp reseller = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN));

        JsonNode summed = reseller.post(QUOTES, quote(sum, 1, "\"dataVolumeGb\": 5", "0")).json();
        JsonNode flat = reseller.post(QUOTES, quote(own, 1, "\"dataVolumeGb\": 5", "0")).json();

        assertThat(total(summed, "recurring")).isEqualTo("39.98");
        assertThat(total(summed, "oneTime")).isEqualTo("98");
        assertThat(total(flat, "recurring")).isEqualTo("30");
        assertThat(flat.get("quoteTotalPrice").size()).isEqualTo(1);
    }

    @Test
    void theDocumentedExampleIsAccepted() throws Exception {
        String offering = "8f6e1c2a-5d3b-4b8e-9a7f-1c2d3e4f5a6b";
        CatalogEvents.send(CatalogEvents.launched(offering, null, "SIM only", List.of(
                        CatalogEvents.number("dataVolumeGb", "1", "100", true),
                        CatalogEvents.choice("simType", List.of("SIM", "eSIM"), true)),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "19.99", PAST, null))), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> offerings.find(offering).isPresent());
        String example;
        try (var in = getClass().getResourceAsStream("/examples/orchestration/quote.json")) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        TestHttp.Response created = http(TestJwt.partner("reseller", activePartner(), Roles.PARTNER_ADMIN))
                .post(QUOTES, example);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(total(created.json(), "recurring")).isEqualTo("37.981");
    }

    /** A 400 whose first violation names exactly {@code field} (the JSON path as sent), its message {@code says}. */
    private static void assertViolation(TestHttp.Response response, String field, String says) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/violations/0/field").asString()).as(response.body()).isEqualTo(field);
        assertThat(message(response)).contains(says);
    }

    private static void assertProblem(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }

    private static String detail(TestHttp.Response problem) {
        return problem.json().get("detail").asString();
    }

    private static String message(TestHttp.Response problem) {
        return problem.json().get("violations").get(0).get("message").asString();
    }

    private long count() {
        return jdbc.sql("select count(*) from quote").query(Long.class).single();
    }

    private static String total(JsonNode quote, String type) {
        for (JsonNode total : quote.get("quoteTotalPrice")) {
            if (total.get("priceType").asString().equals(type)) {
                return total.at("/price/dutyFreeAmount/value").asString();
            }
        }
        return null;
    }

    private static String quote(String offering, int quantity, String characteristics, String discount) {
        StringBuilder values = new StringBuilder();
        for (String pair : characteristics.split(",")) {
            String[] parts = pair.split(":", 2);
            values.append(values.isEmpty() ? "" : ",").append("{\"name\": ").append(parts[0].trim())
                    .append(", \"value\": ").append(parts[1].trim()).append("}");
        }
        return """
                {"relatedParty": [{"id": "customer-1", "role": "Customer"}],
                 "discountPercent": "%s",
                 "quoteItem": [{"id": "1", "action": "add", "quantity": %d, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [%s]}}]}
                """.formatted(discount, quantity, offering, values);
    }

    /**
     * A launched offering of {@code owner} ({@code null}: the CSP's), co-created with {@code participants}: data
     * volume 1–100 (mandatory), SIM type fixed, 19.99 a month, 49 once, 0.01/MB.
     */
    private String simOnly(String owner, String... participants) {
        String id = UUID.randomUUID().toString();
        OfferingLaunched plain = CatalogEvents.launched(id, owner, "SIM only", List.of(
                        CatalogEvents.number("dataVolumeGb", "1", "100", true),
                        CatalogEvents.fixed("simType", "SIM"),
                        CatalogEvents.choice("network", List.of("4G", "5G"), false)),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "19.99", PAST, null),
                        CatalogEvents.price("setup", 1, "ONE_TIME", "49", PAST, null),
                        CatalogEvents.price("data", 1, "USAGE", "0.01", PAST, null)));
        CatalogEvents.send(new OfferingLaunched(plain.eventId(), plain.occurredAt(), id, 1, owner,
                plain.externalId(), plain.name(), null, plain.categoryCode(), plain.salesChannels(), null, null, false,
                null, List.of(), plain.specification(), java.util.Arrays.stream(participants)
                .map(partner -> new OfferingLaunched.Participant(partner, "20")).toList(), plain.prices()), 1L);
        await().atMost(Duration.ofSeconds(30)).until(() -> offerings.find(id).isPresent()
                && offerings.sellability(id, Instant.now()).sellable());
        return id;
    }

    private String activePartner() {
        String partner = UUID.randomUUID().toString();
        PartnerEvents.activated(partner, "Reseller " + partner.substring(0, 8));
        return partner;
    }

    private TestHttp http(String token) {
        return TestHttp.localPort(port).as(token);
    }

    /** A quote of one SIM-only line with 5 GB for a customer through the web shop (a sales channel). */
    private String webShopQuote(String offering) {
        return quote(offering, 1, "\"dataVolumeGb\": 5", "0")
                .replace("\"role\": \"Customer\"}", "\"role\": \"Customer\"}, {\"id\": \"web-shop\", "
                        + "\"role\": \"SalesChannel\"}");
    }
}
