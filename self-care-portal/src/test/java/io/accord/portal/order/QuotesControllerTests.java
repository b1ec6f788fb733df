package io.accord.portal.order;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.StubGateway;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class QuotesControllerTests extends PortalTestSupport {

    QuotesControllerTests(MockMvc mvc) {
        super(mvc);
    }

    static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";
    private static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";
    private static final String OFFERING = "8f6e1c2a-5d3b-4b8e-9a7f-1c2d3e4f5a6b";
    private static final String SPEC = "22222222-2222-4222-8222-222222222222";
    private static final String QUOTE = "9a000000-0000-4000-8000-000000000004";
    private static final String ORDER = "0d000000-0000-4000-8000-000000000005";

    private static String quote(String state) {
        return """
                {"id":"%s","state":"%s","description":"Two SIM-only lines","quoteDate":"2026-12-01T10:00:00Z",
                 "validFor":{"endDateTime":"2026-12-31T10:00:00Z"},"discountPercent":"5","discountNeedsApproval":false,
                 "relatedParty":[{"id":"customer-0042","name":"Bakery Dupont","role":"Customer"}],
                 "quoteItem":[{"id":"1","action":"add","quantity":2,"productOffering":{"id":"%s","name":"IoT SIM"},
                   "product":{"productCharacteristic":[{"name":"dataAllowance","value":"20"}]},
                   "quoteItemPrice":[{"name":"Monthly fee","priceType":"recurring","recurringChargePeriod":"month",
                     "price":{"dutyFreeAmount":{"unit":"EUR","value":"18.981"}},
                     "priceAlteration":[{"name":"discount","priceType":"recurring","price":{"percentage":"5"}}]}]}],
                 "quoteTotalPrice":[{"name":"recurring","priceType":"recurring","recurringChargePeriod":"month",
                   "price":{"dutyFreeAmount":{"unit":"EUR","value":"37.962"}}}]}""".formatted(QUOTE, state, OFFERING);
    }

    private void offeringWithSpecification() {
        STUB.answerJson("GET", OFFERINGS, "[{\"id\":\"%s\",\"name\":\"IoT SIM\"}]".formatted(OFFERING));
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING,
                "{\"id\":\"%s\",\"name\":\"IoT SIM\",\"productSpecification\":{\"id\":\"%s\"}}".formatted(OFFERING, SPEC));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productSpecification/" + SPEC, """
                {"id":"%s","productSpecCharacteristic":[
                  {"name":"dataAllowance","valueType":"number","configurable":true,"minCardinality":1,
                   "productSpecCharacteristicValue":[{"valueFrom":1,"valueTo":100,"unitOfMeasure":"MB"}]},
                  {"name":"network","valueType":"enum","configurable":true,
                   "productSpecCharacteristicValue":[{"value":"LTE-M"},{"value":"NB-IoT"}]},
                  {"name":"roaming","valueType":"boolean","configurable":false,
                   "productSpecCharacteristicValue":[{"value":"false"}]}]}""".formatted(SPEC));
    }

    @Test
    void listsQuotesWithTheirTotalsAndPassesTheStateFilter() throws Exception {
        STUB.answerJson("GET", QUOTES, 200, "[" + quote("approved") + "]", Map.of("X-Total-Count", "1"));

        mvc.perform(get("/quotes?state=approved").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/quotes/" + QUOTE), containsString("Bakery Dupont"),
                        containsString("37.962 EUR"), containsString("<label for=\"state\""))));
        assertThat(STUB.requestsTo("GET", QUOTES).getFirst().query()).isEqualTo("state=approved&offset=0&limit=20");
    }

    @Test
    void aRejectedQuoteInGermanNamesItsPartiesAndWhoRejectedItInGerman() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("rejected")
                .replace("\"state\":\"rejected\"", "\"state\":\"rejected\",\"stateReason\":\"rejected by partner-user\"")
                .replace("\"role\":\"Customer\"}", "\"role\":\"Customer\"},{\"id\":\"%s\",\"role\":\"Buyer\"}"
                        .formatted(PARTNER_A)));
        STUB.answerJson("GET", "/tmf-api/party/v4/organization", """
                [{"id":"%s","name":"Streamly GmbH"}]""".formatted(PARTNER_A));

        mvc.perform(get("/quotes/" + QUOTE).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("abgelehnt von partner-user"),
                        containsString("Kunde:"), containsString("Bakery Dupont"), containsString("Käufer:"),
                        containsString("Streamly GmbH"), not(containsString("rejected by")),
                        containsString("<title>Angebot Two SIM-only lines · Accord</title>"),
                        not(containsString("Buyer:")), not(containsString(PARTNER_A + " ")))));
    }

    @Test
    void aQuoteInGermanShowsItsDatesTheGermanWayAndKeepsThemIsoForMachines() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("approved"));

        mvc.perform(get("/quotes/" + QUOTE).header("Accept-Language", "de").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<time datetime=\"2026-12-01T10:00:00Z\">01.12.2026, 10:00</time>"),
                        containsString("<time datetime=\"2026-12-31T10:00:00Z\">31.12.2026, 10:00</time>"),
                        not(containsString("2026-12-01 10:00")))));
        mvc.perform(get("/quotes/" + QUOTE).header("Accept-Language", "en").with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<time datetime=\"2026-12-01T10:00:00Z\">2026-12-01 10:00</time>"),
                        not(containsString("01.12.2026")))));
    }

    @Test
    void aResellersUsageRateSaysItIsRetailAndThatTheAgreementsWholesaleRateIsCharged() throws Exception {
        // orchestration's answer to a reseller quoting a CSP offering (docs/orchestration-quotes.md, rateBasis)
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("inProgress").replace("\"quoteItemPrice\":[", """
                "quoteItemPrice":[{"name":"Voice","description":"Retail rate of the CSP's offering ...",
                  "priceType":"usage","unitOfMeasure":"MIN","price":{"dutyFreeAmount":{"unit":"EUR","value":"0.05"}},
                  "rateBasis":"retail"},"""));

        mvc.perform(get("/quotes/" + QUOTE).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("0.05 EUR"), containsString(
                        "Prices: retail (the offering&#39;s rate for your customers). As a reseller you are charged"
                                + " your agreement&#39;s wholesale rate per min instead."))));
        mvc.perform(get("/quotes/" + QUOTE).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("0,05 EUR"), containsString(
                        "Preise: Endkundenpreis (der Satz des Produktangebots für Ihre Kunden). Als Wiederverkäufer"
                                + " zahlen Sie stattdessen den Großhandelssatz Ihres Vertrags je Min."))));
    }

    @Test
    void aPriceWithoutARateBasisSaysNothingAboutIt() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("inProgress"));

        mvc.perform(get("/quotes/" + QUOTE).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("rate-basis"))));
    }

    @Test
    void theNewQuoteFormAsksForTheOfferingsCharacteristics() throws Exception {
        offeringWithSpecification();

        mvc.perform(get("/quotes/new?offering=" + OFFERING).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"char-0\">dataAllowance (MB)</label>"),
                        containsString("name=\"char.dataAllowance\""), containsString("min=\"1\""),
                        containsString("max=\"100\""), containsString("<option value=\"NB-IoT\">"),
                        containsString("fixed by the offering"), not(containsString("name=\"char.roaming\"")),
                        containsString("<label for=\"customerId\""))));
    }

    @Test
    void theQuantityInputAllowsWhatOrchestrationsRuleAllows() throws Exception {
        // orchestration's rule, read from its source (the portal cannot depend on the service's module)
        java.nio.file.Path rule = java.nio.file.Path.of("..", "orchestration-service", "src", "main", "java", "io",
                "accord", "orchestration", "quote", "OrderPricing.java");
        java.util.regex.Matcher max = java.util.regex.Pattern.compile("int MAX_QUANTITY = (\\d+);")
                .matcher(java.nio.file.Files.readString(rule));
        assertThat(max.find()).as("OrderPricing.MAX_QUANTITY").isTrue();
        assertThat(QuoteForm.MAX_QUANTITY).isEqualTo(Integer.parseInt(max.group(1)));
        offeringWithSpecification();

        mvc.perform(get("/quotes/new?offering=" + OFFERING).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "name=\"quantity\" type=\"number\" min=\"1\" max=\"" + max.group(1) + "\" required")));
    }

    @Test
    void aGermanResellerReadsTheRefusedFieldsInGermanWithoutTheEnglishDetail() throws Exception {
        offeringWithSpecification();
        STUB.answerJson("POST", QUOTES, 400, """
                {"title":"Invalid input","status":400,"detail":"The request has invalid fields: quoteItem[0].quantity.",
                 "violations":[{"field":"quoteItem[0].quantity","message":"must be between 1 and 100: one item takes at most 100 units; split more into several items"},
                               {"field":"note","message":"size must be between 0 and 500"}]}""", Map.of());

        mvc.perform(post("/quotes").with(csrf()).with(TestUsers.partner("partner-admin")).header("Accept-Language", "de")
                        .param("offeringId", OFFERING).param("customerId", "c-1").param("quantity", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"quantity-error\" class=\"field-error\">Geben Sie einen Wert von 1 bis 100 ein."),
                        containsString("<li>Menge: Geben Sie einen Wert von 1 bis 100 ein.</li>"),
                        containsString("<li>Weitere Angabe: Geben Sie 0 bis 500 Zeichen ein.</li>"),
                        containsString("Bitte korrigieren Sie die markierten Angaben."),
                        not(containsString("invalid fields")), not(containsString("must be between")),
                        containsString("href=\"/quotes/new?offering=" + OFFERING + "&amp;lang=en\""))));
    }

    @Test
    void anOfferingWhoseSpecificationHasNoCharacteristicsGetsTheFormWithFreeRows() throws Exception {
        STUB.answerJson("GET", OFFERINGS, "[{\"id\":\"%s\",\"name\":\"Mobile Flex\"}]".formatted(OFFERING));
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING,
                "{\"id\":\"%s\",\"name\":\"Mobile Flex\",\"productSpecification\":{\"id\":\"%s\"}}"
                        .formatted(OFFERING, SPEC));
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productSpecification/" + SPEC,
                "{\"id\":\"%s\",\"productSpecCharacteristic\":[]}".formatted(SPEC));

        // a fresh form has no characteristic names yet: looking up their errors was a 500 with an empty body
        mvc.perform(get("/quotes/new?offering=" + OFFERING).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"charName0\""),
                        containsString("name=\"charValue4\""), containsString("names no characteristics"),
                        containsString("<label for=\"customerId\""),
                        containsString("<option value=\"" + OFFERING + "\" selected=\"selected\">Mobile Flex"))));
    }

    @Test
    void anOfferingWhoseSpecificationCannotBeReadGetsFreeRowsToo() throws Exception {
        STUB.answerJson("GET", OFFERINGS, "[]");
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING,
                "{\"id\":\"%s\",\"productSpecification\":{\"id\":\"%s\"}}".formatted(OFFERING, SPEC));

        mvc.perform(get("/quotes/new?offering=" + OFFERING).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"charName0\""),
                        containsString("cannot be read here"), containsString("value=\"" + OFFERING + "\""))));
    }

    @Test
    void anOfferingTheCatalogDoesNotShowIsA404OnTheFormsPage() throws Exception {
        STUB.answerJson("GET", OFFERINGS, "[{\"id\":\"%s\",\"name\":\"IoT SIM\"}]".formatted(OFFERING));
        String unknown = "00000000-0000-4000-8000-000000000000";
        // the stub answers 404 for the offering: unknown, or another partner's

        mvc.perform(get("/quotes/new?offering=" + unknown).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("id=\"offering-error\""),
                        containsString("No offering " + unknown + " that you may quote was found."),
                        containsString("aria-describedby=\"offering-error\""),
                        not(containsString("name=\"customerId\"")), not(containsString("name=\"charName0\"")))));
    }

    @Test
    void aMalformedOfferingIdIsA400WithoutAskingTheCatalog() throws Exception {
        STUB.answerJson("GET", OFFERINGS, "[]");

        mvc.perform(get("/quotes/new?offering=not-an-id").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("This is not an offering id: not-an-id"),
                        containsString("value=\"not-an-id\""), not(containsString("name=\"customerId\"")))));
        assertThat(STUB.requests()).extracting(StubGateway.Request::path).containsExactly(OFFERINGS);
    }

    @Test
    void theOfferingPickerPagesThroughAllLaunchedOfferings() throws Exception {
        StringBuilder page = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\":\"o-%d\",\"name\":\"Offering %d\"}".formatted(i, i));
        }
        STUB.answerJson("GET", OFFERINGS, 200, page.append("]").toString(), Map.of("X-Total-Count", "230"));

        mvc.perform(get("/quotes/new?offeringsPage=1").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("230 launched offerings in all"),
                        containsString("href=\"/quotes/new?offeringsPage=0&amp;offering=\""),
                        containsString("href=\"/quotes/new?offeringsPage=2&amp;offering=\""))));
        assertThat(STUB.requestsTo("GET", OFFERINGS).getFirst().query())
                .isEqualTo("lifecycleStatus=Launched&offset=100&limit=100");
    }

    @Test
    void creatingAQuoteSendsTypedValuesAndShowsIt() throws Exception {
        STUB.answerJson("POST", QUOTES, 201, quote("inProgress"), Map.of());

        mvc.perform(post("/quotes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("offeringId", OFFERING).param("customerId", "customer-0042")
                        .param("customerName", "Bakery Dupont").param("quantity", "2")
                        .param("char.dataAllowance", "20").param("char.network", "LTE-M").param("discountPercent", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/quotes/" + QUOTE));

        assertThat(STUB.requestsTo("POST", QUOTES).getFirst().body()).isEqualTo(
                "{\"relatedParty\":[{\"id\":\"customer-0042\",\"name\":\"Bakery Dupont\",\"role\":\"Customer\"}],"
                        + "\"quoteItem\":[{\"id\":\"1\",\"action\":\"add\",\"quantity\":2,"
                        + "\"productOffering\":{\"id\":\"" + OFFERING + "\"},\"product\":{\"productCharacteristic\":["
                        + "{\"name\":\"dataAllowance\",\"value\":20},{\"name\":\"network\",\"value\":\"LTE-M\"}]}}]}");
    }

    @Test
    void aCharacteristicTheSpecificationRefusesIsShownAtItsField() throws Exception {
        offeringWithSpecification();
        STUB.answerJson("POST", QUOTES, 400, """
                {"title":"Invalid input","status":400,"detail":"The request has invalid fields.",
                 "violations":[{"field":"quoteItem[0].product.productCharacteristic[0]",
                                "message":"is between 1 and 100 MB, not 500"},
                               {"field":"relatedParty","message":"must name the Customer"}]}""", Map.of());

        mvc.perform(post("/quotes").with(csrf()).with(TestUsers.partner("partner-admin"))
                        .param("offeringId", OFFERING).param("customerId", "c-1").param("quantity", "1")
                        .param("char.dataAllowance", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"char-0-error\""),
                        containsString("is between 1 and 100 MB, not 500"), containsString("value=\"500\""),
                        containsString("aria-describedby=\"char-0-error\""), containsString("id=\"customerId-error\""),
                        containsString("must name the Customer"))));
    }

    @Test
    void anOfferingThatCannotBeSoldIsAConflictNamingTheReason() throws Exception {
        offeringWithSpecification();
        STUB.answerJson("POST", QUOTES, 409, """
                {"title":"Conflict","status":409,
                 "detail":"Quote item '1' cannot be sold: the owner of offering x, partner y, is SUSPENDED"}""", Map.of());

        mvc.perform(post("/quotes").with(csrf()).with(TestUsers.partner("partner-user"))
                        .param("offeringId", OFFERING).param("customerId", "c-1").param("quantity", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("The quote was not created."),
                        containsString("is SUSPENDED"))));
    }

    @Test
    void acceptingAnApprovedQuoteLeadsToItsOrder() throws Exception {
        STUB.answerJson("PATCH", QUOTES + "/" + QUOTE, quote("accepted"));
        STUB.answerJson("GET", ORDERS, 200, """
                [{"id":"0d000000-0000-4000-8000-000000000001","quote":[{"id":"other"}]},
                 {"id":"%s","quote":[{"id":"%s"}]}]""".formatted(ORDER, QUOTE), Map.of("X-Total-Count", "2"));

        mvc.perform(post("/quotes/" + QUOTE + "/state").param("state", "accepted").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/orders/" + ORDER));
        assertThat(STUB.requestsTo("PATCH", QUOTES + "/" + QUOTE).getFirst().body())
                .isEqualTo("{\"state\":\"accepted\"}");
    }

    @Test
    void anApprovedQuoteOffersAcceptAndReject() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("approved"));

        mvc.perform(get("/quotes/" + QUOTE).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Accept and place the order"),
                        containsString("Reject"), not(containsString(">Approve<")), containsString("18.981 EUR"),
                        containsString("dataAllowance = 20"), containsString("(discount −5 %)"),
                        // neither step can be undone: the browser asks first
                        containsString("data-confirm=\"Accept this quote and place its order? This cannot be undone.\""),
                        containsString("data-confirm=\"Reject this quote? This cannot be undone.\""))));
    }

    @Test
    void aTotalWithoutANameReadsAsItsAmountAndKind() throws Exception {
        // the service's totals have no name: the page read "Total : 0.000001 EUR oneTime"
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("inProgress").replace(
                "\"quoteTotalPrice\":[{\"name\":\"recurring\",", "\"quoteTotalPrice\":[{\"priceType\":\"oneTime\","
                        + "\"price\":{\"dutyFreeAmount\":{\"unit\":\"EUR\",\"value\":\"0.000001\"}}},{"));

        mvc.perform(get("/quotes/" + QUOTE).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>0.00 EUR</strong>"),
                        containsString("(rounded; exact sum 0.000001 EUR)"),
                        containsString("<span>one-time</span>"), containsString("<strong>37.96 EUR</strong>"),
                        containsString("<strong>18.981 EUR</strong>"),
                        containsString("<span>Monthly fee:</span>"), not(containsString("<span></span>:")))));
    }

    @Test
    void aMoveTheServiceRefusesIsShownWithTheQuote() throws Exception {
        STUB.answerJson("PATCH", QUOTES + "/" + QUOTE, 409, """
                {"title":"Conflict","status":409,"detail":"The discount of 20 % needs a partner manager's approval"}""",
                Map.of());
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("inProgress"));

        mvc.perform(post("/quotes/" + QUOTE + "/state").param("state", "approved").with(csrf())
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("needs a partner manager&#39;s approval")));
    }

    @Test
    void aMoveSendsTheETagTheQuoteWasReadWithAndAStaleOneShowsTheCurrentQuote() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, 200, quote("inProgress"), Map.of("ETag", "\"3\""));

        mvc.perform(get("/quotes/" + QUOTE).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"etag\" value=\"&quot;3&quot;\"")));

        // someone rejected it meanwhile: orchestration refuses the approval from the page read at version 3
        STUB.answerJson("PATCH", QUOTES + "/" + QUOTE, 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"Quote has changed since the version If-Match names"}""", Map.of("ETag", "\"4\""));
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, 200, quote("rejected"), Map.of("ETag", "\"4\""));
        mvc.perform(post("/quotes/" + QUOTE + "/state").param("state", "approved").param("etag", "\"3\"")
                        .header("Accept-Language", "de").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Das Angebot wurde nicht geändert."),
                        containsString("Seit Sie diese Seite geöffnet haben, wurde dies von jemand anderem geändert"),
                        not(containsString("If-Match")), not(containsString("name=\"etag\"")))));
        assertThat(STUB.header("PATCH", QUOTES + "/" + QUOTE, "If-Match")).isEqualTo("\"3\"");
    }

    @Test
    void aQuoteReadWithoutAnETagIsMovedWithoutIfMatch() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("inProgress"));
        STUB.answerJson("PATCH", QUOTES + "/" + QUOTE, quote("approved"));

        mvc.perform(get("/quotes/" + QUOTE).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(not(containsString("name=\"etag\""))));
        mvc.perform(post("/quotes/" + QUOTE + "/state").param("state", "approved").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection());
        assertThat(STUB.header("PATCH", QUOTES + "/" + QUOTE, "If-Match")).isNull();
    }

    /** A quote above the partner's discount limit, as a German partner reads it (review of 2026-12-07). */
    private static String quoteAboveTheLimit() {
        return quote("inProgress").replace("\"discountPercent\":\"5\",\"discountNeedsApproval\":false",
                        "\"discountPercent\":\"10.5\",\"discountNeedsApproval\":true")
                .replace("{\"id\":\"customer-0042\",\"name\":\"Bakery Dupont\",\"role\":\"Customer\"}",
                        "{\"id\":\"S67-R16-KD-4711\",\"role\":\"Customer\"}")
                .replace("{\"name\":\"discount\",", "{\"name\":\"manual discount\",")
                .replace("\"percentage\":\"5\"", "\"percentage\":\"10.5\"")
                .replace("\"value\":\"37.962\"", "\"value\":\"21.45315\"");
    }

    @Test
    void aGermanQuoteAboveTheLimitShowsRoundedTotalsGermanPercentagesTheWholeReferenceAndNoApprove() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quoteAboveTheLimit());

        mvc.perform(get("/quotes/" + QUOTE).header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>21,45 EUR</strong>"),
                        containsString("(gerundet; genaue Summe 21,45315 EUR)"),
                        containsString("10,5 % · braucht die Genehmigung eines Partnermanagers"),
                        containsString("(manueller Rabatt −10,5 %)"),
                        containsString(">S67-R16-KD-4711<"), not(containsString(">S67-R16-<")),
                        containsString("Ein Partnermanager muss dieses Angebot genehmigen: Der Rabatt von 10,5 %"),
                        not(containsString(">Genehmigen<")), containsString(">Ablehnen<"),
                        not(containsString("10.5")), not(containsString("manual discount")))));
    }

    @Test
    void aRefusedApprovalAboveTheLimitIsSaidInGermanWithoutTheServicesEnglish() throws Exception {
        STUB.answerJson("PATCH", QUOTES + "/" + QUOTE, 409, """
                {"title":"Conflict","status":409,"detail":"Quote x has a discount of 10.5% above the limit of the role that set it: a partner manager approves it"}""",
                Map.of());
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quoteAboveTheLimit());

        mvc.perform(post("/quotes/" + QUOTE + "/state").param("state", "approved").header("Accept-Language", "de")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("Nur ein Partnermanager kann dieses Angebot genehmigen"),
                        not(containsString("a partner manager approves it")))));
    }

    @Test
    void anUnknownMoveSendsNothing() throws Exception {
        STUB.answerJson("GET", QUOTES + "/" + QUOTE, quote("inProgress"));

        mvc.perform(post("/quotes/" + QUOTE + "/state").param("state", "expired").with(csrf())
                        .with(TestUsers.partner("partner-user")))
                .andExpect(status().isBadRequest());
        assertThat(STUB.requestsTo("PATCH", QUOTES + "/" + QUOTE)).isEmpty();
    }

    @Test
    void staffDoNotSeeThePartnersQuotePages() throws Exception {
        mvc.perform(get("/quotes").with(TestUsers.staff("ops", "ops"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();
    }

    private static final String OWN = "0f000000-0000-4000-8000-000000000001";
    private static final String CSPS = "0f000000-0000-4000-8000-000000000002";
    private static final String CO_CREATED = "0f000000-0000-4000-8000-000000000003";
    private static final String ORGANIZATION = "/tmf-api/party/v4/organization/" + PARTNER_A;

    private void catalogOfThreeOwners(String businessModel) {
        STUB.answerJson("GET", OFFERINGS, """
                [{"id":"%s","name":"My Video","relatedParty":[{"id":"%s","role":"Owner"}]},
                 {"id":"%s","name":"CSP Mobile","relatedParty":[]},
                 {"id":"%s","name":"Co Gaming","relatedParty":[{"id":"22222222-2222-4222-8222-222222222222","role":"Owner"}],
                  "participants":[{"partnerId":"%s","sharePercent":30}]}]""".formatted(OWN, PARTNER_A, CSPS,
                CO_CREATED, PARTNER_A));
        STUB.answerJson("GET", ORGANIZATION, """
                {"id":"%s","partyCharacteristic":[{"name":"businessModel","value":"%s"}]}"""
                .formatted(PARTNER_A, businessModel));
    }

    @Test
    void aPartnerThatDoesNotResellIsOfferedOnlyWhatItMayQuoteNamedByName() throws Exception {
        catalogOfThreeOwners("SELL_THROUGH");
        STUB.answerJson("GET", OFFERINGS + "/" + OWN, """
                {"id":"%s","name":"My Video","relatedParty":[{"id":"%s","role":"Owner"}]}""".formatted(OWN, PARTNER_A));
        STUB.answerJson("GET", OFFERINGS + "/" + CSPS, "{\"id\":\"%s\",\"name\":\"CSP Mobile\"}".formatted(CSPS));

        mvc.perform(get("/quotes/new").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">My Video</option>"),
                        containsString(">Co Gaming</option>"), not(containsString("CSP Mobile")))));
        assertThat(STUB.header("GET", ORGANIZATION, "Authorization")).isEqualTo("Bearer partner-token");

        mvc.perform(get("/quotes/new?offering=" + OWN).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Offering My Video"),
                        not(containsString("Offering " + OWN)))));

        // typed in: refused on the form's page, nothing to fill in
        mvc.perform(get("/quotes/new?offering=" + CSPS).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("You cannot quote CSP Mobile"),
                        not(containsString("name=\"offeringId\"")))));
    }

    @Test
    void aResellerIsOfferedTheCspsOfferingsToo() throws Exception {
        catalogOfThreeOwners("RESELL");

        mvc.perform(get("/quotes/new").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">My Video</option>"),
                        containsString(">CSP Mobile</option>"), containsString(">Co Gaming</option>"))));
    }

    @Test
    void orchestrationsRefusalOfTheCspsOfferingIsSaidInPlainWords() throws Exception {
        STUB.answerJson("GET", OFFERINGS, "[]");
        STUB.answerJson("GET", OFFERINGS + "/" + CSPS, "{\"id\":\"%s\",\"name\":\"CSP Mobile\"}".formatted(CSPS));
        STUB.answerJson("POST", QUOTES, 409, """
                {"title":"Conflict","status":409,"detail":"quote item 1 cannot be sold: offering %s is the CSP's own, and partner %s goes to market with us as SELL_THROUGH: a partner buys the CSP's offerings only as a reseller"}"""
                .formatted(CSPS, PARTNER_A), Map.of());

        mvc.perform(post("/quotes").with(csrf()).with(TestUsers.partner("partner-admin")).param("offeringId", CSPS)
                        .param("customerId", "customer-1").param("quantity", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("partners buy those only when they resell them"),
                        not(containsString("goes to market with us")))));
    }
}
