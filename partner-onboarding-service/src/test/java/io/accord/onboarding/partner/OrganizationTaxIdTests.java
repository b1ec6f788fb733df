package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff set or change a partner's tax id after activation with a TMF632 organization PATCH: checked like an
 * application's, unique among partners, audited, and published as PartnerTaxIdChanged for settlement.
 */
@AccordServiceTest
class OrganizationTaxIdTests {

    private static final String ORGANIZATIONS = OrganizationConformanceTests.ORGANIZATIONS;

    @LocalServerPort
    int port;

    private TestHttp manager;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-tax", Roles.PARTNER_MANAGER));
    }

    @Test
    void staffSetTheTaxIdOfAPartnerCreatedWithoutOneAuditedAndPublished() {
        String id = createWithoutTaxId();
        String taxId = germanVatNumber();

        TestHttp.Response patched = manager.patch(ORGANIZATIONS + "/" + id, patch(taxId.substring(0, 2) + " "
                + taxId.substring(2, 5) + "." + taxId.substring(5)));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode identification = patched.json().path("organizationIdentification").get(0);
        assertThat(identification.path("identificationType").asString()).isEqualTo("taxId");
        assertThat(identification.path("identificationId").asString()).isEqualTo(taxId);
        assertThat(manager.get(ORGANIZATIONS + "/" + id).json().path("organizationIdentification").get(0)
                .path("identificationId").asString()).isEqualTo(taxId);
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> id.equals(record.key())
                && "PartnerTaxIdChanged".equals(TestKafka.header(record, "ce_type"))
                && TestKafka.value(record).contains("\"taxId\":\"" + taxId + "\""), 1, Duration.ofSeconds(30));
        JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceId=" + id).json();
        assertThat(trail.get(0).path("action").asString()).isEqualTo("tax-id-changed");
        assertThat(trail.get(0).path("actor").asString()).isEqualTo("pm-tax");

        String changed = germanVatNumber();
        assertThat(manager.patch(ORGANIZATIONS + "/" + id, patch(changed)).status()).isEqualTo(200);
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> id.equals(record.key())
                && "PartnerTaxIdChanged".equals(TestKafka.header(record, "ce_type"))
                && TestKafka.value(record).contains(changed), 1, Duration.ofSeconds(30));
    }

    @Test
    void aTaxIdFailingTheCountrysVatSchemeIs400AndNothingChanges() {
        String id = createWithoutTaxId();
        String valid = germanVatNumber();
        String wrongCheckDigit = valid.substring(0, 10) + (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);

        for (String invalid : new String[]{wrongCheckDigit, "ATU13585627", "DE12345"}) {
            TestHttp.Response refused = manager.patch(ORGANIZATIONS + "/" + id, patch(invalid));
            assertThat(refused.status()).as(invalid + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("violations").get(0).path("field").asString())
                    .isEqualTo("organizationIdentification");
        }
        assertThat(manager.patch(ORGANIZATIONS + "/" + id, "{\"organizationIdentification\": "
                + "[{\"identificationType\": \"vatId\", \"identificationId\": \"" + valid + "\"}]}").status())
                .isEqualTo(400);
        assertThat(manager.get(ORGANIZATIONS + "/" + id).json().path("organizationIdentification").isMissingNode())
                .isTrue();
    }

    @Test
    void theTaxIdOfAnotherPartnerIs409NamingItAndAnExistingOneCannotBeRemoved() {
        String taxId = germanVatNumber();
        String holder = create("S65 Tax Holder " + UUID.randomUUID(),
                ", \"organizationIdentification\": [{\"identificationType\": \"taxId\", \"identificationId\": \""
                        + taxId.substring(2) + "\"}]");
        String other = createWithoutTaxId();

        TestHttp.Response refused = manager.patch(ORGANIZATIONS + "/" + other, patch(taxId));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains(holder, taxId);
        assertThat(manager.get(ORGANIZATIONS + "/" + other).json().path("organizationIdentification")
                .isMissingNode()).isTrue();
        TestHttp.Response removed = manager.patch(ORGANIZATIONS + "/" + holder,
                "{\"organizationIdentification\": null}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(400);
    }

    @Test
    void aPartnerCannotChangeItsOwnTaxIdButMayEchoItWithOtherChanges() {
        String taxId = germanVatNumber();
        String id = create("S65 Tax Self " + UUID.randomUUID(),
                ", \"organizationIdentification\": [{\"identificationType\": \"taxId\", \"identificationId\": \""
                        + taxId + "\"}]");
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("tax-adm", id, Roles.PARTNER_ADMIN));

        TestHttp.Response refused = admin.patch(ORGANIZATIONS + "/" + id, "{\"tradingName\": \"Self Brand\", "
                + patch(germanVatNumber()).substring(1));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode unchanged = manager.get(ORGANIZATIONS + "/" + id).json();
        assertThat(unchanged.path("organizationIdentification").get(0).path("identificationId").asString())
                .isEqualTo(taxId);
        assertThat(unchanged.path("tradingName").asString()).isNotEqualTo("Self Brand");
        TestHttp.Response echoed = admin.patch(ORGANIZATIONS + "/" + id, "{\"tradingName\": \"Self Brand\", "
                + patch(taxId).substring(1));
        assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);
        assertThat(echoed.json().path("tradingName").asString()).isEqualTo("Self Brand");
    }

    private String createWithoutTaxId() {
        return create("S65 Tax Later " + UUID.randomUUID(), "");
    }

    private String create(String name, String identification) {
        TestHttp.Response created = manager.post(ORGANIZATIONS, """
                {"name": "%s", "organizationType": "MVNO",
                 "partyCharacteristic": [{"name": "businessModel", "value": "SELL_THROUGH"},
                   {"name": "settlementCurrency", "value": "EUR"}, {"name": "country", "value": "DE"}]%s}"""
                .formatted(name, identification));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String patch(String taxId) {
        return "{\"organizationIdentification\": [{\"identificationType\": \"taxId\", \"identificationId\": \""
                + taxId + "\"}]}";
    }

    /** A random German VAT number whose ISO 7064 mod 11,10 check digit verifies (DE + 9 digits). */
    private static String germanVatNumber() {
        StringBuilder digits = new StringBuilder().append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 0; i < 7; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int product = 10;
        for (int i = 0; i < digits.length(); i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        return "DE" + digits + (11 - product) % 10;
    }
}
