package io.accord.portal.order;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OrdersControllerTests extends PortalTestSupport {

    OrdersControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String ORDERS = QuotesControllerTests.ORDERS;
    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product";
    private static final String ORDER = "0d000000-0000-4000-8000-000000000005";
    private static final String PRODUCT = "7c1d3a52-1b7e-4f7a-8e0a-5d8f9c3b2a10";
    private static final String OFFERING = "8f6e1c2a-5d3b-4b8e-9a7f-1c2d3e4f5a6b";

    private static String order(String state, String itemState, String reason) {
        return """
                {"id":"%s","state":"%s","orderDate":"2026-12-01T10:00:00Z",
                 "relatedParty":[{"id":"customer-0042","name":"Bakery Dupont","role":"Customer"}],
                 "quote":[{"id":"9a000000-0000-4000-8000-000000000004"}],
                 "productOrderItem":[{"id":"1","action":"add","quantity":1,"state":"%s",
                   "productOffering":{"id":"off-1","name":"IoT SIM"},"product":{"id":"%s"}%s}],
                 "orderTotalPrice":[{"name":"oneTime","priceType":"oneTime","price":{"dutyFreeAmount":{"unit":"EUR","value":"9.99"}}}]}"""
                .formatted(ORDER, state, itemState, PRODUCT,
                        reason == null ? "" : ",\"failedStep\":\"RESERVE_RESOURCE\",\"stateReason\":\"" + reason + "\"");
    }

    @Test
    void listsOrdersAndPassesTheStateFilter() throws Exception {
        STUB.answerJson("GET", ORDERS, 200, "[" + order("inProgress", "inProgress", null) + "]",
                Map.of("X-Total-Count", "21"));

        mvc.perform(get("/orders?state=inProgress").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/orders/" + ORDER), containsString("Bakery Dupont"),
                        containsString("9.99 EUR"), containsString("21 in all"),
                        containsString("/orders?state=inProgress&amp;page=1"),
                        // where the page is, and a way to the last one; the paging named as such
                        containsString("<nav class=\"paging\" aria-label=\"Paging\">"), containsString("Page 1 of 2"),
                        containsString("href=\"/orders?state=inProgress&amp;page=1\">Last page</a>"),
                        not(containsString("First page")))));
        assertThat(STUB.requestsTo("GET", ORDERS).getFirst().query()).isEqualTo("state=inProgress&offset=0&limit=20");
    }

    @Test
    void anUnknownStateFilterIsA400AtTheFilterWithNothingAsked() throws Exception {
        // it listed every order as if there were no filter
        mvc.perform(get("/orders?state=bogus").with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"filter-error\""),
                        containsString("There is no order state &quot;bogus&quot;"),
                        containsString("aria-describedby=\"filter-error\""), not(containsString("No orders.")))));
        mvc.perform(get("/quotes?state=bogus").with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no quote state &quot;bogus&quot;")));
        // a JSON client reads the same sentence, the value filled in
        mvc.perform(get("/orders?state=bogus").header("Accept", "application/json")
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("There is no order state \\\"bogus\\\""),
                        not(containsString("{0}")))));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aMalformedOfferingOrUnknownStatusFilterOfProductsIsA400AtItsField() throws Exception {
        // it said "No product instances"
        mvc.perform(get("/products?offering=notauuid").with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("This is not an offering id: &quot;notauuid&quot;"),
                        containsString("<input id=\"offering\" name=\"offering\" value=\"notauuid\" aria-invalid=\"true\""),
                        not(containsString("No product instances.")))));
        mvc.perform(get("/products?status=gone").with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no product status &quot;gone&quot;")));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aRunningOrdersProgressRefreshesItself() throws Exception {
        STUB.answerJson("GET", ORDERS + "/" + ORDER, order("inProgress", "inProgress", null));

        mvc.perform(get("/orders/" + ORDER).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-get=\"/orders/" + ORDER + "/progress\""),
                        containsString("hx-trigger=\"every 5s\""), containsString("aria-live=\"polite\""))));
        mvc.perform(get("/orders/" + ORDER + "/progress").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"order-progress\""),
                        not(containsString("<html")))));
    }

    @Test
    void aFailedItemSaysWhichStepFailedAndWhyAndStopsRefreshing() throws Exception {
        STUB.answerJson("GET", ORDERS + "/" + ORDER,
                order("failed", "failed", "No MSISDN is available for partner 1111"));

        mvc.perform(get("/orders/" + ORDER).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("RESERVE_RESOURCE: "),
                        containsString("No MSISDN is available for partner 1111"), containsString("badge bad"),
                        not(containsString("hx-trigger")))));
    }

    @Test
    void listsProductInstancesSayingWhichTheyBoughtAndWhichAreOfTheirOfferings() throws Exception {
        STUB.answerJson("GET", PRODUCTS, 200, """
                [{"id":"%s","name":"IoT SIM","status":"active","startDate":"2026-12-01T10:00:02Z",
                  "relatedParty":[{"id":"%s","role":"Owner"},{"id":"customer-1","role":"Customer"}],
                  "subscriberIdentifier":[{"type":"MSISDN","value":"+4915100000042"}]},
                 {"id":"7c1d3a52-1b7e-4f7a-8e0a-5d8f9c3b2a11","name":"Video plus","status":"active",
                  "relatedParty":[{"id":"other-partner","role":"Owner"},{"id":"%s","role":"Buyer"}]}]"""
                .formatted(PRODUCT, PARTNER_A, PARTNER_A), Map.of("X-Total-Count", "2"));

        mvc.perform(get("/products?status=active&offering=" + OFFERING).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<td>Your offering</td>"),
                        containsString("<td>You bought it</td>"), containsString("MSISDN +4915100000042"),
                        containsString("/products/" + PRODUCT))));
        assertThat(STUB.requestsTo("GET", PRODUCTS).getFirst().query())
                .isEqualTo("offset=0&limit=20&status=active&productOffering.id=" + OFFERING);
    }

    @Test
    void aProductInstanceShowsItsChargesAndOrders() throws Exception {
        STUB.answerJson("GET", PRODUCTS + "/" + PRODUCT, """
                {"id":"%s","name":"IoT SIM","status":"suspended","statusReason":"unpaid","offeringVersion":1,
                 "productOffering":{"id":"off-1","name":"IoT SIM"},
                 "relatedParty":[{"id":"%s","role":"Buyer"}],
                 "productCharacteristic":[{"name":"dataAllowance","value":"20"}],
                 "productPrice":[{"name":"Monthly fee","priceType":"recurring","recurringChargePeriod":"month",
                                  "price":{"dutyFreeAmount":{"unit":"EUR","value":"9.990000"}}}],
                 "productOrderItem":[{"productOrderId":"%s","orderItemId":"1","orderItemAction":"add"}]}"""
                .formatted(PRODUCT, PARTNER_A, ORDER));

        mvc.perform(get("/products/" + PRODUCT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("unpaid"), containsString("You bought it"),
                        containsString("Monthly fee:"), containsString("9.99 EUR"), containsString("per month"),
                        containsString("/orders/" + ORDER), containsString("dataAllowance = 20"))));
    }

    @Test
    void aSuspendedProductSaysWhoBarredItAndThatOnlyTheCspLiftsItsOwnBar() throws Exception {
        String suspended = """
                {"id":"%s","name":"IoT SIM","status":"suspended","statusReason":"%s","suspendedBy":%s,
                 "offeringVersion":1,"productOffering":{"id":"off-1","name":"IoT SIM"},
                 "relatedParty":[{"id":"%s","role":"Buyer"}]}""";
        STUB.answerJson("GET", PRODUCTS + "/" + PRODUCT, suspended.formatted(PRODUCT, "unpaid",
                "{\"side\":\"PARTNER\",\"actor\":\"mvno-admin\"}", PARTNER_A));
        mvc.perform(get("/products/" + PRODUCT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Suspended by the buyer (user mvno-admin)."),
                        not(containsString("Suspended by the CSP")))));

        STUB.answerJson("GET", PRODUCTS + "/" + PRODUCT, suspended.formatted(PRODUCT, "fraud case 7",
                "{\"side\":\"STAFF\"}", PARTNER_A));
        mvc.perform(get("/products/" + PRODUCT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("fraud case 7"),
                        containsString("Suspended by the CSP: only the CSP lifts this bar (ask your partner manager)."),
                        not(containsString("Suspended by the buyer")))));
        mvc.perform(get("/products/" + PRODUCT).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vom CSP gesperrt: Nur der CSP hebt diese Sperre auf")));
    }

    @Test
    void aGermanProductPageNamesItsPartiesRolesAndChargePeriodInGerman() throws Exception {
        STUB.answerJson("GET", PRODUCTS + "/" + PRODUCT, """
                {"id":"%s","name":"IoT SIM","status":"active","offeringVersion":1,
                 "productOffering":{"id":"off-1","name":"IoT SIM"},
                 "relatedParty":[{"id":"%s","role":"Owner"},{"id":"22222222-2222-4222-8222-222222222222","role":"Buyer"},
                   {"id":"customer-7","role":"Customer"}],
                 "productPrice":[{"name":"Monatsgebühr","priceType":"recurring","recurringChargePeriod":"month",
                                  "price":{"dutyFreeAmount":{"unit":"EUR","value":"9.99"}}}]}"""
                .formatted(PRODUCT, PARTNER_A));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH"},
                 {"id":"22222222-2222-4222-8222-222222222222","name":"Resell AG"}]""".formatted(PARTNER_A));

        mvc.perform(get("/products/" + PRODUCT).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Eigentümer:"), containsString("Streamly GmbH"),
                        containsString("Käufer:"), containsString("Resell AG"), containsString("Kunde:"),
                        containsString("customer-7"), containsString("pro Monat"), not(containsString("Owner:")),
                        containsString("<title>Produkt IoT SIM · Accord</title>"),
                        not(containsString("Buyer:")), not(containsString("/ month")))));
    }

    @Test
    void aGermanOrderShowsItsTotalsInGerman() throws Exception {
        STUB.answerJson("GET", ORDERS + "/" + ORDER, """
                {"id":"%s","state":"completed","orderDate":"2026-12-01T10:00:00Z",
                 "relatedParty":[{"id":"customer-0042","name":"Bakery Dupont","role":"Customer"}],
                 "productOrderItem":[{"id":"1","action":"add","quantity":1,"state":"completed",
                   "productOffering":{"id":"off-1","name":"IoT SIM"},"product":{"id":"%s"}}],
                 "orderTotalPrice":[{"name":"total oneTime","priceType":"oneTime",
                     "price":{"dutyFreeAmount":{"unit":"EUR","value":"9.99"}}},
                   {"name":"total recurring","priceType":"recurring","recurringChargePeriod":"month",
                     "price":{"dutyFreeAmount":{"unit":"EUR","value":"4.5"}}}]}""".formatted(ORDER, PRODUCT));

        mvc.perform(get("/orders/" + ORDER).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Summe:"), containsString("einmalig"),
                        containsString("wiederkehrend"), containsString("pro Monat"),
                        not(containsString("total oneTime")), not(containsString("total recurring")),
                        containsString("<title>Bestellung 0d000000 · Accord</title>"),
                        not(containsString("/ month")))));
    }

    @Test
    void theOwnerOfTheOfferingSeesNoOrdersOfAnInstanceAResellerBought() throws Exception {
        String resellersOrder = "0d000000-0000-4000-8000-0000000000b2";
        STUB.answerJson("GET", PRODUCTS + "/" + PRODUCT, """
                {"id":"%s","name":"IoT SIM","status":"active","offeringVersion":1,
                 "productOffering":{"id":"off-1","name":"IoT SIM"},
                 "relatedParty":[{"id":"%s","role":"Owner"},{"id":"22222222-2222-4222-8222-222222222222","role":"Buyer"}],
                 "productOrderItem":[{"productOrderId":"%s","orderItemId":"1","orderItemAction":"add"}]}"""
                .formatted(PRODUCT, PARTNER_A, resellersOrder));

        // the reseller's order: the owner cannot open it (404), and its id is the reseller's
        mvc.perform(get("/products/" + PRODUCT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Your offering"),
                        not(containsString(resellersOrder.substring(0, 8))), not(containsString("/orders/")),
                        not(containsString("<dt>Orders</dt>")))));
    }

    @Test
    void anInstanceThePartnerBoughtOfItsOwnOfferingCountsAsBought() throws Exception {
        STUB.answerJson("GET", PRODUCTS + "/" + PRODUCT, """
                {"id":"%s","name":"IoT SIM","status":"active","offeringVersion":1,
                 "relatedParty":[{"id":"%s","role":"Owner"},{"id":"%s","role":"Buyer"}],
                 "productOrderItem":[{"productOrderId":"%s","orderItemId":"1","orderItemAction":"add"}]}"""
                .formatted(PRODUCT, PARTNER_A, PARTNER_A, ORDER));

        mvc.perform(get("/products/" + PRODUCT).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("You bought it"),
                        containsString("href=\"/orders/" + ORDER + "\""))));
    }

    @Test
    void anotherPartnersOrderIsNotFound() throws Exception {
        mvc.perform(get("/orders/" + ORDER).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound());
    }
}
