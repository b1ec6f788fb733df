package io.accord.onboarding.partner;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ConcurrentRequests;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TMF632 organizations as a client written against the specification uses them. */
@AccordServiceTest
class OrganizationConformanceTests {

    static final String ORGANIZATIONS = "/tmf-api/party/v4/organization";

    @LocalServerPort
    int port;

    private TestHttp manager;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-tmf", Roles.PARTNER_MANAGER));
    }

    static String organization(String name) {
        return """
                {"@type": "Organization", "name": "%s", "tradingName": "%s Trading", "organizationType": "MVNO",
                 "isLegalEntity": true,
                 "partyCharacteristic": [
                   {"name": "businessModel", "value": "RESELL", "valueType": "string"},
                   {"name": "settlementCurrency", "value": "EUR"}],
                 "contactMedium": [
                   {"mediumType": "postalAddress", "characteristic": {"street1": "Hauptstr. 1", "city": "Berlin",
                    "postCode": "10115", "country": "DE"}},
                   {"mediumType": "email", "characteristic": {"contactType": "billing",
                    "emailAddress": "billing@example.com"}},
                   {"mediumType": "phone", "characteristic": {"phoneNumber": "+49 30 1234567"}}],
                 "organizationIdentification": [{"identificationType": "taxId", "identificationId": "%s"}],
                 "externalReference": [{"externalReferenceType": "crm", "name": "CRM-42"}]}""".formatted(name, name,
                taxId(name));
    }

    /** A tax id of the organization's own: staff cannot create a second partner with a taken one. */
    static String taxId(String name) {
        return "DE" + String.format("%09d", Math.floorMod(name.hashCode(), 1_000_000_000));
    }

    private String create(String name) {
        TestHttp.Response created = manager.post(ORGANIZATIONS, organization(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void partnersAreFoundByTheirIdInAnotherSystemAndShowIt() {
        String legacy = "LEG-P-" + UUID.randomUUID();
        String id = manager.post(ORGANIZATIONS, organization("Tmf Legacy " + UUID.randomUUID())
                .replace("\"name\": \"CRM-42\"", "\"name\": \"" + legacy + "\"")).json().get("id").asString();
        create("Tmf Other " + UUID.randomUUID());

        TestHttp.Response listed = manager.get(ORGANIZATIONS + "?externalReference.name=" + legacy);
        JsonNode searched = manager.get("/api/onboarding/partners?externalReference=" + legacy).json();

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()).singleElement().satisfies(organization ->
                assertThat(organization.get("id").asString()).isEqualTo(id));
        assertThat(searched).singleElement().satisfies(partner -> {
            assertThat(partner.get("id").asString()).isEqualTo(id);
            assertThat(partner.get("externalReference").get(0).get("name").asString()).isEqualTo(legacy);
            assertThat(partner.get("externalReference").get(0).get("externalReferenceType").asString())
                    .isEqualTo("crm");
        });
        assertThat(manager.get(ORGANIZATIONS + "?externalReference.name=LEG-P-none").json()).isEmpty();
    }

    @Test
    void createsAPartnerFromATmfOrganizationWithLocation() {
        String name = "Tmf Create " + UUID.randomUUID();
        TestHttp.Response created = manager.post(ORGANIZATIONS, organization(name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(ORGANIZATIONS + "/" + id);
        assertThat(body.get("href").asString()).isEqualTo(ORGANIZATIONS + "/" + id);
        assertThat(body.get("@type").asString()).isEqualTo("Organization");
        assertThat(body.get("status").asString()).isEqualTo("validated");
        assertThat(body.get("externalReference").get(0).get("name").asString()).isEqualTo("CRM-42");
        JsonNode partner = manager.get("/api/onboarding/partners/" + id).json();
        assertThat(partner.get("legalName").asString()).isEqualTo(name);
        assertThat(partner.get("tradingName").asString()).isEqualTo(name + " Trading");
        assertThat(partner.get("partnerType").asString()).isEqualTo("MVNO");
        assertThat(partner.get("businessModel").asString()).isEqualTo("RESELL");
        assertThat(partner.get("country").asString()).isEqualTo("DE");
        assertThat(partner.get("settlementCurrency").asString()).isEqualTo("EUR");
        assertThat(partner.get("taxId").asString()).isEqualTo(taxId(name));
        assertThat(partner.get("registeredAddress").get("city").asString()).isEqualTo("Berlin");
        assertThat(partner.get("billingContact").get("email").asString()).isEqualTo("billing@example.com");
        assertThat(partner.get("commercialContact").get("phone").asString()).isEqualTo("+49 30 1234567");
        assertThat(manager.get(ORGANIZATIONS + "/" + id).json()).isEqualTo(body);
    }

    @Test
    void aMissingMandatoryAttributeIsA400NamingIt() {
        String valid = organization("Tmf Missing " + UUID.randomUUID());

        // "nom" is outside the TMF632 Organization schema: refused as unknown, before "name" is found missing
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace("\"name\": \"Tmf", "\"nom\": \"Tmf"))))
                .isEqualTo("nom");
        // "otherName" is a TMF632 attribute we do not model: accepted and ignored, so "name" is what is missing
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace("\"name\": \"Tmf", "\"otherName\": \"Tmf"))))
                .isEqualTo("name");
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace("\"organizationType\": \"MVNO\",", ""))))
                .isEqualTo("organizationType");
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace("\"name\": \"businessModel\"",
                "\"name\": \"country\"").replace("\"value\": \"RESELL\"", "\"value\": \"DE\""))))
                .isEqualTo("partyCharacteristic.businessModel");
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace("\"settlementCurrency\"", "\"colour\""))))
                .isEqualTo("partyCharacteristic[1].name");
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace(", \"country\": \"DE\"", ""))))
                .isEqualTo("partyCharacteristic.country");
        assertThat(violation(manager.post(ORGANIZATIONS, valid.replace("\"EUR\"", "\"XYZ\""))))
                .isEqualTo("partyCharacteristic.settlementCurrency");
    }

    @Test
    void onlyStaffManagersCreateOrDeleteOrganizations() {
        String id = create("Tmf Roles " + UUID.randomUUID());
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("adm", id, Roles.PARTNER_ADMIN));

        assertThat(admin.post(ORGANIZATIONS, organization("Tmf Sneaky")).status()).isEqualTo(403);
        assertThat(admin.delete(ORGANIZATIONS + "/" + id).status()).isEqualTo(403);
        assertThat(admin.get(ORGANIZATIONS + "/" + create("Tmf Other " + UUID.randomUUID())).status())
                .isEqualTo(404);
    }

    @Test
    void mergePatchChangesTradingNameAndContactMediaButKeepsTheAddressAndEmails() {
        String id = create("Tmf Patch " + UUID.randomUUID());

        TestHttp.Response renamed = manager.patch(ORGANIZATIONS + "/" + id, """
                {"tradingName": "New Brand"}""");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("tradingName").asString()).isEqualTo("New Brand");
        assertThat(renamed.json().get("contactMedium")).hasSize(3);

        TestHttp.Response wiped = manager.patch(ORGANIZATIONS + "/" + id, """
                {"tradingName": null, "contactMedium": [{"mediumType": "email",
                 "characteristic": {"contactType": "technical", "emailAddress": "noc@example.com"}}]}""");
        assertThat(wiped.status()).as(wiped.body()).isEqualTo(400);
        assertThat(wiped.json().get("detail").asString()).contains("registered address").contains("not removed");
        TestHttp.Response noBillingEmail = manager.patch(ORGANIZATIONS + "/" + id, """
                {"contactMedium": [{"mediumType": "postalAddress", "characteristic": {"street1": "Hauptstr. 2",
                 "city": "Berlin", "country": "DE"}}]}""");
        assertThat(noBillingEmail.json().get("detail").asString()).contains("billing contact's e-mail");
        JsonNode unchanged = manager.get("/api/onboarding/partners/" + id).json();
        assertThat(unchanged.get("tradingName").asString()).isEqualTo("New Brand");
        assertThat(unchanged.get("billingContact").get("email").asString()).isEqualTo("billing@example.com");

        TestHttp.Response moved = manager.patch(ORGANIZATIONS + "/" + id, """
                {"tradingName": null, "contactMedium": [
                 {"mediumType": "postalAddress", "characteristic": {"street1": "Hauptstr. 2", "city": "Berlin",
                  "country": "DE"}},
                 {"mediumType": "email", "characteristic": {"contactType": "billing",
                  "emailAddress": "invoices@example.com"}},
                 {"mediumType": "email", "characteristic": {"contactType": "technical",
                  "emailAddress": "noc@example.com"}}]}""");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().has("tradingName")).as("an MVNO's trading name may go").isFalse();
        JsonNode partner = manager.get("/api/onboarding/partners/" + id).json();
        assertThat(partner.get("registeredAddress").get("street1").asString()).isEqualTo("Hauptstr. 2");
        assertThat(partner.get("billingContact").get("email").asString()).isEqualTo("invoices@example.com");
        assertThat(partner.get("technicalContact").get("email").asString()).isEqualTo("noc@example.com");
    }

    /**
     * Patches racing for one partner: each is applied whole or answered 409 to retry, never a 500 (the lost
     * optimistic lock was one before), and the partner ends with one of the names that were answered 200.
     */
    @Test
    void concurrentPatchesOfOnePartnerAreAppliedOrAConflictToRetry() {
        String id = create("Tmf Race " + UUID.randomUUID());
        List<TestHttp.Response> answers = ConcurrentRequests.atOnce(24,
                i -> manager.patch(ORGANIZATIONS + "/" + id, "{\"tradingName\": \"Brand " + i + "\"}"));

        List<String> applied = new ArrayList<>();
        for (TestHttp.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
            if (answer.status() == 200) {
                applied.add(answer.json().get("tradingName").asString());
            } else {
                assertThat(answer.json().path("type").asString()).endsWith("/concurrent-update");
            }
        }
        assertThat(applied).isNotEmpty();
        assertThat(manager.get(ORGANIZATIONS + "/" + id).json().get("tradingName").asString()).isIn(applied);
    }

    @Test
    void aPartnerAdminPatchesItsOwnOrganizationOnly() {
        String mine = create("Tmf Mine " + UUID.randomUUID());
        String theirs = create("Tmf Theirs " + UUID.randomUUID());
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("adm", mine, Roles.PARTNER_ADMIN));

        assertThat(admin.patch(ORGANIZATIONS + "/" + mine, "{\"tradingName\": \"Mine\"}").status()).isEqualTo(200);
        assertThat(admin.patch(ORGANIZATIONS + "/" + theirs, "{\"tradingName\": \"Theirs\"}").status())
                .isEqualTo(404);
    }

    @Test
    void patchRefusesReadOnlyAttributesInvalidValuesAndOtherContentTypes() {
        String id = create("Tmf Patch Rules " + UUID.randomUUID());

        assertThat(violation(manager.patch(ORGANIZATIONS + "/" + id, "{\"name\": \"Renamed\"}"))).isEqualTo("name");
        assertThat(violation(manager.patch(ORGANIZATIONS + "/" + id, "{\"status\": \"closed\"}")))
                .isEqualTo("status");
        assertThat(violation(manager.patch(ORGANIZATIONS + "/" + id, """
                {"contactMedium": [{"mediumType": "email", "characteristic": {"emailAddress": "not an email"}}]}""")))
                .isEqualTo("contactMedium[0].characteristic.emailAddress");
        assertThat(violation(manager.patch(ORGANIZATIONS + "/" + id, "{\"tradingName\": {\"a\": 1}}")))
                .isEqualTo("tradingName");

        for (String contentType : List.of("application/json", "application/json-patch+json", "text/plain")) {
            TestHttp.Response refused = manager.send("PATCH", ORGANIZATIONS + "/" + id, "{\"tradingName\": \"X\"}",
                    contentType);
            assertThat(refused.status()).as(contentType).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(manager.get(ORGANIZATIONS + "/" + id).json().get("tradingName").asString()).endsWith(" Trading");
    }

    @Test
    void patchAcceptsTheIdentityATmfClientEchoesUnchangedButNotAnother() {
        String id = create("Tmf Patch Echo " + UUID.randomUUID());
        String href = manager.get(ORGANIZATIONS + "/" + id).json().get("href").asString();

        TestHttp.Response echoed = manager.patch(ORGANIZATIONS + "/" + id, """
                {"id": "%s", "href": "%s", "@type": "Organization", "tradingName": "Echoed"}""".formatted(id, href));

        assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);
        assertThat(echoed.json().get("tradingName").asString()).isEqualTo("Echoed");
        assertThat(violation(manager.patch(ORGANIZATIONS + "/" + id,
                "{\"@type\": \"Individual\", \"tradingName\": \"x\"}"))).isEqualTo("@type");
        assertThat(violation(manager.patch(ORGANIZATIONS + "/" + id,
                "{\"id\": \"" + UUID.randomUUID() + "\", \"tradingName\": \"x\"}"))).isEqualTo("id");
        assertThat(manager.get(ORGANIZATIONS + "/" + id).json().get("tradingName").asString()).isEqualTo("Echoed");
    }

    @Test
    void aListRefusedForItsRepresentationCarriesNoCounts() {
        TestHttp.Response refused = TestHttp.localPort(port).as(TestJwt.staff("pm-tmf", Roles.PARTNER_MANAGER))
                .header("Accept", "application/xml").get(ORGANIZATIONS);

        assertThat(refused.status()).as(refused.body()).isEqualTo(406);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("X-Total-Count")).isNull();
        assertThat(refused.header("X-Result-Count")).isNull();
    }

    @Test
    void deletesAnUnusedPartnerButNotATerminatedOne() {
        String unused = create("Tmf Delete " + UUID.randomUUID());
        String terminated = create("Tmf Terminated " + UUID.randomUUID());
        manager.post("/api/onboarding/partners/" + terminated + "/termination", "{\"reason\": \"contract ended\"}");

        TestHttp.Response deleted = manager.delete(ORGANIZATIONS + "/" + unused);
        TestHttp.Response refused = manager.delete(ORGANIZATIONS + "/" + terminated);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(manager.get(ORGANIZATIONS + "/" + unused).status()).isEqualTo(404);
        assertThat(manager.delete(ORGANIZATIONS + "/" + unused).status()).isEqualTo(404);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("TERMINATED");
        assertThat(manager.get(ORGANIZATIONS + "/" + terminated).status()).isEqualTo(200);
        JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("a", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=partner&resourceId=" + unused).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("deleted");
        ConsumerRecord<String, byte[]> event = TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> unused.equals(record.key())
                        && "PartnerStatusChanged".equals(TestKafka.header(record, CloudEventHeaders.TYPE)),
                1, Duration.ofSeconds(30)).getFirst();
        assertThat(TestKafka.value(event)).contains("\"status\":\"TERMINATED\"").contains("deleted");
    }

    @Test
    void filtersByAnyTopLevelAttributeWithFieldsAndPagingHeaders() {
        String marker = "Tmf Filter " + UUID.randomUUID();
        String first = create(marker);
        create(marker + " B");
        manager.patch(ORGANIZATIONS + "/" + first, "{\"tradingName\": \"" + marker + " Brand\"}");

        TestHttp.Response byName = manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&fields=name");
        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(byName.header("X-Total-Count")).isEqualTo("1");
        assertThat(byName.header("X-Result-Count")).isEqualTo("1");
        assertThat(byName.json().get(0).propertyNames()).containsExactlyInAnyOrder("id", "href", "@type", "name");

        assertThat(ids(manager.get(ORGANIZATIONS + "?tradingName=" + enc(marker + " Brand")))).containsExactly(first);
        assertThat(ids(manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&name=" + enc(marker + " B")
                + "&status=validated&organizationType=MVNO"))).hasSize(2);
        assertThat(ids(manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&status=closed"))).isEmpty();
        // TMF630: a comma separates alternatives, for codes and free text alike (encoded or not)
        assertThat(ids(manager.get(ORGANIZATIONS + "?name=" + enc(marker + "," + marker + " B")
                + "&status=validated,closed&organizationType=MVNO,IOT"))).hasSize(2);
        assertThat(ids(manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&status=suspended,closed"))).isEmpty();
        TestHttp.Response paged = manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&name=" + enc(marker + " B")
                + "&offset=1&limit=1");
        assertThat(paged.header("X-Total-Count")).isEqualTo("2");
        assertThat(paged.header("X-Result-Count")).isEqualTo("1");
    }

    @Test
    void filtersOnAttributesThatAreNoColumnAndRefusesUnknownOnes() {
        String marker = "Tmf Memory " + UUID.randomUUID();
        String id = create(marker);

        TestHttp.Response byType = manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&@type=Organization"
                + "&isLegalEntity=true&fields=isLegalEntity");
        assertThat(byType.status()).as(byType.body()).isEqualTo(200);
        assertThat(ids(byType)).containsExactly(id);
        assertThat(byType.header("X-Total-Count")).isEqualTo("1");
        assertThat(ids(manager.get(ORGANIZATIONS + "?name=" + enc(marker) + "&isLegalEntity=false"))).isEmpty();
        assertThat(violation(manager.get(ORGANIZATIONS + "?nmae=x"))).isEqualTo("nmae");
        assertThat(violation(manager.get(ORGANIZATIONS + "?contactMedium=x"))).isEqualTo("contactMedium");
        assertThat(violation(manager.get(ORGANIZATIONS + "?status=happy"))).isEqualTo("status");
    }

    @Test
    void fieldsNamingAnAttributeAnOrganizationDoesNotHaveIsA400NamingItAndTheAttributes() {
        String id = create("Tmf Fields " + UUID.randomUUID());

        TestHttp.Response one = manager.get(ORGANIZATIONS + "/" + id + "?fields=name,bogus");
        TestHttp.Response list = manager.get(ORGANIZATIONS + "?id=" + id + "&fields=tradingName,legalName");

        assertThat(violation(one)).isEqualTo("fields");
        assertThat(one.json().get("detail").asString()).contains("'bogus' is not an attribute")
                .contains("partyCharacteristic, status, tradingName");
        assertThat(violation(list)).isEqualTo("fields");
        assertThat(list.json().get("detail").asString()).contains("'legalName'");
        assertThat(manager.get(ORGANIZATIONS + "/" + id + "?fields=name,partyCharacteristic").json().propertyNames())
                .containsExactlyInAnyOrder("id", "href", "@type", "name", "partyCharacteristic");
    }

    static String violation(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("violations").get(0).get("field").asString();
    }

    static List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
