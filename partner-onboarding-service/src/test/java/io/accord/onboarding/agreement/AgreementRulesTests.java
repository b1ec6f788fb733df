package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** What the agreement API refuses: the wrong caller (403/404), an illegal transition (409), bad input (400). */
@AccordServiceTest
class AgreementRulesTests {

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void anotherPartnersAdminCannotCountersignOrEvenSeeTheAgreement() {
        String partner = api.newPartner("Signer Own GmbH");
        String other = api.newPartner("Nosy Neighbour BV");
        String proposal = api.proposed(partner, Instant.now(), AgreementFixtures.termsJson());
        TestHttp otherAdmin = api.partnerAdmin(other);

        TestHttp.Response countersigned = otherAdmin.post(AGREEMENTS + "/" + proposal + "/countersignature", null);

        assertThat(countersigned.status()).isEqualTo(404);
        assertThat(countersigned.contentType()).startsWith("application/problem+json");
        assertThat(countersigned.body()).doesNotContain("Signer Own");
        assertThat(otherAdmin.get(AGREEMENTS + "/" + proposal).status()).isEqualTo(404);
        assertThat(otherAdmin.get(AGREEMENTS + "?engagedParty.id=" + partner).header("X-Total-Count")).isEqualTo("0");
        assertThat(api.status(proposal)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void onlyAPartnerAdminCountersignsAndOnlyManagersProposeOrTerminate() {
        String partner = api.newPartner("Role Check SA");
        String proposal = api.proposed(partner, Instant.now(), AgreementFixtures.termsJson());
        TestHttp partnerUser = TestHttp.localPort(port).as(TestJwt.partner("pu", partner, Roles.PARTNER_USER));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));

        assertThat(api.manager.post(AGREEMENTS + "/" + proposal + "/countersignature", null).status()).isEqualTo(403);
        assertThat(partnerUser.post(AGREEMENTS + "/" + proposal + "/countersignature", null).status()).isEqualTo(403);
        assertThat(api.partnerAdmin(partner).post(AGREEMENTS + "/" + proposal + "/termination", "{}").status())
                .as("403 before validation").isEqualTo(403);
        assertThat(finance.post(AGREEMENTS, "{}").status()).isEqualTo(403);
        assertThat(partnerUser.get(AGREEMENTS + "/" + proposal).status()).as("partner users read their own")
                .isEqualTo(200);
        assertThat(api.status(proposal)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void illegalTransitionsAreConflictsThatChangeNothing() {
        String partner = api.newPartner("Out Of Order Ltd");
        String first = api.countersigned(partner, Instant.now().minusSeconds(5), AgreementFixtures.termsJson());
        String draft = api.draft(partner, Instant.now().plus(Duration.ofDays(5)), AgreementFixtures.termsJson());

        assertThat(api.partnerAdmin(partner).post(AGREEMENTS + "/" + draft + "/countersignature", null).status())
                .as("a draft is staff's alone: the partner learns nothing of it").isEqualTo(404);
        assertConflict(api.manager.post(AGREEMENTS, AgreementApi.body(partner, Instant.now(), "null")));
        assertConflict(api.manager.post(AGREEMENTS + "/" + first + "/proposal", null));
        assertThat(api.manager.post(AGREEMENTS + "/" + first + "/termination", "{\"reason\": \"ended\"}").status())
                .isEqualTo(200);
        assertConflict(api.manager.post(AGREEMENTS + "/" + first + "/termination", "{\"reason\": \"again\"}"));

        assertThat(api.status(draft)).isEqualTo("DRAFT");
        assertThat(api.status(first)).isEqualTo("TERMINATED");
        assertThat(api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner).header("X-Total-Count"))
                .isEqualTo("2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative percentage | \"partnerSharePercent\": 70 | \"partnerSharePercent\": -1 | terms.revenueShares[0].partnerSharePercent",
            "share over 100%     | \"partnerSharePercent\": 80 | \"partnerSharePercent\": 120 | terms.revenueShares[0].tiers[1].partnerSharePercent",
            "unknown currency    | {\"currency\": \"EUR\" | {\"currency\": \"XYZ\" | terms.currency",
            "tiers out of order  | \"fromVolume\": 50000 | \"fromVolume\": 500 | terms.revenueShares[0].tiers[1].fromVolume",
            "money in another currency | \"amount\": 100, \"currency\": \"EUR\" | \"amount\": 100, \"currency\": \"GBP\" | terms.minimumMonthlyGuarantee.currency"})
    void invalidTermsAreBadRequestsNamingTheFieldAndStoreNothing(String name, String search, String replace,
                                                                 String field) {
        String partner = api.newPartner("Invalid Terms " + name);
        String terms = AgreementFixtures.termsJson(search, replace);

        TestHttp.Response response = api.manager.post(AGREEMENTS, AgreementApi.body(partner, Instant.now(), terms));

        assertBadRequest(response, "validation-error");
        assertThat(fields(response)).containsExactly(field);
        assertThat(api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner).header("X-Total-Count"))
                .isEqualTo("0");
    }

