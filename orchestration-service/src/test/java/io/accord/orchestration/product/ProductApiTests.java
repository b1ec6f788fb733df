package io.accord.orchestration.product;

import io.accord.contracts.Roles;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF637 product inventory: the resource, list filters, fields and paging, 404s, merge-patch, tenancy per role (a
 * partner's own patches: {@link PartnerProductPatchTests}).
 */
@AccordServiceTest
class ProductApiTests {

    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product";
    private static final String PATCH = "application/merge-patch+json";

    @LocalServerPort
    int port;
    private final Products products;
    private final TestProducts test;
    private final JdbcClient jdbc;

    ProductApiTests(Products products, SellableOfferings offerings, JdbcClient jdbc) {
        this.products = products;
        this.test = new TestProducts(offerings, products, jdbc);
        this.jdbc = jdbc;
    }

    @Test
    void anActiveInstanceIsShownAsATmf637Product() {
        String owner = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        String offering = test.offering(owner, List.of(new OfferingLaunched.Participant(participant, "25")));
        UUID buyer = UUID.randomUUID();
        ProductView product = test.active(offering, buyer);

        TestHttp.Response read = staff().get(PRODUCTS + "/" + product.id());

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode json = read.json();
        assertThat(json.get("id").asString()).isEqualTo(product.id().toString());
        assertThat(json.get("href").asString()).isEqualTo(PRODUCTS + "/" + product.id());
        assertThat(json.get("@type").asString()).isEqualTo("Product");
        assertThat(json.get("name").asString()).isEqualTo(product.offeringName());
        assertThat(json.get("status").asString()).isEqualTo("active");
        assertThat(json.at("/productOffering/id").asString()).isEqualTo(offering);
        assertThat(json.get("relatedParty").valueStream().filter(party -> "Customer".equals(party.get("role")
                .asString())).map(party -> party.get("@referredType").asString())).containsExactly("Customer");
        assertThat(json.at("/productOffering/name").asString()).isEqualTo(product.offeringName());
        assertThat(json.at("/productCharacteristic/0/name").asString()).isEqualTo("dataVolumeGb");
        assertThat(json.at("/productCharacteristic/0/value").asString()).isEqualTo("20");
        assertThat(json.at("/productPrice/0/priceType").asString()).isEqualTo("recurring");
        assertThat(json.at("/productPrice/0/recurringChargePeriod").asString()).isEqualTo("month");
        assertThat(json.at("/productPrice/0/price/dutyFreeAmount/value").asString()).isEqualTo("19.990000");
        assertThat(json.at("/productPrice/0/price/dutyFreeAmount/unit").asString()).isEqualTo("EUR");
        assertThat(json.at("/productPrice/1/priceType").asString()).isEqualTo("oneTime");
        assertThat(json.at("/realizingResource/0/@referredType").asString()).isEqualTo("MSISDN");
        assertThat(json.at("/realizingResource/0/value").asString())
                .isEqualTo(product.resources().getFirst().value());
        assertThat(json.at("/realizingResource/0/id").asString())
                .isEqualTo(product.resources().getFirst().reservationId().toString());
        assertThat(json.at("/subscriberIdentifier/0/type").asString()).isEqualTo("MSISDN");
        assertThat(roles(json)).containsExactly("Owner:" + owner, "Participant:" + participant,
                "Buyer:" + buyer, "Customer:" + product.customerId());
        assertThat(json.get("startDate").isString()).isTrue();
        assertThat(json.has("terminationDate")).isFalse();
        assertThat(json.at("/productOrderItem/0/productOrderId").asString()).isEqualTo(product.orderId());
        assertThat(json.at("/productOrderItem/0/orderItemId").asString()).isEqualTo("1");
    }

    @Test
    void partnersSeeTheInstancesOfTheirOfferingsAndThoseTheyBoughtAndNothingElse() {
        String owner = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        UUID buyer = UUID.randomUUID();
        String offering = test.offering(owner, List.of(new OfferingLaunched.Participant(participant, "25")));
        ProductView active = test.active(offering, buyer);
        String id = active.id().toString();
        String cspOffering = test.offering(null, List.of());
        String bought = test.created(cspOffering, buyer).id().toString();

        // any related party finds it: owner, participant, buyer partner, customer (alone and among others)
        TestHttp staff = staff();
        for (String party : List.of(owner, participant, buyer.toString(), active.customerId(),
                "nobody&relatedParty.id=" + participant)) {
            assertThat(ids(staff.get(PRODUCTS + "?productOffering.id=" + offering + "&relatedParty.id=" + party)
                    .json())).as(party).containsExactly(id);
        }
        for (String party : List.of(owner.toUpperCase(), "nobody", UUID.randomUUID().toString())) {
            assertThat(staff.get(PRODUCTS + "?productOffering.id=" + offering + "&relatedParty.id=" + party)
                    .header("X-Total-Count")).as(party).isEqualTo("0");
        }

        for (String partner : List.of(owner, participant, buyer.toString())) {
            TestHttp http = http(TestJwt.partner("user", partner, Roles.PARTNER_USER));
            assertThat(http.get(PRODUCTS + "/" + id).status()).as(partner).isEqualTo(200);
            assertThat(http.get(PRODUCTS + "?limit=500").body()).contains(id);
        }
        TestHttp buyerHttp = http(TestJwt.partner("buyer", buyer.toString(), Roles.PARTNER_ADMIN));
        TestHttp.Response mine = buyerHttp.get(PRODUCTS);
        assertThat(mine.header("X-Total-Count")).isEqualTo("2");
        assertThat(ids(mine.json())).containsExactly(id, bought);
        TestHttp ownerHttp = http(TestJwt.partner("owner", owner, Roles.PARTNER_ADMIN));
        assertThat(ownerHttp.get(PRODUCTS + "/" + bought).status()).as("a CSP offering bought by another")
                .isEqualTo(404);

        TestHttp other = http(TestJwt.partner("other", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        assertThat(other.get(PRODUCTS + "/" + id).status()).isEqualTo(404);
        assertThat(other.get(PRODUCTS).header("X-Total-Count")).isEqualTo("0");
        assertThat(http(TestJwt.staff("auditor", Roles.AUDITOR)).get(PRODUCTS + "/" + id).status()).isEqualTo(200);
        assertThat(http(TestJwt.staff("finance", Roles.FINANCE)).get(PRODUCTS + "/" + bought).status())
                .isEqualTo(200);
    }

    @Test
    void listsFilterByStatusOfferingAndPartyPageAndSelectFields() {
        String offering = test.offering(UUID.randomUUID().toString(), List.of());
        UUID buyer = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(test.active(offering, buyer).id().toString());
        }
        String created = test.created(offering, buyer).id().toString();
        products.suspend(UUID.fromString(ids.get(1)), "unpaid",
                Suspension.byStaff("ops", java.time.Instant.now()));
        TestHttp staff = staff();

        TestHttp.Response all = staff.get(PRODUCTS + "?productOffering.id=" + offering);
        assertThat(all.header("X-Total-Count")).isEqualTo("4");
        assertThat(ids(all.json())).containsExactly(ids.get(0), ids.get(1), ids.get(2), created);
        TestHttp.Response active = staff.get(PRODUCTS + "?productOffering.id=" + offering + "&status=active");
        assertThat(ids(active.json())).containsExactly(ids.get(0), ids.get(2));
        TestHttp.Response either = staff.get(PRODUCTS + "?productOffering.id=" + offering
                + "&status=suspended&status=created");
        assertThat(ids(either.json())).containsExactly(ids.get(1), created);
        // TMF630: a comma separates alternatives, a repeated parameter adds more, and both combine
        TestHttp.Response combined = staff.get(PRODUCTS + "?productOffering.id=" + offering
                + "&status=suspended,terminated&status=created");
        assertThat(combined.status()).as(combined.body()).isEqualTo(200);
        assertThat(ids(combined.json())).containsExactly(ids.get(1), created);
        assertThat(ids(staff.get(PRODUCTS + "?productOffering.id=" + offering + "&status=").json()))
                .as("a lone empty status asks for none, as it always did").hasSize(4);
        TestHttp.Response escaped = staff.get(PRODUCTS + "?status=active%5C,created&status=created");
        assertThat(escaped.status()).as("\\, is a comma inside one value, and no status has one").isEqualTo(400);
        assertThat(escaped.json().at("/violations/0/field").asString()).isEqualTo("status");
        assertThat(escaped.json().at("/violations/0/message").asString()).contains("'active,created'");
        TestHttp.Response unknownAmong = staff.get(PRODUCTS + "?status=active&status=created,bogus");
        assertThat(unknownAmong.status()).isEqualTo(400);
        assertThat(unknownAmong.json().at("/violations/0/message").asString()).contains("'bogus'");
        // read from the request, the status filter is still documented as a list
        JsonNode documented = TestHttp.localPort(port).get("/v3/api-docs").json()
                .at("/paths/~1tmf-api~1productInventory~1v4~1product/get/parameters");
        assertThat(documented.valueStream().filter(parameter -> parameter.path("name").asString().equals("status"))
                .map(parameter -> parameter.path("in").asString() + " " + parameter.at("/schema/type").asString()))
                .as(documented.toString()).containsExactly("query array");
        TestHttp.Response byBuyer = staff.get(PRODUCTS + "?relatedParty.id=" + buyer + "&status=active");
        assertThat(ids(byBuyer.json())).containsExactly(ids.get(0), ids.get(2));

        TestHttp.Response page = staff.get(PRODUCTS + "?productOffering.id=" + offering + "&offset=1&limit=2"
                + "&fields=status");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("4");
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        assertThat(ids(page.json())).containsExactly(ids.get(1), ids.get(2));
        JsonNode selected = page.json().get(0);
        assertThat(selected.get("status").asString()).isEqualTo("suspended");
        assertThat(selected.has("productOffering")).isFalse();
        assertThat(selected.has("href")).isTrue();

        TestHttp.Response byName = staff.get(PRODUCTS + "?productOffering.id=" + offering + "&statusReason=unpaid");
        assertThat(ids(byName.json())).as("a simple attribute compared on the resource").containsExactly(ids.get(1));
        assertThat(staff.get(PRODUCTS + "?status=bogus").status()).isEqualTo(400);
        TestHttp.Response unknown = staff.get(PRODUCTS + "?colour=red");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/violations/0/message").asString()).as("lists every filter accepted")
                .contains("'colour'", "productOffering.id", "relatedParty.id", "status", "statusReason");
        TestHttp.Response structured = staff.get(PRODUCTS + "?relatedParty=x");
        assertThat(structured.status()).as("structured").isEqualTo(400);
        assertThat(structured.json().at("/violations/0/message").asString()).contains("relatedParty.id");
        assertThat(staff.get(PRODUCTS + "?limit=0").status()).isEqualTo(400);
    }

    @Test
    void unknownIdsOfAnyShapeAre404() {
        TestHttp staff = staff();

        assertThat(staff.get(PRODUCTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(staff.get(PRODUCTS + "/not-an-id").status()).isEqualTo(404);
        assertThat(staff.get(PRODUCTS + "/12345").status()).isEqualTo(404);
        assertThat(staff.send("PATCH", PRODUCTS + "/" + UUID.randomUUID(), "{\"status\": \"suspended\"}", PATCH)
                .status()).isEqualTo(404);
        assertThat(staff.send("PATCH", PRODUCTS + "/nope", "{\"status\": \"suspended\"}", PATCH).status())
                .isEqualTo(404);
    }

    @Test
    void staffSuspendResumeAndTerminateByMergePatchAndEachChangeIsAnEvent() throws Exception {
        String offering = test.offering(UUID.randomUUID().toString(), List.of());
        ProductView product = test.active(offering, UUID.randomUUID());
        String path = PRODUCTS + "/" + product.id();
        TestHttp ops = http(TestJwt.staff("ops", Roles.OPS));

        TestHttp.Response suspended = ops.send("PATCH", path, example(), PATCH);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("status").asString()).isEqualTo("suspended");
        assertThat(suspended.json().get("statusReason").asString()).isEqualTo("unpaid invoice 2026-11");
        TestHttp.Response again = ops.send("PATCH", path, "{\"status\": \"suspended\"}", PATCH);
        assertThat(again.status()).as("the status it has: nothing changes").isEqualTo(200);

        TestHttp.Response resumed = ops.send("PATCH", path, "{\"status\": \"active\"}", PATCH);
        assertThat(resumed.json().get("status").asString()).isEqualTo("active");
        assertThat(resumed.json().get("statusReason").asString()).contains("ops");
        TestHttp.Response terminated = http(TestJwt.staff("admin", Roles.PLATFORM_ADMIN)).send("PATCH", path,
                "{\"status\": \"terminated\", \"statusReason\": \"fraud\"}", PATCH);
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(terminated.json().get("status").asString()).isEqualTo("terminated");
        assertThat(terminated.json().get("terminationDate").isString()).isTrue();
        assertThat(ops.send("PATCH", path, "{\"status\": \"active\"}", PATCH).status()).isEqualTo(409);

        assertThat(test.events(product.id())).extracting(TestProducts.Outboxed::type).containsExactly(
                "ProductActivated", "ProductModified", "ProductModified", "ProductTerminated");
    }

    @Test
    void aPatchOfAnythingButStatusIs400NamingTheFieldAndReadersMayNotPatch() {
        String offering = test.offering(UUID.randomUUID().toString(), List.of());
        UUID buyer = UUID.randomUUID();
        ProductView product = test.active(offering, buyer);
        ProductView created = test.created(offering, buyer);
        String path = PRODUCTS + "/" + product.id();
        TestHttp ops = http(TestJwt.staff("ops", Roles.OPS));

        assertProblem(ops.send("PATCH", path, "{\"name\": \"renamed\"}", PATCH), 400, "name");
        assertProblem(ops.send("PATCH", path, "{\"status\": \"suspended\", \"startDate\": \"2026-01-01T00:00:00Z\"}",
                PATCH), 400, "startDate");
        assertProblem(ops.send("PATCH", path, "{\"statusReason\": \"why\"}", PATCH), 400, "status");
        assertProblem(ops.send("PATCH", path, "{\"status\": \"created\"}", PATCH), 400, "status");
        assertProblem(ops.send("PATCH", path, "{\"status\": 5}", PATCH), 400, "status");
        assertProblem(ops.send("PATCH", path, "[1]", PATCH), 400, "body");
        assertProblem(ops.send("PATCH", PRODUCTS + "/" + created.id(), "{\"status\": \"suspended\"}", PATCH), 409,
                "created");
        assertThat(http(TestJwt.staff("auditor", Roles.AUDITOR))
                .send("PATCH", path, "{\"status\": \"suspended\"}", PATCH).status()).isEqualTo(403);

        assertThat(products.find(product.id()).orElseThrow().state()).isEqualTo(ProductState.ACTIVE);
        assertThat(test.events(product.id())).hasSize(1);
    }

    @Test
    void theHubNotifiesThePartnersWhoMaySeeTheInstance() {
        String owner = UUID.randomUUID().toString();
        UUID buyer = UUID.randomUUID();
        String ownerSubscription = subscribe(owner);
        String buyerSubscription = subscribe(buyer.toString());
        String strangerSubscription = subscribe(UUID.randomUUID().toString());
        String offering = test.offering(owner, List.of());

        ProductView product = test.active(offering, buyer);
        products.suspend(product.id(), "unpaid", Suspension.byStaff("ops", java.time.Instant.now()));

        List<String> expected = List.of("ProductCreateEvent", "ProductStateChangeEvent", "ProductStateChangeEvent");
        assertThat(eventsFor(ownerSubscription, product.id())).isEqualTo(expected);
        assertThat(eventsFor(buyerSubscription, product.id())).isEqualTo(expected);
        assertThat(eventsFor(strangerSubscription, product.id())).isEmpty();
    }

    private String subscribe(String partner) {
        TestHttp.Response registered = http(TestJwt.partner("admin", partner, Roles.PARTNER_ADMIN))
                .post("/tmf-api/productInventory/v4/hub", "{\"callback\": \"http://localhost:9/products\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private List<String> eventsFor(String subscription, UUID productId) {
        return jdbc.sql("""
                        select e.event_type from hub_delivery d join hub_event e on e.id = d.event_id
                        where d.subscription_id = :subscription and e.payload like :product order by d.seq
                        """)
                .param("subscription", UUID.fromString(subscription)).param("product", "%" + productId + "%")
                .query(String.class).list();
    }

    private static void assertProblem(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(field);
    }

    private static List<String> ids(JsonNode list) {
        return list.valueStream().map(product -> product.get("id").asString()).toList();
    }

    private static List<String> roles(JsonNode product) {
        return product.get("relatedParty").valueStream()
                .map(party -> party.get("role").asString() + ":" + party.get("id").asString()).toList();
    }

    private static String example() throws Exception {
        try (InputStream in = ProductApiTests.class.getResourceAsStream("/examples/orchestration/product-patch.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private TestHttp staff() {
        return http(TestJwt.staff("staff", Roles.PLATFORM_ADMIN));
    }

    private TestHttp http(String token) {
        return TestHttp.localPort(port).as(token);
    }
}
