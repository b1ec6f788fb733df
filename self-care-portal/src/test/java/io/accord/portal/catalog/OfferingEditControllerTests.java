package io.accord.portal.catalog;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OfferingEditControllerTests extends PortalTestSupport {

    OfferingEditControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";
    private static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    private static final String OFFERING = "0ff00000-0000-4000-8000-000000000001";
    private static final String MONTHLY_V1 = "9c000000-0000-4000-8000-000000000001";
    private static final String MONTHLY_V2 = "9c000000-0000-4000-8000-000000000002";
    private static final String VOICE = "9c000000-0000-4000-8000-000000000003";

    private static String offering(String lifecycleStatus, String owner, String pendingChange) {
        return """
                {"id":"%s","name":"Video Plus","description":"Films and series","version":"1",
                 "lifecycleStatus":"%s","validFor":{"startDateTime":"2026-12-01T00:00:00Z"},"externalId":"off-video",
                 "relatedParty":[{"id":"%s","role":"Owner","@referredType":"Organization"}]%s,
                 "@type":"ProductOffering"}"""
                .formatted(OFFERING, lifecycleStatus, owner,
                        pendingChange == null ? "" : ",\"pendingChange\":\"" + pendingChange + "\"");
    }

    private static String monthly(String id, int version, String amount, String status) {
        return """
                {"id":"%s","name":"Monthly fee","version":"%d","priceType":"recurring","lifecycleStatus":"%s",
                 "validFor":{"startDateTime":"2026-12-01T00:00:00Z"},"recurringChargePeriodType":"month",
                 "price":{"unit":"EUR","value":"%s"},"productOffering":{"id":"%s"},"externalId":"monthly",
                 "definition":{"externalId":"monthly","name":"Monthly fee","type":"RECURRING","amount":%s,
                  "currency":"EUR","taxCategory":"STANDARD","period":"MONTH","proration":"DAILY","unit":null,
                  "roundingFirst":null,"roundingNext":null,"minimumQuantity":null,"tierMode":null,"tiers":[],
                  "accumulation":null,"usageTypes":[],"minimumCharge":null,"validFrom":"2026-12-01T00:00:00Z"},
                 "@type":"ProductOfferingPrice"}"""
                .formatted(id, version, status, amount, OFFERING, amount);
    }

    private static final String VOICE_PRICE = """
            {"id":"%s","name":"Voice","version":"1","priceType":"usage","lifecycleStatus":"In study",
             "validFor":{"startDateTime":"2026-12-01T00:00:00Z"},"productOffering":{"id":"%s"},"externalId":"voice",
             "definition":{"externalId":"voice","name":"Voice","type":"USAGE","amount":null,"currency":"EUR",
              "taxCategory":"STANDARD","period":null,"proration":null,"unit":"MIN","roundingFirst":60,"roundingNext":1,
              "minimumQuantity":null,"tierMode":"GRADUATED","tiers":[{"from":0,"to":100,"rate":0.05},
              {"from":100,"to":null,"rate":0.03}],"accumulation":"CALENDAR_MONTH","usageTypes":["VOICE"],
              "minimumCharge":null,"validFrom":"2026-12-01T00:00:00Z"},
             "@type":"ProductOfferingPrice"}""".formatted(VOICE, OFFERING);

    private void ownDraft() {
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("In study", PARTNER_A, null));
        STUB.answerJson("GET", PRICES, "[" + monthly(MONTHLY_V1, 1, "9.99", "Obsolete") + ","
                + monthly(MONTHLY_V2, 2, "10.99", "In study") + "," + VOICE_PRICE + "]");
    }

    private long changes() {
        return STUB.requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    @Test
    void aPartnerAdminSeesItsDraftWithALabelledFormAndEachPricesLatestVersion() throws Exception {
        ownDraft();

        mvc.perform(get("/catalog/" + OFFERING).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Video Plus</h1>"),
                        containsString("<label for=\"offering-name\">Name</label>"),
                        containsString("id=\"offering-name\" name=\"name\" type=\"text\" value=\"Video Plus\""),
                        containsString("<label for=\"offering-description\">Description (optional)</label>"),
                        containsString(">Films and series</textarea>"),
                        containsString("<label for=\"offering-valid-from\">Valid from (UTC)</label>"),
                        containsString("value=\"2026-12-01T00:00\""),
                        containsString("A draft (or rejected) offering changes at once"),
                        containsString("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2),
                        not(containsString("/prices/" + MONTHLY_V1)), containsString("10.99 EUR"),
                        containsString("aria-label=\"Change the price Voice\""), containsString("tiered"))));
        assertThat(STUB.requestsTo("GET", PRICES).getFirst().query()).isEqualTo("productOffering.id=" + OFFERING);
        assertThat(STUB.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer partner-token"));
    }

    @Test
    void savingSendsAMergePatchOfWhatChangedOnly() throws Exception {
        ownDraft();
        STUB.answerJson("PATCH", OFFERINGS + "/" + OFFERING, offering("In study", PARTNER_A, null));

        mvc.perform(post("/catalog/" + OFFERING).param("name", " Video Plus HD ").param("description", "")
                        .param("validFrom", "2026-12-01T00:00").param("validTo", "2027-12-31T00:00").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/" + OFFERING))
                .andExpect(flash().attribute("noticeKey", "catalogEdit.saved"));

        StubGateway.Request patch = STUB.requestsTo("PATCH", OFFERINGS + "/" + OFFERING).getFirst();
        assertThat(patch.body()).isEqualTo("{\"name\":\"Video Plus HD\",\"description\":null,"
                + "\"validFor\":{\"endDateTime\":\"2027-12-31T00:00:00Z\"}}");
        assertThat(STUB.header("PATCH", OFFERINGS + "/" + OFFERING, "Content-Type"))
                .startsWith("application/merge-patch+json");
    }

    @Test
    void aChangeSendsTheETagTheFormWasReadWithAndAStaleOneKeepsTheInputWithTheCurrentVersion() throws Exception {
        ownDraft();
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, 200, offering("In study", PARTNER_A, null),
                Map.of("ETag", "\"2\""));
        mvc.perform(get("/catalog/" + OFFERING).with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString("name=\"etag\" value=\"&quot;2&quot;\"")));

        // another admin renamed it meanwhile: the catalog is at version 3
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, 200, offering("In study", PARTNER_A, null)
                .replace("\"Video Plus\"", "\"Video Max\""), Map.of("ETag", "\"3\""));
        STUB.answerJson("PATCH", OFFERINGS + "/" + OFFERING, 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"ProductOffering has changed since the version If-Match names"}""", Map.of("ETag", "\"3\""));
        mvc.perform(post("/catalog/" + OFFERING).param("name", "Video Plus HD").param("description", "Films")
                        .param("validFrom", "2026-12-01T00:00").param("etag", "\"2\"").with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("<h1>Video Max</h1>"),
                        containsString("Changed by someone else since you opened this page"),
                        containsString("value=\"Video Plus HD\""), not(containsString("If-Match")),
                        containsString("name=\"etag\" value=\"&quot;3&quot;\""))));
        assertThat(STUB.header("PATCH", OFFERINGS + "/" + OFFERING, "If-Match")).isEqualTo("\"2\"");
    }

    @Test
    void aLaunchedOfferingsChangeWaitsForReviewAndAnUnchangedFormSendsNothing() throws Exception {
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("Launched", PARTNER_A, null));
        STUB.answerJson("PATCH", OFFERINGS + "/" + OFFERING, offering("Launched", PARTNER_A, "NEW_VERSION"));
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(post("/catalog/" + OFFERING).param("name", "Video Plus").param("description", "Films and series")
                        .param("validFrom", "2026-12-01T00:00").param("validTo", "").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "catalogEdit.unchanged"));
        assertThat(changes()).isZero();

        mvc.perform(post("/catalog/" + OFFERING).param("name", "Video Plus").param("description", "Films, series")
                        .param("validFrom", "2026-12-01T00:00").param("validTo", "").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "catalogEdit.inReview"));
        assertThat(STUB.requestsTo("PATCH", OFFERINGS + "/" + OFFERING).getFirst().body())
                .isEqualTo("{\"description\":\"Films, series\"}");
    }

    @Test
    void badInputIsABadRequestAtItsFieldAndSendsNothing() throws Exception {
        ownDraft();

        mvc.perform(post("/catalog/" + OFFERING).param("name", " ").param("validFrom", "2026-12-01T00:00")
                        .param("validTo", "2026-11-01T00:00").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("aria-invalid=\"true\" aria-describedby=\"offering-name-error\""),
                        containsString("<span id=\"offering-name-error\" class=\"field-error\">Enter a name.</span>"),
                        containsString("<span id=\"offering-valid-to-error\" class=\"field-error\">The end must come after the start.</span>"),
                        // a summary the screen reader announces, and the title says the page is an error
                        containsString("Please correct the 2 marked field(s)."), containsString("role=\"alert\""),
                        containsString("<title>Error: "))));
        assertThat(changes()).isZero();
    }

    @Test
    void theCatalogsViolationsAreShownAtTheirFieldsAndAConflictWithItsReason() throws Exception {
        ownDraft();
        STUB.answerJson("PATCH", OFFERINGS + "/" + OFFERING, 400, """
                {"title":"Bad Request","status":400,"detail":"validFrom: must not be before 2000",
                 "violations":[{"field":"validFrom","message":"validFrom must not be before 2000"},
                               {"field":"category","message":"category 'video' is retired"}]}""", Map.of());
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(post("/catalog/" + OFFERING).param("name", "Video Plus").param("description", "Films and series")
                        .param("validFrom", "1999-01-01T00:00").with(csrf()).with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<span id=\"offering-valid-from-error\" class=\"field-error\">validFrom must not be before 2000</span>"),
                        containsString("category: category &#39;video&#39; is retired"),
                        containsString("value=\"1999-01-01T00:00\""))));

        STUB.answerJson("PATCH", OFFERINGS + "/" + OFFERING, 409, """
                {"title":"Conflict","status":409,"detail":"offering is in review"}""", Map.of());
        mvc.perform(post("/catalog/" + OFFERING).param("name", "Video Plus 2").param("description", "Films and series")
                        .param("validFrom", "2026-12-01T00:00").with(csrf()).with(admin))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("offering is in review"))));
    }

    @Test
    void theOwnersAdminWithdrawsAChangeWaitingForReviewAndARefusalIsShownWithItsReason() throws Exception {
        String withdrawal = "/api/catalog/offerings/" + OFFERING + "/pending-change/withdrawal";
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("Launched", PARTNER_A, "NEW_PRICE_VERSION"));
        STUB.answerJson("GET", PRICES, "[" + monthly(MONTHLY_V1, 1, "9.99", "Launched") + "]");
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(get("/catalog/" + OFFERING).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("action=\"/catalog/" + OFFERING + "/pending-change/withdrawal\""),
                        containsString(">Withdraw the change</button>"),
                        not(containsString("id=\"offering-name\"")))));
        mvc.perform(get("/catalog/" + OFFERING).with(TestUsers.partner("partner-user")))
                .andExpect(content().string(not(containsString("Withdraw the change"))));

        STUB.answerJson("POST", withdrawal, offering("Launched", PARTNER_A, null));
        mvc.perform(post("/catalog/" + OFFERING + "/pending-change/withdrawal").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/" + OFFERING))
                .andExpect(flash().attribute("noticeKey", "catalogEdit.withdrawn"));
        assertThat(STUB.requestsTo("POST", withdrawal)).hasSize(1);

        STUB.answerJson("POST", withdrawal, 409, """
                {"title":"Conflict","status":409,"detail":"no change waits for review (the offering is LAUNCHED)"}""",
                Map.of());
        mvc.perform(post("/catalog/" + OFFERING + "/pending-change/withdrawal").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("withdrawalRefused", "no change waits for review (the offering is LAUNCHED)"));

        STUB.reset();
        mvc.perform(post("/catalog/" + OFFERING + "/pending-change/withdrawal").with(csrf())
                .with(TestUsers.partner("partner-user"))).andExpect(status().isForbidden());
        assertThat(STUB.requests()).isEmpty();

        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("Launched", PARTNER_A, null));
        STUB.answerJson("GET", PRICES, "[" + monthly(MONTHLY_V1, 1, "9.99", "Launched") + "]");
        mvc.perform(get("/catalog/" + OFFERING).with(admin))
                .andExpect(content().string(allOf(containsString("id=\"offering-name\""),
                        not(containsString("Withdraw the change")))));
    }

    @Test
    void aRefusedWithdrawalIsShownOnTheOfferingsPage() throws Exception {
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("Launched", PARTNER_A, null));
        STUB.answerJson("GET", PRICES, "[" + monthly(MONTHLY_V1, 1, "9.99", "Launched") + "]");

        mvc.perform(get("/catalog/" + OFFERING).flashAttr("withdrawalRefused", "it was decided meanwhile")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"withdrawal-error\""),
                        containsString("The change was not withdrawn."),
                        containsString("it was decided meanwhile"))));
    }

    @Test
    void partnerUsersAndOtherOwnersOfferingsGetNoFormAndPartnerUsersAreRefusedTheChange() throws Exception {
        ownDraft();
        mvc.perform(get("/catalog/" + OFFERING).with(TestUsers.partner("partner-user")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Video Plus"),
                        not(containsString("id=\"offering-name\"")))));

        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING,
                offering("Launched", "22222222-2222-4222-8222-222222222222", null));
        mvc.perform(get("/catalog/" + OFFERING).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"offering-name\""))));

        STUB.reset();
        mvc.perform(post("/catalog/" + OFFERING).param("name", "x").with(csrf())
                .with(TestUsers.partner("partner-user"))).andExpect(status().isForbidden());
        mvc.perform(post("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).param("name", "x").with(csrf())
                .with(TestUsers.partner("partner-user"))).andExpect(status().isForbidden());
        mvc.perform(post("/catalog/" + OFFERING).param("name", "x").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void aPriceChangeSendsTheOfferingsETagItsPageWasReadWithAndAStaleOneKeepsTheInput() throws Exception {
        ownDraft();
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, 200, offering("In study", PARTNER_A, null),
                Map.of("ETag", "\"2-aa\""));
        STUB.answerJson("GET", PRICES + "/" + MONTHLY_V2, monthly(MONTHLY_V2, 2, "10.99", "In study"));
        var admin = TestUsers.partner("partner-admin");
        mvc.perform(get("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).with(admin))
                .andExpect(content().string(containsString("name=\"etag\" value=\"&quot;2-aa&quot;\"")));

        // another admin added a price meanwhile: the offering's tag moved
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, 200, offering("In study", PARTNER_A, null),
                Map.of("ETag", "\"2-bb\""));
        STUB.answerJson("POST", PRICES, 412, """
                {"type":"https://accord.dev/problems/precondition-failed","title":"Precondition Failed","status":412,
                 "detail":"ProductOffering has changed since the version If-Match names"}""", Map.of("ETag", "\"2-bb\""));
        mvc.perform(post("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).param("name", "Monthly fee")
                        .param("amount", "12.50").param("minimumCharge", "").param("validFrom", "2026-12-01T00:00")
                        .param("etag", "\"2-aa\"").with(csrf()).with(admin))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Changed by someone else since you opened this page"),
                        containsString("value=\"12.50\""), not(containsString("If-Match")),
                        containsString("name=\"etag\" value=\"&quot;2-bb&quot;\""))));
        assertThat(STUB.header("POST", PRICES, "If-Match")).isEqualTo("\"2-aa\"");
    }

    @Test
    void aPriceChangeSendsItsWholeDefinitionWithTheSameExternalId() throws Exception {
        ownDraft();
        STUB.answerJson("GET", PRICES + "/" + MONTHLY_V2, monthly(MONTHLY_V2, 2, "10.99", "In study"));
        STUB.answerJson("POST", PRICES, 201, monthly(MONTHLY_V2, 2, "12.5", "In study"), Map.of());
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(get("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"price-amount\">Amount in EUR</label>"),
                        containsString("id=\"price-amount\" name=\"amount\" type=\"text\" value=\"10.99\""),
                        containsString("<label for=\"price-valid-from\">In force from (UTC)</label>"),
                        containsString("<label for=\"price-minimum\">Minimum charge (optional)</label>"))));

        mvc.perform(post("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).param("name", "Monthly fee")
                        .param("amount", "12,50").param("minimumCharge", "").param("validFrom", "2026-12-01T00:00")
                        .header("Accept-Language", "de").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/" + OFFERING))
                .andExpect(flash().attribute("noticeKey", "catalogEdit.saved"));
        assertThat(STUB.requestsTo("POST", PRICES).getFirst().body()).isEqualTo("{\"name\":\"Monthly fee\","
                + "\"priceType\":\"recurring\",\"price\":{\"unit\":\"EUR\",\"value\":\"12.50\"},"
                + "\"recurringChargePeriodType\":\"month\",\"validFor\":{\"startDateTime\":\"2026-12-01T00:00:00Z\"},"
                + "\"tax\":[{\"taxCategory\":\"STANDARD\"}],\"productOffering\":{\"id\":\"" + OFFERING + "\"},"
                + "\"externalId\":\"monthly\",\"proration\":\"DAILY\"}");
    }

    @Test
    void aTieredPriceKeepsItsTiersAndALaunchedOfferingsNewPriceVersionWaitsForReview() throws Exception {
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("Launched", PARTNER_A, null));
        STUB.answerJson("GET", PRICES + "/" + VOICE, VOICE_PRICE);
        STUB.answerJson("POST", PRICES, 202, offering("Launched", PARTNER_A, "NEW_PRICE_VERSION"), Map.of());
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(get("/catalog/" + OFFERING + "/prices/" + VOICE).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tiers change by a catalog file import."),
                        not(containsString("id=\"price-amount\"")), containsString("the change becomes a new price version"),
                        containsString("name=\"validFrom\" type=\"datetime-local\" value=\"\""))));

        mvc.perform(post("/catalog/" + OFFERING + "/prices/" + VOICE).param("name", "Voice calls")
                        .param("validFrom", "2027-01-01T00:00").with(csrf()).with(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeKey", "catalogEdit.inReview"));
        assertThat(STUB.requestsTo("POST", PRICES).getFirst().body()).isEqualTo("{\"name\":\"Voice calls\","
                + "\"priceType\":\"usage\",\"price\":{\"unit\":\"EUR\"},\"unitOfMeasure\":{\"amount\":1,\"units\":\"MIN\"},"
                + "\"validFor\":{\"startDateTime\":\"2027-01-01T00:00:00Z\"},\"tax\":[{\"taxCategory\":\"STANDARD\"}],"
                + "\"productOffering\":{\"id\":\"" + OFFERING + "\"},\"externalId\":\"voice\",\"roundingFirst\":60,"
                + "\"roundingNext\":1,\"tierMode\":\"GRADUATED\",\"tiers\":[{\"from\":0,\"to\":100,\"rate\":0.05},"
                + "{\"from\":100,\"to\":null,\"rate\":0.03}],\"accumulation\":\"CALENDAR_MONTH\",\"usageTypes\":[\"VOICE\"]}");
    }

    @Test
    void aPricesViolationIsShownAtItsFieldAndBadInputSendsNothing() throws Exception {
        ownDraft();
        STUB.answerJson("GET", PRICES + "/" + MONTHLY_V2, monthly(MONTHLY_V2, 2, "10.99", "In study"));
        STUB.answerJson("POST", PRICES, 400, """
                {"title":"Bad Request","status":400,"detail":"minimumCharge: at most 6 decimals",
                 "violations":[{"field":"minimumCharge","message":"minimumCharge has at most 6 decimals"}]}""",
                Map.of());
        var admin = TestUsers.partner("partner-admin");

        mvc.perform(post("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).param("name", "Monthly fee")
                        .param("amount", "12").param("minimumCharge", "1.000001").param("validFrom", "2026-12-01T00:00")
                        .with(csrf()).with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<span id=\"price-minimum-error\" class=\"field-error\">minimumCharge has at most 6 decimals</span>"),
                        containsString("aria-describedby=\"price-minimum-error\""),
                        containsString("Please correct the 1 marked field(s)."))));

        STUB.reset();
        ownDraft();
        STUB.answerJson("GET", PRICES + "/" + MONTHLY_V2, monthly(MONTHLY_V2, 2, "10.99", "In study"));
        mvc.perform(post("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).param("name", "Monthly fee")
                        .param("amount", "-1").param("validFrom", "").with(csrf()).with(admin)
                        .header("Accept-Language", "de-DE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Geben Sie einen Betrag von null oder mehr ein"),
                        containsString("Geben Sie an, ab wann der Preis gilt."), containsString("Preis ändern"))));
        assertThat(changes()).isZero();
    }

    @Test
    void aPriceOfAnotherOfferingIsNotFound() throws Exception {
        STUB.answerJson("GET", OFFERINGS + "/" + OFFERING, offering("In study", PARTNER_A, null));
        STUB.answerJson("GET", PRICES + "/" + MONTHLY_V2, monthly(MONTHLY_V2, 2, "10.99", "In study")
                .replace(OFFERING, "0ff00000-0000-4000-8000-000000000099"));

        mvc.perform(get("/catalog/" + OFFERING + "/prices/" + MONTHLY_V2).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isNotFound());
    }
}
