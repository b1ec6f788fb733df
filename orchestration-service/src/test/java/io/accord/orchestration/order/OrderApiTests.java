package io.accord.orchestration.order;

import io.accord.contracts.Roles;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.quote.OrderPricing;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
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

/** TMF622 productOrder: create, read, list, merge patch, 4xx naming the field, 409s, tenancy. */
@AccordServiceTest
class OrderApiTests {

    @LocalServerPort
    int port;
    private final SellableOfferings offerings;
    private final JdbcClient jdbc;
    private TestOrders orders;

    OrderApiTests(SellableOfferings offerings, JdbcClient jdbc) {
        this.offerings = offerings;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void helpers() {
        orders = new TestOrders(port, offerings, jdbc);
    }

    @Test
    void aDirectOrderIsPricedNowAnsweredWithLocationAndReadBack() {
        String offering = orders.offering(null, List.of(), false);
        String partner = orders.activePartner();
        TestHttp reseller = orders.partnerAdmin(partner);

        TestHttp.Response created = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-api", null,
                offering, offering).replace("\"relatedParty\"", "\"description\": \"two lines\", \"relatedParty\""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode order = created.json();
        String id = order.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(TestOrders.ORDERS + "/" + id);
        assertThat(order.get("@type").asString()).isEqualTo("ProductOrder");
        assertThat(order.get("state").asString()).isIn("acknowledged", "inProgress", "completed");
        assertThat(order.get("orderDate").isNull()).isFalse();
        assertThat(order.at("/productOrderItem/0/action").asString()).isEqualTo("add");
        assertThat(order.at("/productOrderItem/0/productOffering/id").asString()).isEqualTo(offering);
        assertThat(order.at("/productOrderItem/0/itemPrice").valueStream()
                .map(price -> price.get("priceType").asString() + " " + price.at("/price/dutyFreeAmount/value")
                        .asString())).containsExactlyInAnyOrder("recurring 19.99", "oneTime 49");
        assertThat(order.get("orderTotalPrice").valueStream().map(price -> price.at("/price/dutyFreeAmount/value")
                .asString())).containsExactlyInAnyOrder("39.98", "98");
        assertThat(order.at("/relatedParty/1/id").asString()).isEqualTo(partner);
        assertThat(order.at("/relatedParty/0/role").asString()).isEqualTo("Customer");
        assertThat(order.at("/relatedParty/0/@referredType").asString()).as("TMF RelatedParty requires it")
                .isEqualTo("Customer");

        JsonNode completed = orders.awaitState(reseller, id, "completed");
        assertThat(completed.get("description").asString()).isEqualTo("two lines");
        assertThat(completed.get("productOrderItem").valueStream().map(item -> item.get("state").asString()))
                .containsOnly("completed");
    }

    @Test
    void listsArePagedFilteredAndSelectFields() {
        String offering = orders.offering(null, List.of(), false);
        String partner = orders.activePartner();
        TestHttp reseller = orders.partnerAdmin(partner);
        String customer = "customer-" + UUID.randomUUID();
        String first = reseller.post(TestOrders.ORDERS, TestOrders.order(customer, null, offering)).json().get("id")
                .asString();
        String second = reseller.post(TestOrders.ORDERS, TestOrders.order(customer, null, offering)).json()
                .get("id").asString();
        orders.awaitState(reseller, first, "completed");
        orders.awaitState(reseller, second, "completed");

        TestHttp.Response page = reseller.get(TestOrders.ORDERS + "?limit=1&offset=1&fields=state");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("2");
        assertThat(page.header("X-Result-Count")).isEqualTo("1");
        assertThat(page.json().get(0).get("id").asString()).isEqualTo(second);
        assertThat(page.json().get(0).has("productOrderItem")).isFalse();
        assertThat(reseller.get(TestOrders.ORDERS + "?state=completed").header("X-Total-Count")).isEqualTo("2");
        assertThat(reseller.get(TestOrders.ORDERS + "?state=failed").header("X-Total-Count")).isEqualTo("0");
        TestHttp staff = orders.staff(Roles.AUDITOR);
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer).header("X-Total-Count"))
                .isEqualTo("2");
        // the related party is the customer, the sales channel or the buyer partner, combined with the states
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + partner).header("X-Total-Count"))
                .isEqualTo("2");
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + partner.toUpperCase()).header(
                "X-Total-Count")).isEqualTo("0");
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&state=completed&state=failed")
                .header("X-Total-Count")).isEqualTo("2");
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&state=inProgress")
                .header("X-Total-Count")).isEqualTo("0");
        // TMF630: a comma separates alternatives, a repeated parameter adds more, and both combine
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&state=inProgress,failed"
                + "&state=completed").header("X-Total-Count")).isEqualTo("2");
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&state=inProgress,failed"
                + "&state=cancelled").header("X-Total-Count")).isEqualTo("0");
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&state=").header(
                "X-Total-Count")).as("a lone empty state asks for none, as it always did").isEqualTo("2");
        TestHttp.Response escaped = staff.get(TestOrders.ORDERS + "?state=completed%5C,failed&state=failed");
        assertThat(escaped.status()).as("\\, is a comma inside one value, and no state has one").isEqualTo(400);
        assertThat(escaped.json().at("/violations/0/field").asString()).isEqualTo("state");
        assertThat(message(escaped)).contains("'completed,failed'");
        TestHttp.Response unknownAmong = staff.get(TestOrders.ORDERS + "?state=completed&state=failed,bogus");
        assertThat(unknownAmong.status()).isEqualTo(400);
        assertThat(message(unknownAmong)).contains("'bogus'");
        // one branch per party column and state, merged: each order once, oldest first, whichever column matched
        TestHttp.Response merged = staff.get(TestOrders.ORDERS + "?relatedParty.id=" + partner
                + "&state=completed&state=inProgress&state=completed&fields=id");
        assertThat(merged.header("X-Total-Count")).isEqualTo("2");
        assertThat(merged.json().findValuesAsString("id")).containsExactly(first, second);
        assertThat(staff.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&state=completed&limit=1&offset=1"
                + "&fields=id").json().get(0).get("id").asString()).isEqualTo(second);
        assertThat(reseller.get(TestOrders.ORDERS + "?relatedParty.id=other-" + customer).header("X-Total-Count"))
                .isEqualTo("0");
        TestHttp.Response beyond = reseller.get(TestOrders.ORDERS + "?relatedParty.id=" + customer + "&offset=5");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.header("X-Total-Count")).isEqualTo("2");
        assertThat(beyond.json().size()).isZero();
        TestHttp.Response bogus = reseller.get(TestOrders.ORDERS + "?state=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(message(bogus)).as("lists the states accepted").contains("'bogus'", "acknowledged", "inProgress",
                "pendingCancellation", "completed", "partial", "failed", "cancelled");
        TestHttp.Response colour = reseller.get(TestOrders.ORDERS + "?colour=red");
        assertThat(colour.status()).isEqualTo(400);
        assertThat(message(colour)).as("lists every filter accepted").contains("'colour'", "relatedParty.id", "state");
    }

    /** TMF630 for relatedParty.id too: until 2026-12-07 it took one id (a comma was part of it and matched nothing). */
    @Test
    void relatedPartyTakesAlternativesWithinTheCallersTenancy() {
        String offering = orders.offering(null, List.of(), false);
        String partnerA = orders.activePartner();
        String partnerB = orders.activePartner();
        TestHttp resellerA = orders.partnerAdmin(partnerA);
        TestHttp resellerB = orders.partnerAdmin(partnerB);
        String customerA = "customer-" + UUID.randomUUID();
        String customerB = "customer-" + UUID.randomUUID();
        String ofA = resellerA.post(TestOrders.ORDERS, TestOrders.order(customerA, null, offering)).json().get("id")
                .asString();
        String ofB = resellerB.post(TestOrders.ORDERS, TestOrders.order(customerB, null, offering)).json().get("id")
                .asString();
        TestHttp staff = orders.staff(Roles.AUDITOR);

        assertThat(ids(staff, "?relatedParty.id=" + customerA + "," + customerB)).containsExactly(ofA, ofB);
        assertThat(ids(staff, "?relatedParty.id=" + customerB + "&relatedParty.id=" + partnerA)).containsExactly(ofA,
                ofB);
        assertThat(ids(staff, "?relatedParty.id=" + partnerA + "," + customerA + ",nobody"))
                .as("an order named by several of its parties is listed once").containsExactly(ofA);
        assertThat(ids(staff, "?relatedParty.id=" + customerA + "%5C," + customerB)).as("\\, is a comma inside one id")
                .isEmpty();
        assertThat(ids(resellerB, "?relatedParty.id=" + partnerA + "," + customerA + "," + customerB))
                .as("a partner sees only its own among the ids it names").containsExactly(ofB);
        assertThat(ids(resellerB, "?relatedParty.id=" + partnerA + "," + customerA))
                .as("another partner's ids name nothing of theirs").isEmpty();
    }

    private static List<String> ids(TestHttp http, String query) {
        TestHttp.Response list = http.get(TestOrders.ORDERS + query + "&fields=id");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().findValuesAsString("id");
    }

    @Test
    void mergePatchChangesOnlyWhatTmfAllowsBeforeTheEnd() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        String id = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-patch", null, offering)).json()
                .get("id").asString();
        String path = TestOrders.ORDERS + "/" + id;

        assertThat(reseller.send("PATCH", path, "{\"state\": \"completed\"}", TestOrders.PATCH).status())
                .isEqualTo(400);
        assertThat(reseller.send("PATCH", path, "{\"productOrderItem\": []}", TestOrders.PATCH).status())
                .isEqualTo(400);
        orders.awaitState(reseller, id, "completed");
        TestHttp.Response late = reseller.send("PATCH", path, "{\"description\": \"late\"}", TestOrders.PATCH);
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.body()).contains("completed");
    }

    @Test
    void anOpenOrdersDescriptionAndNotesArePatched() {
        String owner = orders.activePartner();
        // a partner system that cannot be reached (retried with backoff) keeps the order open long enough
        String partner = orders.activePartner();
        String offering = orders.offering(owner, List.of(), true, List.of(partner));
        orders.registerWebhook(owner, "http://127.0.0.1:9/never");
        TestHttp reseller = orders.partnerAdmin(partner);
        String id = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-open", null, offering)).json()
                .get("id").asString();

        Instant wanted = Instant.now().plus(Duration.ofDays(18)).truncatedTo(ChronoUnit.SECONDS);
        TestHttp.Response patched = reseller.send("PATCH", TestOrders.ORDERS + "/" + id, """
                {"description": "rush", "requestedCompletionDate": "%s",
                 "note": [{"text": "call before delivery"}]}""".formatted(wanted), TestOrders.PATCH);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("description").asString()).isEqualTo("rush");
        assertThat(Instant.parse(patched.json().get("requestedCompletionDate").asString())).isEqualTo(wanted);
        assertThat(patched.json().at("/note/0/text").asString()).isEqualTo("call before delivery");
        assertThat(patched.json().at("/note/0/author").asString()).isEqualTo("admin-" + partner);
    }

    @Test
    void notesAreAnAppendOnlyLogOfWhoWroteWhatWhen() {
        String owner = orders.activePartner();
        String partner = orders.activePartner();
        String offering = orders.offering(owner, List.of(), true, List.of(partner));
        orders.registerWebhook(owner, "http://127.0.0.1:9/never");
        TestHttp admin = orders.partnerAdmin(partner);
        TestHttp user = TestHttp.localPort(port).as(TestJwt.partner("user-" + partner, partner, Roles.PARTNER_USER));
        assertProblem(admin.post(TestOrders.ORDERS, TestOrders.order("customer-notes", null, offering).replace(
                "\"relatedParty\"", "\"note\": [{\"author\": \"someone-else\", \"text\": \"x\"}], \"relatedParty\"")),
                "note[0].author");
        String path = TestOrders.ORDERS + "/" + admin.post(TestOrders.ORDERS, TestOrders.order("customer-notes",
                null, offering)).json().get("id").asString();
        JsonNode hello = admin.send("PATCH", path, "{\"note\": [{\"text\": \"hello\"}]}", TestOrders.PATCH)
                .json().at("/note/0");

        TestHttp.Response described = user.send("PATCH", path, "{\"description\": \"by pm\"}", TestOrders.PATCH);

        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.json().get("note")).as("a patch without note keeps the notes as written")
                .containsExactly(hello);
        assertThat(hello.get("id").asString()).isEqualTo("1");
        assertThat(hello.get("author").asString()).isEqualTo("admin-" + partner);
        TestHttp.Response forged = user.send("PATCH", path, """
                {"note": [{"id": "1", "author": "someone-else", "text": "forged"}]}""", TestOrders.PATCH);
        assertProblem(forged, "note[0].text");
        assertThat(message(forged)).contains("append-only");
        assertProblem(user.send("PATCH", path, "{\"note\": [{\"text\": \"instead\"}]}", TestOrders.PATCH),
                "note");
        assertProblem(user.send("PATCH", path, "{\"note\": null}", TestOrders.PATCH), "note");
        assertProblem(user.send("PATCH", path, "{\"note\": [" + hello + ", {\"text\": \"x\", \"author\": "
                + "\"someone-else\"}]}", TestOrders.PATCH), "note[1].author");
        assertThat(admin.get(path).json().get("note")).as("refused patches change nothing").containsExactly(hello);

        TestHttp.Response added = user.send("PATCH", path, "{\"note\": [" + hello + ", {\"text\": \"second\"}]}",
                TestOrders.PATCH);

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode notes = added.json().get("note");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).isEqualTo(hello);
        assertThat(notes.get(1).get("id").asString()).isEqualTo("2");
        assertThat(notes.get(1).get("author").asString()).isEqualTo("user-" + partner);
        assertThat(notes.get(1).get("text").asString()).isEqualTo("second");
        assertThat(Instant.parse(notes.get(1).get("date").asString()))
                .isAfter(Instant.parse(hello.get("date").asString()));
    }

    @Test
    void badInputIs400NamingTheFieldAndNothingIsCreated() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        long before = count();

        assertProblem(reseller.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "c", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "add"}]}"""), "productOrderItem[0].productOffering.id");
        assertProblem(reseller.post(TestOrders.ORDERS, "{\"relatedParty\": [{\"id\": \"c\", \"role\": "
                + "\"Customer\"}]}"), "productOrderItem");
        assertViolation(reseller.post(TestOrders.ORDERS, TestOrders.order("c", null, offering)
                .replace("\"value\": 20", "\"value\": 500")), "productOrderItem[0].product.productCharacteristic[0]",
                "Order item '1': characteristic 'dataVolumeGb'");
        assertViolation(reseller.post(TestOrders.ORDERS, TestOrders.order("c", null, UUID.randomUUID().toString())),
                "productOrderItem[0].productOffering.id", "Order item '1'");
        assertProblem(reseller.post(TestOrders.ORDERS, TestOrders.order("c", null, offering)
                .replace("\"add\"", "\"upgrade\"")), "productOrderItem[0].action");
        assertProblem(reseller.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "c", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete"}]}"""), "productOrderItem[0].product.id");
        assertProblem(reseller.post(TestOrders.ORDERS, TestOrders.order("c", null, offering)
                .replace("\"relatedParty\"", "\"quote\": [{\"id\": \"q\"}], \"relatedParty\"")), "quote");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aViolationNamesItemAndCharacteristicByTheirIndexAsSentAndTheItemsIdInTheMessage() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        String twoItems = TestOrders.order("c", null, offering, offering)
                .replace("\"id\": \"1\"", "\"id\": \"7\"").replace("\"id\": \"2\"", "\"id\": \"3\"");
        String secondValues = "[{\"name\": \"dataVolumeGb\", \"value\": 20}]}}]}";
        long before = count();

        assertViolation(reseller.post(TestOrders.ORDERS, twoItems.replace(secondValues,
                        "[{\"name\": \"dataVolumeGb\", \"value\": 500}]}}]}")),
                "productOrderItem[1].product.productCharacteristic[0]",
                "Order item '3': characteristic 'dataVolumeGb'");
        assertViolation(reseller.post(TestOrders.ORDERS, twoItems.replace(secondValues,
                        "[{\"name\": \"dataVolumeGb\", \"value\": 20}, {\"name\": \"x\", \"value\": {}}]}}]}")),
                "productOrderItem[1].product.productCharacteristic[1]", "characteristic 'x' has a value that is not");
        assertViolation(reseller.post(TestOrders.ORDERS, twoItems.replace(secondValues,
                        "[{\"name\": \"colour\", \"value\": 1}, {\"name\": \"dataVolumeGb\", \"value\": 20}]}}]}")),
                "productOrderItem[1].product.productCharacteristic[0]", "'colour' is not a characteristic");
        assertViolation(reseller.post(TestOrders.ORDERS, twoItems.replace(secondValues, "[]}}]}")),
                "productOrderItem[1].product.productCharacteristic", "Order item '3': characteristic 'dataVolumeGb' "
                        + "is mandatory");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aRequestedCompletionDateInThePastIsRefusedNamingItButOneThatPassedSinceIsKept() {
        String owner = orders.activePartner();
        String partner = orders.activePartner();
        // a partner system that cannot be reached keeps the order open
        String offering = orders.offering(owner, List.of(), true, List.of(partner));
        orders.registerWebhook(owner, "http://127.0.0.1:9/never");
        TestHttp reseller = orders.partnerAdmin(partner);
        long before = count();

        TestHttp.Response refused = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-1900", null,
                offering).replace("\"relatedParty\"", "\"requestedCompletionDate\": \"1900-01-01T00:00:00Z\", "
                + "\"relatedParty\""));

        assertProblem(refused, "requestedCompletionDate");
        assertThat(message(refused)).contains("1900-01-01T00:00:00Z is in the past");
        assertThat(count()).as("nothing created").isEqualTo(before);
        Instant soon = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        TestHttp.Response created = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-soon", null,
                offering).replace("\"relatedParty\"", "\"requestedCompletionDate\": \"" + soon + "\", "
                + "\"relatedParty\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = TestOrders.ORDERS + "/" + created.json().get("id").asString();
        assertProblem(reseller.send("PATCH", path, "{\"requestedCompletionDate\": \""
                + Instant.now().minus(Duration.ofDays(1)) + "\"}", TestOrders.PATCH), "requestedCompletionDate");
        assertThat(Instant.parse(reseller.get(path).json().get("requestedCompletionDate").asString()))
                .as("a refused patch changes nothing").isEqualTo(soon);

        // the date asked for has passed while the order runs: a patch of something else sends it back, and is fine
        Instant passed = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("update product_order set requested_completion_date = :passed where id = :id")
                .param("passed", java.sql.Timestamp.from(passed))
                .param("id", UUID.fromString(created.json().get("id").asString())).update();
        TestHttp.Response described = reseller.send("PATCH", path, "{\"description\": \"late\"}",
                TestOrders.PATCH);
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(Instant.parse(described.json().get("requestedCompletionDate").asString())).isEqualTo(passed);
    }

    @Test
    void aQuoteItemAndAnOrderItemTakeAtMostTheSameUnitsWithTheSameMessage() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        int tooMany = OrderPricing.MAX_QUANTITY + 1;
        String quote = """
                {"relatedParty": [{"id": "customer-units", "role": "Customer"}],
                 "quoteItem": [{"id": "1", "quantity": %d, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 10}]}}]}
                """;

        TestHttp.Response quoted = reseller.post(TestOrders.QUOTES, quote.formatted(tooMany, offering));
        TestHttp.Response ordered = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-units", null,
                offering).replace("\"quantity\": 1", "\"quantity\": " + tooMany));

        assertProblem(quoted, "quoteItem[0].quantity");
        assertProblem(ordered, "productOrderItem[0].quantity");
        assertThat(message(quoted)).isEqualTo(message(ordered)).isEqualTo(OrderPricing.QUANTITY_RANGE)
                .contains("at most 100 units");
        String order = orders.acceptedQuote(reseller, offering, OrderPricing.MAX_QUANTITY);
        assertThat(reseller.get(TestOrders.ORDERS + "/" + order).json().at("/productOrderItem/0/quantity").asInt())
                .as("a quote of the most units an item takes becomes an order").isEqualTo(OrderPricing.MAX_QUANTITY);
    }

    @Test
    void anOrderTakesAtMost100ItemsAndTheMessageSaysToSplitIt() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        long before = count();
        String[] items = new String[OrderResources.MAX_ITEMS + 1];
        java.util.Arrays.fill(items, offering);

        TestHttp.Response tooMany = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-items", null, items));

        assertViolation(tooMany, "productOrderItem", "at most 100 items per order; split larger orders");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPartnerOrdersItsOwnCoCreatedAndCspOfferingsButAnotherPartnersIsAsUnknown() {
        String owner = orders.activePartner();
        String coCreator = orders.activePartner();
        orders.imsiPool(owner, 5);
        String offering = orders.offering(owner, List.of("IMSI"), false, List.of(coCreator));
        String csp = orders.offering(null, List.of(), false);
        String unknown = UUID.randomUUID().toString();
        String strangerId = orders.activePartner();
        TestHttp stranger = orders.partnerAdmin(strangerId);
        long before = count();

        TestHttp.Response hidden = stranger.post(TestOrders.ORDERS, TestOrders.order("c", null, csp, offering));
        TestHttp.Response missing = stranger.post(TestOrders.ORDERS, TestOrders.order("c", null, csp, unknown));

        assertViolation(hidden, "productOrderItem[1].productOffering.id", "Order item '2'");
        assertThat(message(hidden).replace(offering, "<id>")).as("not told apart from an unknown offering")
                .isEqualTo(message(missing).replace(unknown, "<id>"));
        assertThat(count()).isEqualTo(before);
        assertThat(heldImsis(owner)).as("nothing drawn from the owner's pool").isZero();
        assertThat(stranger.post(TestOrders.ORDERS, TestOrders.order("c", null, csp)).status())
                .as("a CSP offering is resold").isEqualTo(201);
        for (String partner : List.of(owner, coCreator)) {
            TestHttp.Response allowed = orders.partnerAdmin(partner).post(TestOrders.ORDERS,
                    TestOrders.order("c", null, offering));
            assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        }
        orders.awaitKnown(strangerId);
        TestHttp.Response staff = orders.staff(Roles.PLATFORM_ADMIN).post(TestOrders.ORDERS, TestOrders.order("c",
                "{\"id\": \"" + strangerId + "\", \"role\": \"Buyer\"}", offering));
        assertThat(staff.status()).as("staff see every offering: " + staff.body()).isEqualTo(201);
    }

    @Test
    void aSuspendedPartnersOfferingIsRefusedWith409NamingTheReason() {
        String owner = orders.activePartner();
        String offering = orders.offering(owner, List.of(), false);
        PartnerEvents.statusChanged(owner, "ACTIVE", "SUSPENDED");
        await().atMost(TestOrders.PATIENCE).until(() -> !offerings.sellability(offering, Instant.now()).sellable());
        long before = count();

        TestHttp.Response refused = orders.staff(Roles.PLATFORM_ADMIN).post(TestOrders.ORDERS,
                TestOrders.order("c", "{\"id\": \"shop\", \"role\": \"SalesChannel\"}", offering));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("SUSPENDED", owner, "Order item '1'");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPartnerSeesOnlyItsOwnOrdersAndUnknownIdsOfAnyShapeAre404() {
        String offering = orders.offering(null, List.of(), false);
        String partner = orders.activePartner();
        TestHttp mine = orders.partnerAdmin(partner);
        String id = mine.post(TestOrders.ORDERS, TestOrders.order("customer-t", null, offering)).json().get("id")
                .asString();
        TestHttp other = orders.partnerAdmin(orders.activePartner());

        assertThat(other.get(TestOrders.ORDERS + "/" + id).status()).isEqualTo(404);
        assertThat(other.send("PATCH", TestOrders.ORDERS + "/" + id, "{\"description\": \"x\"}", TestOrders.PATCH)
                .status()).isEqualTo(404);
        assertThat(other.post(TestOrders.CANCELS, "{\"productOrder\": {\"id\": \"" + id
                + "\"}, \"cancellationReason\": \"x\"}").status()).isEqualTo(404);
        assertThat(other.get(TestOrders.ORDERS).body()).doesNotContain(id);
        assertThat(mine.get(TestOrders.ORDERS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(mine.get(TestOrders.ORDERS + "/not-an-id").status()).isEqualTo(404);
        assertThat(mine.get(TestOrders.CANCELS + "/not-an-id").status()).isEqualTo(404);
        assertThat(mine.post(TestOrders.ORDERS, TestOrders.order("c", "{\"id\": \"shop\", \"role\": "
                + "\"SalesChannel\"}", offering)).status()).as("a partner buys as itself").isEqualTo(400);
        assertThat(orders.staff(Roles.AUDITOR).get(TestOrders.ORDERS + "/" + id).status()).isEqualTo(200);
        assertThat(orders.staff(Roles.AUDITOR).post(TestOrders.ORDERS, TestOrders.order("c", null, offering))
                .status()).isEqualTo(403);
    }

    @Test
    void staffOrderAndQuoteOnlyForABuyerPartnerThatIsKnownAndActive() {
        String offering = orders.offering(null, List.of(), false);
        String unknown = UUID.randomUUID().toString();
        String suspended = orders.activePartner();
        orders.awaitKnown(suspended);
        PartnerEvents.statusChanged(suspended, "ACTIVE", "SUSPENDED");
        await().atMost(TestOrders.PATIENCE).until(() -> jdbc.sql("select status from partner_view where id = "
                + "cast(:id as uuid)").param("id", suspended).query(String.class).single().equals("SUSPENDED"));
        TestHttp staff = orders.staff(Roles.PARTNER_MANAGER);
        long before = count();

        TestHttp.Response order = staff.post(TestOrders.ORDERS, TestOrders.order("c-unknown-buyer",
                "{\"id\": \"" + unknown + "\", \"role\": \"Buyer\"}", offering));
        TestHttp.Response quote = staff.post(TestOrders.QUOTES, quote(offering, unknown));
        TestHttp.Response inactive = staff.post(TestOrders.ORDERS, TestOrders.order("c-suspended-buyer",
                "{\"id\": \"" + suspended + "\", \"role\": \"Buyer\"}", offering));
        TestHttp.Response inactiveQuote = staff.post(TestOrders.QUOTES, quote(offering, suspended));

        assertViolation(order, "relatedParty", unknown);
        assertViolation(quote, "relatedParty", unknown);
        for (TestHttp.Response refused : List.of(inactive, inactiveQuote)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("relatedParty", suspended, "SUSPENDED");
        }
        assertThat(count()).as("nothing created").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from quote where buyer_partner_id in (cast(:a as uuid), cast(:b as uuid))")
                .param("a", unknown).param("b", suspended).query(Long.class).single()).isZero();
    }

    @Test
    void aModifyOrDeleteNamesTheCustomerWhoseProductItChanges() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        String placed = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-own", null, offering)).json()
                .get("id").asString();
        String product = orders.awaitState(reseller, placed, "completed").at("/productOrderItem/0/product/id")
                .asString();
        long before = count();

        TestHttp.Response modify = reseller.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-other", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "modify", "product": {"id": "%s",
                   "productCharacteristic": [{"name": "dataVolumeGb", "value": 30}]}}]}""".formatted(product));
        TestHttp.Response delete = reseller.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-other", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete", "product": {"id": "%s"}}]}"""
                .formatted(product));

        assertViolation(modify, "relatedParty", "customer-other");
        assertViolation(delete, "relatedParty", "customer-other");
        assertThat(count()).isEqualTo(before);
        TestHttp.Response own = reseller.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-own", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "delete", "product": {"id": "%s"}}]}"""
                .formatted(product));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        orders.awaitState(reseller, own.json().get("id").asString(), "completed");
        TestHttp.Response ended = reseller.post(TestOrders.ORDERS, """
                {"relatedParty": [{"id": "customer-own", "role": "Customer"}],
                 "productOrderItem": [{"id": "1", "action": "modify", "product": {"id": "%s",
                   "productCharacteristic": [{"name": "dataVolumeGb", "value": 30}]}}]}""".formatted(product));
        assertThat(ended.status()).as(ended.body()).isEqualTo(409);
        assertThat(ended.json().get("detail").asString()).contains("only an active or suspended product can be "
                + "modified").doesNotContain("modifyd");
    }

    @Test
    void aRequestedStartDateInTheFutureIsRefusedNamingItAndOneNowOrBeforeIsEchoed() {
        String offering = orders.offering(null, List.of(), false);
        TestHttp reseller = orders.partnerAdmin(orders.activePartner());
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        long before = count();

        TestHttp.Response refused = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-start", null,
                offering).replace("\"relatedParty\"", "\"requestedStartDate\": \"" + tomorrow + "\", "
                + "\"relatedParty\""));

        assertViolation(refused, "requestedStartDate", tomorrow + " is in the future");
        assertThat(count()).as("nothing created").isEqualTo(before);
        Instant past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        TestHttp.Response created = reseller.post(TestOrders.ORDERS, TestOrders.order("customer-start", null,
                offering).replace("\"relatedParty\"", "\"requestedStartDate\": \"" + past + "\", "
                + "\"relatedParty\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("requestedStartDate").asString())).isEqualTo(past);
        assertThat(Instant.parse(reseller.get(TestOrders.ORDERS + "/" + created.json().get("id").asString()).json()
                .get("requestedStartDate").asString())).as("kept").isEqualTo(past);
    }

    private static String quote(String offering, String buyer) {
        return """
                {"relatedParty": [{"id": "c-quote", "role": "Customer"}, {"id": "%s", "role": "Buyer"}],
                 "quoteItem": [{"id": "1", "action": "add", "quantity": 1, "productOffering": {"id": "%s"},
                                "product": {"productCharacteristic": [{"name": "dataVolumeGb", "value": 10}]}}]}
                """.formatted(buyer, offering);
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

    private static String message(TestHttp.Response problem) {
        return problem.json().get("violations").get(0).get("message").asString();
    }

    /** The partner's IMSIs reserved or allocated to any order. */
    private long heldImsis(String partner) {
        return jdbc.sql("""
                        select count(*) from inventory_item item join inventory_pool pool on pool.id = item.pool_id
                        where pool.partner_id = :partner and item.resource_type = 'IMSI' and item.state <> 'AVAILABLE'
                        """).param("partner", UUID.fromString(partner)).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from product_order").query(Long.class).single();
    }
}
