package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New bank details are checked like an application's, audited, and used only once another person confirms the very
 * change they reviewed (four-eyes, named by its change id).
 */
@AccordServiceTest
class BankAccountChangeTests {

    private static final String FIRST_IBAN = "FR14 2004 1010 0505 0001 3M02 606";
    private static final String SWAPPED_IBAN = "FR7630006000011234567890189";

    @LocalServerPort
    int port;

    private TestHttp as(String token) {
        return TestHttp.localPort(port).as(token);
    }

    private String newPartner() {
        return as(TestJwt.staff("pm", Roles.PARTNER_MANAGER)).post("/api/onboarding/partners", """
                {"legalName": "Bank Change SAS", "partnerType": "RESELLER", "businessModel": "RESELL",
                 "country": "FR", "settlementCurrency": "EUR"}""").json().get("id").asString();
    }

    private String newPartner(String legalName, String country, String currency) {
        return as(TestJwt.staff("pm", Roles.PARTNER_MANAGER)).post("/api/onboarding/partners", """
                {"legalName": "%s", "partnerType": "RESELLER", "businessModel": "RESELL",
                 "country": "%s", "settlementCurrency": "%s"}""".formatted(legalName, country, currency))
                .json().get("id").asString();
    }

    private static String change(String iban, String bic) {
        return "{\"iban\":\"" + iban + "\",\"bic\":\"" + bic + "\"}";
    }

    private static String confirmation(String changeId) {
        return "{\"changeId\":\"" + changeId + "\"}";
    }

