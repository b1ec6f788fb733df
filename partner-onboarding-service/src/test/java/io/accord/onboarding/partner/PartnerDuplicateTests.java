package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner created twice by staff is never a silent duplicate: it is flagged, listed, merged or dismissed. */
@AccordServiceTest
class PartnerDuplicateTests {

    private static final String PARTNERS = "/api/onboarding/partners";
    private static final String DUPLICATES = "/api/onboarding/admin/partner-duplicates";
    private static final String ORGANIZATIONS = "/tmf-api/party/v4/organization";

    @LocalServerPort
    int port;

    private TestHttp manager;
    private TestHttp auditor;
    private TestHttp anonymous;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-dora", Roles.PARTNER_MANAGER));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        anonymous = TestHttp.localPort(port);
    }

    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x") + " GmbH";
    }

    private static String partner(String legalName, String country, String taxId) {
        return """
                {"legalName": "%s", "partnerType": "OTT_CONTENT", "businessModel": "SELL_THROUGH",
                 "country": "%s", %s"settlementCurrency": "EUR"}
                """.formatted(legalName, country, taxId == null ? "" : "\"taxId\": \"" + taxId + "\", ");
    }

    @Test
    void theSameBodyTwiceCreatesASecondPartnerFlaggedAsPossibleDuplicateOfTheFirst() {
        String body = partner(unique("Twice Media"), "DE", null);
        String first = manager.post(PARTNERS, body).json().get("id").asString();

        TestHttp.Response second = manager.post(PARTNERS, body);

        assertThat(second.status()).isEqualTo(201);
        assertThat(ids(second.json().get("possibleDuplicateOf"))).containsExactly(first);
        String secondId = second.json().get("id").asString();
        assertThat(ids(manager.get(PARTNERS + "/" + secondId).json().get("possibleDuplicateOf")))
                .containsExactly(first);
        assertThat(manager.get(PARTNERS + "/" + first).json().has("possibleDuplicateOf")).isFalse();
        JsonNode listed = entry(auditor.get(DUPLICATES).json(), secondId);
        assertThat(listed).isNotNull();
        assertThat(listed.get("possibleDuplicateOf").get(0).get("id").asString()).isEqualTo(first);
    }

    @Test
    void aNameSpelledDifferentlyInTheSameCountryIsFlaggedTooButNotAnotherCountry() {
        String name = unique("Spelling Media");
        String first = manager.post(PARTNERS, partner(name, "DE", null)).json().get("id").asString();

        TestHttp.Response respelled = manager.post(PARTNERS, partner(name.toUpperCase().replace(" GMBH", " Ltd."),
                "DE", null));
        TestHttp.Response elsewhere = manager.post(PARTNERS, partner(name, "AT", null));

        assertThat(ids(respelled.json().get("possibleDuplicateOf"))).contains(first);
        assertThat(elsewhere.json().has("possibleDuplicateOf")).isFalse();
    }

    @Test
    void aTaxIdAnotherPartnerHasIsRefusedNamingItUnlessStaffSayWhyTheyShareItAndAReplayStillReplays() {
        String vat = uniqueGermanVat();
        String firstBody = partner(unique("Tax Owner"), "DE", vat.substring(0, 2) + " " + vat.substring(2));
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = manager.header("Idempotency-Key", key).post(PARTNERS, firstBody);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String owner = first.json().get("id").asString();
        String copyName = unique("Tax Copy");

        TestHttp.Response refused = manager.post(PARTNERS, partner(copyName, "DE", vat.toLowerCase()));
        TestHttp.Response refusedTmf = manager.post(ORGANIZATIONS, organization(copyName, vat, null));

        for (TestHttp.Response conflict : List.of(refused, refusedTmf)) {
            assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
            assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
            assertThat(conflict.json().get("detail").asString()).contains(owner).contains("sharedTaxIdReason");
            assertThat(conflict.json().get("existingPartnerId").asString()).isEqualTo(owner);
        }
        assertThat(manager.get(ORGANIZATIONS + "?name=" + copyName.replace(" ", "%20")).json()).isEmpty();
        TestHttp.Response replayed = manager.header("Idempotency-Key", key).post(PARTNERS, firstBody);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json().get("id").asString()).isEqualTo(owner);

        TestHttp.Response shared = manager.post(PARTNERS, partner(copyName, "DE", vat).replace("\"settlementCurrency\"",
                "\"sharedTaxIdReason\": \"VAT group member of the owner\", \"settlementCurrency\""));
        TestHttp.Response sharedTmf = manager.post(ORGANIZATIONS, organization(unique("Tax Tmf"), vat,
                "VAT group member"));

        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        assertThat(sharedTmf.status()).as(sharedTmf.body()).isEqualTo(201);
        JsonNode audited = auditor.get("/api/onboarding/audit?resourceId=" + shared.json().get("id").asString())
                .json();
        List<String> actions = new ArrayList<>();
        audited.forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).contains("tax-id-shared", "created");
        assertThat(audited.toString()).contains("VAT group member of the owner").contains(owner);
    }

    private static String organization(String name, String taxId, String sharedTaxIdReason) {
        return """
                {"name": "%s", "organizationType": "RESELLER",
                 "organizationIdentification": [{"identificationType": "taxId", "identificationId": "%s"}],
                 "partyCharacteristic": [{"name": "businessModel", "value": "RESELL"},
                   {"name": "settlementCurrency", "value": "EUR"}, {"name": "country", "value": "DE"}%s]}
                """.formatted(name, taxId, sharedTaxIdReason == null ? ""
                : ", {\"name\": \"sharedTaxIdReason\", \"value\": \"" + sharedTaxIdReason + "\"}");
    }

    /** A German VAT number with a valid check digit, different for every call (partners may not share one). */
    private static String uniqueGermanVat() {
        String body = String.valueOf(10_000_000 + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                89_999_999L));
        int product = 10;
        for (char c : body.toCharArray()) {
            int sum = (c - '0' + product) % 10;
            product = (2 * (sum == 0 ? 10 : sum)) % 11;
        }
        int check = 11 - product;
        return "DE" + body + (check == 10 ? 0 : check);
    }

    @Test
    void aTmfOrganizationCreatedTwiceCarriesPossibleDuplicateOfAsACharacteristic() {
        String organization = """
                {"@type": "Organization", "name": "%s", "organizationType": "RESELLER", "status": "validated",
                 "isHeadOffice": true,
                 "partyCharacteristic": [{"name": "businessModel", "value": "RESELL", "@type": "StringCharacteristic"},
                   {"name": "settlementCurrency", "value": "EUR"}, {"name": "country", "value": "FR"}]}
                """.formatted(unique("Tmf Twice"));
        TestHttp.Response first = manager.post(ORGANIZATIONS, organization);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        TestHttp.Response second = manager.post(ORGANIZATIONS, organization);

        assertThat(second.status()).isEqualTo(201);
        assertThat(characteristic(second.json(), "possibleDuplicateOf")).isEqualTo(first.json().get("id").asString());
        assertThat(characteristic(first.json(), "possibleDuplicateOf")).isNull();
    }

    @Test
    void mergeTerminatesTheDuplicateNamingTheSurvivorAndIsAudited() {
        String body = partner(unique("Merge Media"), "DE", null);
        String survivor = manager.post(PARTNERS, body).json().get("id").asString();
        String duplicate = manager.post(PARTNERS, body).json().get("id").asString();
        String stranger = manager.post(PARTNERS, partner(unique("Stranger"), "DE", null)).json().get("id").asString();

        assertThat(manager.post(DUPLICATES + "/" + duplicate + "/merge",
                "{\"survivorId\": \"" + stranger + "\"}").status()).isEqualTo(409);
        assertThat(auditor.post(DUPLICATES + "/" + duplicate + "/merge",
                "{\"survivorId\": \"" + survivor + "\"}").status()).isEqualTo(403);
        TestHttp.Response merged = manager.post(DUPLICATES + "/" + duplicate + "/merge",
                "{\"survivorId\": \"" + survivor + "\", \"reason\": \"created twice\"}");

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("status").asString()).isEqualTo("TERMINATED");
        assertThat(merged.json().get("statusReason").asString())
                .isEqualTo("merged into partner " + survivor + ": created twice");
        assertThat(merged.json().has("possibleDuplicateOf")).isFalse();
        assertThat(manager.get(PARTNERS + "/" + survivor).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(entry(manager.get(DUPLICATES).json(), duplicate)).isNull();
        assertThat(auditor.get("/api/onboarding/audit?resourceType=partner&resourceId=" + duplicate).json().get(0)
                .get("action").asString()).isEqualTo("duplicate-merged");
        assertThat(manager.post(DUPLICATES + "/" + duplicate + "/merge",
                "{\"survivorId\": \"" + survivor + "\"}").status()).isEqualTo(409);
    }

    @Test
    void dismissClearsTheFlagOnlyAndIsAudited() {
        String body = partner(unique("Dismiss Media"), "DE", null);
        manager.post(PARTNERS, body);
        String flagged = manager.post(PARTNERS, body).json().get("id").asString();

        TestHttp.Response dismissed = manager.post(DUPLICATES + "/" + flagged + "/dismissal",
                "{\"reason\": \"two subsidiaries\"}");

        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(dismissed.json().has("possibleDuplicateOf")).isFalse();
        assertThat(dismissed.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(entry(manager.get(DUPLICATES).json(), flagged)).isNull();
        assertThat(auditor.get("/api/onboarding/audit?resourceId=" + flagged).json().get(0).get("action")
                .asString()).isEqualTo("duplicate-dismissed");
        assertThat(manager.post(DUPLICATES + "/" + flagged + "/dismissal", "{}").status()).isEqualTo(409);
    }

    @Test
    void anApplicationNamedLikeAStaffCreatedPartnerGoesToReviewAsDuplicate() {
        String name = unique("Staff Made");
        String staffMade = manager.post(PARTNERS, partner(name, "DE", null)).json().get("id").asString();
        String application = """
                {"legalName": "%s", "tradingName": "Brand", "partnerType": "OTT_CONTENT",
                 "businessModel": "SELL_THROUGH", "country": "DE",
                 "registeredAddress": {"street1": "Friedrichstraße 68", "city": "Berlin", "postCode": "10117"},
                 "contacts": {"commercial": {"name": "Anna", "email": "anna@staffmade.example"},
                   "billing": {"name": "Lea", "email": "billing@staffmade.example"}},
                 "bankAccount": {"iban": "DE89 3704 0044 0532 0130 00"}, "settlementCurrency": "EUR"}
                """.formatted(name.replace(" GmbH", " G.m.b.H."));
        TestHttp.Response created = anonymous.post("/api/onboarding/applications", application);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String applicationId = created.json().get("id").asString();
        TestHttp withSecret = anonymous.header("X-Tracking-Secret", created.json().get("trackingSecret").asString());

        JsonNode submitted = withSecret.post("/api/onboarding/applications/" + applicationId + "/submission", null)
                .json();

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        String duplicates = null;
        for (JsonNode check : manager.get("/api/onboarding/admin/applications/" + applicationId).json()
                .get("checks")) {
            if ("duplicates".equals(check.get("check").asString())) {
                duplicates = check.get("outcome").asString() + ": " + check.get("reason").asString();
            }
        }
        assertThat(duplicates).startsWith("FAILED").contains(staffMade);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(id -> ids.add(id.asString()));
        }
        return ids;
    }

    private static JsonNode entry(JsonNode list, String id) {
        for (JsonNode entry : list) {
            if (id.equals(entry.get("id").asString())) {
                return entry;
            }
        }
        return null;
    }

    private static String characteristic(JsonNode organization, String name) {
        for (JsonNode characteristic : organization.get("partyCharacteristic")) {
            if (name.equals(characteristic.get("name").asString())) {
                return characteristic.get("value").asString();
            }
        }
        return null;
    }
}
