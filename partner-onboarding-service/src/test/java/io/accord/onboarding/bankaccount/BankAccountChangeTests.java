package io.accord.onboarding.bankaccount;

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

/** New bank details are checked again, audited, and used only once staff confirm them. */
@AccordServiceTest
class BankAccountChangeTests {

    @LocalServerPort
    int port;

    @Test
    void aChangeWaitsForStaffConfirmationBeforeSettlementMayUseIt() {
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        String id = manager.post("/api/onboarding/partners", """
                {"legalName": "Bank Change SAS", "partnerType": "RESELLER", "businessModel": "RESELL",
                 "country": "FR", "settlementCurrency": "EUR"}""").json().get("id").asString();
        String bankAccount = "/api/onboarding/partners/" + id + "/bank-account";
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("fr-admin", id, Roles.PARTNER_ADMIN));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));

        TestHttp.Response invalid = admin.put(bankAccount,
                "{\"iban\":\"FR14 2004 1010 0505 0001 3M02 607\",\"bic\":\"PSSTFRPPPAR\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("violations").get(0).get("field").asString()).isEqualTo("iban");

        JsonNode requested = admin.put(bankAccount,
                "{\"iban\":\"FR14 2004 1010 0505 0001 3M02 606\",\"bic\":\"PSSTFRPPPAR\"}").json();
        assertThat(requested.get("confirmed").isNull()).isTrue();
        assertThat(requested.get("pending").get("iban").asString()).isEqualTo("FR1420041010050500013M02606");

        assertThat(admin.post(bankAccount + "/confirmation", null).status()).isEqualTo(403);
        JsonNode confirmed = finance.post(bankAccount + "/confirmation", null).json();

        assertThat(confirmed.get("confirmed").get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
        assertThat(confirmed.get("pending").isNull()).isTrue();
        assertThat(finance.post(bankAccount + "/confirmation", null).status()).isEqualTo(409);
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> id.equals(record.key())
                && "PartnerBankAccountConfirmed".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30));
        JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR))
                .get("/api/onboarding/audit?resourceId=" + id).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("bank-account-change-confirmed");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("fin");
        assertThat(trail.get(1).get("action").asString()).isEqualTo("bank-account-change-requested");
    }
}