    @Test
    void aChangeWaitsForConfirmationByAnotherPersonBeforeSettlementMayUseIt() {
        String id = newPartner();
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp admin = as(TestJwt.partner("fr-admin", id, Roles.PARTNER_ADMIN));
        TestHttp finance = as(TestJwt.staff("fin", Roles.FINANCE));

        TestHttp.Response invalid = admin.put(bankAccount, change("FR14 2004 1010 0505 0001 3M02 607", "PSSTFRPPPAR"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("violations").get(0).get("field").asString()).isEqualTo("iban");

        JsonNode requested = admin.put(bankAccount, change(FIRST_IBAN, "PSSTFRPPPAR")).json();
        assertThat(requested.get("confirmed").isNull()).isTrue();
        JsonNode pending = requested.get("pending");
        assertThat(pending.get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
        assertThat(pending.get("requestedBy").asString()).isEqualTo("fr-admin");
        String changeId = pending.get("changeId").asString();

        assertThat(admin.post(bankAccount + "/confirmation", confirmation(changeId)).status()).isEqualTo(403);
        TestHttp.Response unnamed = finance.post(bankAccount + "/confirmation", "{}");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("violations").get(0).get("field").asString()).isEqualTo("changeId");

        JsonNode confirmed = finance.post(bankAccount + "/confirmation",
                "{\"changeId\":\"" + changeId + "\",\"iban\":\"" + FIRST_IBAN + "\"}").json();
        assertThat(confirmed.get("confirmed").get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
        assertThat(confirmed.get("pending").isNull()).isTrue();
        assertThat(finance.post(bankAccount + "/confirmation", confirmation(changeId)).status()).isEqualTo(409);
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> id.equals(record.key())
                && "PartnerBankAccountConfirmed".equals(TestKafka.header(record, "ce_type"))
                && TestKafka.value(record).contains("FR1420041010050500013M02606"), 1, Duration.ofSeconds(30));
        JsonNode trail = as(TestJwt.staff("aud", Roles.AUDITOR)).get("/api/onboarding/audit?resourceId=" + id).json();
        // newest first; the refused confirmations are there too (the partner admin's 403, the second 409)
        assertThat(trail.get(0).get("action").asString()).isEqualTo("refused");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("fin");
        assertThat(trail.get(0).get("after").get("status").asInt()).isEqualTo(409);
        assertThat(trail.get(1).get("action").asString()).isEqualTo("bank-account-change-confirmed");
        assertThat(trail.get(1).get("actor").asString()).isEqualTo("fin");
        assertThat(trail.get(2).get("action").asString()).isEqualTo("refused");
        assertThat(trail.get(2).get("actor").asString()).isEqualTo("fr-admin");
        assertThat(trail.get(2).get("after").get("status").asInt()).isEqualTo(403);
        assertThat(trail.get(3).get("action").asString()).isEqualTo("bank-account-change-requested");
        assertThat(trail.get(3).get("actor").asString()).isEqualTo("fr-admin");
    }

    @Test
    void aSwapBetweenReviewAndConfirmationConfirmsNothing() {
        String id = newPartner();
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp admin = as(TestJwt.partner("fr-admin-2", id, Roles.PARTNER_ADMIN));
        TestHttp finance = as(TestJwt.staff("fin", Roles.FINANCE));
        String reviewed = admin.put(bankAccount, change(FIRST_IBAN, "PSSTFRPPPAR")).json()
                .get("pending").get("changeId").asString();

        JsonNode swapped = admin.put(bankAccount, change(SWAPPED_IBAN, "BNPAFRPPXXX")).json().get("pending");
        TestHttp.Response stale = finance.post(bankAccount + "/confirmation", confirmation(reviewed));
        TestHttp.Response otherIban = finance.post(bankAccount + "/confirmation",
                "{\"changeId\":\"" + swapped.get("changeId").asString() + "\",\"iban\":\"" + FIRST_IBAN + "\"}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("detail").asString()).contains(reviewed, "FR76 3000 6000 0112 3456 7890 189");
        assertThat(otherIban.status()).isEqualTo(409);
        assertThat(otherIban.json().get("detail").asString())
                .contains("IBAN FR14 2004 1010 0505 0001 3M02 606 differs from the IBAN of the waiting change "
                        + swapped.get("changeId").asString(), "FR76 3000 6000 0112 3456 7890 189")
                .doesNotContain("is not the one waiting");
        JsonNode partner = finance.get("/api/onboarding/partners/" + id).json();
        assertThat(partner.has("bankAccount")).isFalse();
        assertThat(partner.get("pendingBankAccount").get("iban").asString()).isEqualTo(SWAPPED_IBAN);
        JsonNode trail = as(TestJwt.staff("aud", Roles.AUDITOR)).get("/api/onboarding/audit?resourceId=" + id).json();
        trail.forEach(entry -> assertThat(entry.get("action").asString())
                .isNotEqualTo("bank-account-change-confirmed"));
    }

    @Test
    void theRequesterCannotConfirmTheirOwnChangeEvenAsStaff() {
        String id = newPartner();
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp manager = as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        String changeId = manager.put(bankAccount, change(FIRST_IBAN, "PSSTFRPPPAR")).json()
                .get("pending").get("changeId").asString();

        TestHttp.Response own = manager.post(bankAccount + "/confirmation", confirmation(changeId));

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().get("type").asString()).endsWith("/four-eyes");
        assertThat(own.json().get("detail").asString()).contains("requested by pm", "someone else must confirm");
        assertThat(manager.get("/api/onboarding/partners/" + id).json().has("bankAccount")).isFalse();

        JsonNode confirmed = as(TestJwt.staff("pm-b", Roles.PARTNER_MANAGER))
                .post(bankAccount + "/confirmation", confirmation(changeId)).json();
        assertThat(confirmed.get("confirmed").get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
    }

    @Test
    void aChangeGetsTheBicAndCountryChecksOfAnApplication() {
        String id = newPartner();
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp admin = as(TestJwt.partner("fr-admin-3", id, Roles.PARTNER_ADMIN));

        TestHttp.Response wrongCountry = admin.put(bankAccount, change(FIRST_IBAN, "COBADEFFXXX"));
        assertThat(wrongCountry.status()).isEqualTo(400);
        assertThat(wrongCountry.json().get("violations").get(0).get("field").asString()).isEqualTo("bic");
        assertThat(wrongCountry.json().get("detail").asString())
                .contains("country DE does not match the IBAN's country FR");

        JsonNode beyondSepa = admin.put(bankAccount, change("BR1800360305000010009795493C1", "BRASBRRJXXX")).json();
        assertThat(beyondSepa.get("pending").get("iban").asString()).isEqualTo("BR1800360305000010009795493C1");
    }

    @Test
    void onlyThePartnerAdminAndStaffWithANeedSeeTheFullIbanOthersSeeItMasked() {
        String id = newPartner();
        String partner = "/api/onboarding/partners/" + id;
        TestHttp admin = as(TestJwt.partner("fr-admin-4", id, Roles.PARTNER_ADMIN));
        String changeId = admin.put(partner + "/bank-account", change(FIRST_IBAN, "PSSTFRPPPAR")).json()
                .get("pending").get("changeId").asString();
        as(TestJwt.staff("fin", Roles.FINANCE)).post(partner + "/bank-account/confirmation", confirmation(changeId));
        admin.put(partner + "/bank-account", change(SWAPPED_IBAN, "BNPAFRPPXXX"));

        for (String token : java.util.List.of(TestJwt.partner("fr-user", id, Roles.PARTNER_USER),
                TestJwt.staff("ops", Roles.OPS))) {
            JsonNode read = as(token).get(partner).json();
            assertThat(read.get("bankAccount").get("iban").asString()).isEqualTo("FR14 **** **** **** 2606");
            assertThat(read.get("bankAccount").get("bic").asString()).isEqualTo("PSSTFRPPPAR");
            assertThat(read.get("pendingBankAccount").get("iban").asString()).isEqualTo("FR76 **** **** **** 0189");
            assertThat(read.get("pendingBankAccount").get("bic").asString()).isEqualTo("BNPAFRPPXXX");
            JsonNode listed = as(token).get("/api/onboarding/partners?name=Bank%20Change%20SAS&limit=500").json();
            listed.forEach(each -> assertThat(each.toString())
                    .doesNotContain("FR1420041010050500013M02606", "FR7630006000011234567890189"));
            assertThat(listed.toString()).contains("FR14 **** **** **** 2606");
        }
        for (String token : java.util.List.of(TestJwt.partner("fr-admin-5", id, Roles.PARTNER_ADMIN),
                TestJwt.staff("fin", Roles.FINANCE), TestJwt.staff("pm", Roles.PARTNER_MANAGER),
                TestJwt.staff("admin", Roles.PLATFORM_ADMIN), TestJwt.staff("aud", Roles.AUDITOR))) {
            JsonNode read = as(token).get(partner).json();
            assertThat(read.get("bankAccount").get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
            assertThat(read.get("pendingBankAccount").get("iban").asString()).isEqualTo(SWAPPED_IBAN);
        }
    }

    @Test
    void aPartnerInACountryWithoutIbansGivesAccountNumberAndRoutingNumber() {
        String id = newPartner("Bank Change Inc " + java.util.UUID.randomUUID(), "US", "USD");
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp admin = as(TestJwt.partner("us-admin", id, Roles.PARTNER_ADMIN));

        TestHttp.Response usIban = admin.put(bankAccount, "{\"iban\":\"US12345678901234567890\"}");
        assertThat(usIban.status()).isEqualTo(400);
        assertThat(usIban.json().get("detail").asString()).contains("give accountNumber and bankCode instead");
        TestHttp.Response badRouting = admin.put(bankAccount,
                "{\"accountNumber\":\"000123456789\",\"bankCode\":\"021000022\"}");
        assertThat(badRouting.status()).isEqualTo(400);
        assertThat(badRouting.json().get("violations").get(0).get("field").asString()).isEqualTo("bankCode");
        TestHttp.Response unknownField = admin.put(bankAccount,
                "{\"accountNumber\":\"000123456789\",\"routing\":\"021000021\"}");
        assertThat(unknownField.status()).isEqualTo(400);

        JsonNode pending = admin.put(bankAccount,
                "{\"accountNumber\":\"0001 2345 6789\",\"bankCode\":\"021000021\"}").json().get("pending");
        assertThat(pending.get("accountNumber").asString()).isEqualTo("000123456789");
        assertThat(pending.get("bankCode").asString()).isEqualTo("021000021");
        assertThat(pending.has("iban") && !pending.get("iban").isNull()).isFalse();
        JsonNode confirmed = as(TestJwt.staff("fin", Roles.FINANCE)).post(bankAccount + "/confirmation",
                "{\"changeId\":\"" + pending.get("changeId").asString() + "\",\"accountNumber\":\"000123456789\"}")
                .json();
        assertThat(confirmed.get("confirmed").get("accountNumber").asString()).isEqualTo("000123456789");
        // settlement learns the account it pays into, though it has no IBAN
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> id.equals(record.key())
                && "PartnerBankAccountConfirmed".equals(TestKafka.header(record, "ce_type"))
                && TestKafka.value(record).contains("\"accountNumber\":\"000123456789\"")
                && TestKafka.value(record).contains("\"bankCode\":\"021000021\""), 1, Duration.ofSeconds(30));

        JsonNode read = as(TestJwt.partner("us-user", id, Roles.PARTNER_USER)).get("/api/onboarding/partners/" + id)
                .json();
        assertThat(read.get("bankAccount").get("accountNumber").asString()).isEqualTo("**** **** 6789");
        assertThat(read.get("bankAccount").get("bankCode").asString()).isEqualTo("021000021");
        assertThat(read.toString()).doesNotContain("000123456789");
    }

    @Test
    void aPartnerInAnIbanCountryCannotUseTheDomesticFormButNeedsNoBic() {
        String id = newPartner();
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp admin = as(TestJwt.partner("fr-admin-6", id, Roles.PARTNER_ADMIN));

        TestHttp.Response domestic = admin.put(bankAccount,
                "{\"accountNumber\":\"0500013M026\",\"bankCode\":\"2004101005\",\"bic\":\"PSSTFRPPPAR\"}");
        assertThat(domestic.status()).isEqualTo(400);
        assertThat(domestic.json().get("violations").get(0).get("field").asString()).isEqualTo("accountNumber");
        assertThat(domestic.json().get("detail").asString()).contains("FR issues IBANs");

        TestHttp.Response withoutBic = admin.put(bankAccount, "{\"iban\":\"" + SWAPPED_IBAN + "\"}");
        assertThat(withoutBic.status()).as(withoutBic.body()).isEqualTo(200);
        assertThat(withoutBic.json().get("pending").get("iban").asString()).isEqualTo(SWAPPED_IBAN);
    }

    @Test
    void anotherPartnersAccountOrAForeignIbanIsConfirmedWithAWarningNamingThePartnerToStaffOnly() {
        String holderName = "Account Holder SAS " + java.util.UUID.randomUUID();
        String holder = newPartner(holderName, "FR", "EUR");
        TestHttp finance = as(TestJwt.staff("fin", Roles.FINANCE));
        String iban = "FR7630006000011234567890189";
        String first = as(TestJwt.staff("pm", Roles.PARTNER_MANAGER)).put("/api/onboarding/partners/" + holder
                + "/bank-account", change(iban, "BNPAFRPPXXX")).json().get("pending").get("changeId").asString();
        finance.post("/api/onboarding/partners/" + holder + "/bank-account/confirmation", confirmation(first));
        String id = newPartner("Bank Change GmbH " + java.util.UUID.randomUUID(), "AT", "EUR");
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";

        JsonNode byAdmin = as(TestJwt.partner("at-admin", id, Roles.PARTNER_ADMIN)).put(bankAccount,
                change(iban, "BNPAFRPPXXX")).json();
        assertThat(byAdmin.toString()).doesNotContain(holder, holderName);
        assertThat(byAdmin.get("warnings").get(0).asString()).isEqualTo("the IBAN is of FR, the partner is in AT");
        JsonNode confirmed = finance.post(bankAccount + "/confirmation",
                confirmation(byAdmin.get("pending").get("changeId").asString())).json();

        assertThat(confirmed.get("confirmed").get("iban").asString()).isEqualTo(iban);
        assertThat(confirmed.get("warnings").get(0).asString()).contains(holderName, holder, "IBAN FR76 3000");
        assertThat(confirmed.get("warnings").get(1).asString()).isEqualTo("the IBAN is of FR, the partner is in AT");
    }

    @Test
    void terminationCancelsAWaitingChangeAuditedOnItsOwn() {
        String id = newPartner();
        TestHttp manager = as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        manager.put("/api/onboarding/partners/" + id + "/bank-account", change(FIRST_IBAN, "PSSTFRPPPAR"));

        JsonNode terminated = manager.post("/api/onboarding/partners/" + id + "/termination",
                "{\"reason\":\"contract ended\"}").json();

        assertThat(terminated.has("pendingBankAccount")).isFalse();
        JsonNode trail = as(TestJwt.staff("aud", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceType=partner&resourceId=" + id).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("bank-account-change-cancelled");
        assertThat(trail.get(0).get("before").get("pendingBankAccount").get("iban").asString())
                .isEqualTo("FR1420041010050500013M02606");
        assertThat(trail.get(1).get("action").asString()).isEqualTo("terminated");
    }
}