    @Test
    void missingMandatoryTmfAttributesAreNamed() {
        TestHttp.Response response = api.manager.post(AGREEMENTS, "{\"description\": \"nothing else\"}");

        assertBadRequest(response, "validation-error");
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "agreementType", "engagedParty",
                "agreementPeriod");
    }

    @Test
    void aWrongPartyOrPeriodIsNamed() {
        String partner = api.newPartner("Period Check KG");
        String valid = AgreementApi.body(partner, Instant.now(), "null");

        assertThat(fields(api.manager.post(AGREEMENTS, valid.replace(partner, "not-a-uuid"))))
                .containsExactly("engagedParty[0].id");
        assertThat(fields(api.manager.post(AGREEMENTS, valid.replace(partner, java.util.UUID.randomUUID().toString()))))
                .containsExactly("engagedParty[0].id");
        assertThat(fields(api.manager.post(AGREEMENTS, valid.replace("\"role\": \"Partner\"", "\"role\": \"Customer\""))))
                .containsExactly("engagedParty[0].role");
        assertThat(fields(api.manager.post(AGREEMENTS, valid.replace("SELL_THROUGH", "RESELL"))))
                .containsExactly("agreementType");
        TestHttp.Response unknownModel = api.manager.post(AGREEMENTS, valid.replace("SELL_THROUGH", "BARTER"));
        assertBadRequest(unknownModel, "malformed-request");
        assertThat(unknownModel.json().get("detail").asString()).contains("RESELL, SELL_THROUGH, CO_CREATE");
        assertThat(fields(api.manager.post(AGREEMENTS, valid.replace("\"agreementPeriod\": {", "\"agreementPeriod\": {"
                + "\"endDateTime\": \"2020-01-01T00:00:00Z\", ")))).containsExactly("agreementPeriod.endDateTime");
        assertThat(fields(api.manager.post(AGREEMENTS, AgreementApi.body(partner,
                Instant.parse("+99999-01-01T00:00:00Z"), "null")))).containsExactly("agreementPeriod.startDateTime");
        TestHttp.Response ended = api.manager.post(AGREEMENTS, AgreementApi.body(partner,
                Instant.parse("2019-01-01T00:00:00Z"), "null").replace("\"agreementPeriod\": {",
                "\"agreementPeriod\": {\"endDateTime\": \"2020-01-01T00:00:00Z\", "));
        assertThat(fields(ended)).as("a version that could never be in force").containsExactly(
                "agreementPeriod.endDateTime");
        assertThat(ended.json().get("detail").asString()).contains("has passed");
        assertThat(api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner).header("X-Total-Count")).isEqualTo("0");
        assertThat(api.manager.get(AGREEMENTS + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.manager.get(AGREEMENTS + "/nope").status()).isEqualTo(404);
        assertBadRequest(api.manager.get(AGREEMENTS + "?status=SIGNED"), "validation-error");
    }

    private static void assertConflict(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("https://accord.dev/problems/conflict");
    }

    private static void assertBadRequest(TestHttp.Response response, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://accord.dev/problems/" + type);
    }

    private static List<String> fields(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        for (JsonNode violation : response.json().get("violations")) {
            fields.add(violation.get("field").asString());
        }
        return fields;
    }
}
