package io.accord.settlement.kpi;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Settlement's KPI endpoint over real statements (drafted, approved, issued) and a real reconciliation. */
@AccordServiceTest
class SettlementKpisTests {

    private static final String KPIS = "/api/settlement/admin/kpis";

    private final StatementFixtures statements;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int port;

    SettlementKpisTests(StatementFixtures statementFixtures, Clock clock, JdbcClient jdbc, @LocalServerPort int port) {
        this.statements = statementFixtures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.port = port;
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fin-kpi", Roles.FINANCE));
    }

    @Test
    void countsStatementsByStateAndSumsWhatIsDueOnIssuedOnes() {
        JsonNode before = finance().get(KPIS).json();

        statements.drafted(statements.partner(), "20.00");
        Statements.View issued = statements.issued(statements.partner(), "20.00", "40.00");

        JsonNode after = TestHttp.localPort(port).as(TestJwt.staff("aud-kpi", Roles.AUDITOR)).get(KPIS).json();
        assertThat(after.at("/statementsByState/DRAFT").asLong()).as("a run of another test may draft more")
                .isGreaterThanOrEqualTo(before.at("/statementsByState/DRAFT").asLong() + 1);
        assertThat(after.at("/statementsByState/ISSUED").asLong())
                .isEqualTo(before.at("/statementsByState/ISSUED").asLong() + 1);
        assertThat(issued.totalAmount()).isPositive();
        assertThat(payable(after).subtract(payable(before))).isEqualByComparingTo(issued.totalAmount());
        assertThat(payableStatements(after)).isEqualTo(payableStatements(before) + 1);
    }

    @Test
    void whatIsDueFollowsTheBalanceAnIssuedNoteChangesAndAReopenedStatementIsDueTheOtherWay() {
        Statements.View receivable = statements.issuedWholesale(statements.partner(), "20.00");   // −23.80
        JsonNode before = finance().get(KPIS).json();

        issuedCreditNote(receivable.id(), "4.20");   // 5.00 in the partner's favour: it owes us 18.80

        JsonNode credited = finance().get(KPIS).json();
        assertThat(due(credited, "receivable").subtract(due(before, "receivable")))
                .isEqualByComparingTo("-5.00");
        assertThat(count(credited, "receivableStatements")).isEqualTo(count(before, "receivableStatements"));

        String today = java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        TestHttp.Response paid = finance().post("/api/settlement/statements/" + receivable.id() + "/payments", """
                {"amount": "18.80", "currency": "EUR", "paidOn": "%s", "reference": "KPI-1"}
                """.formatted(today));
        assertThat(paid.json().path("statementState").asString()).as(paid.body()).isEqualTo("PAID");
        issuedCreditNote(receivable.id(), "1.00");   // 1.19 more: PAID, then ISSUED again, we owe the partner 1.19

        JsonNode reopened = finance().get(KPIS).json();
        assertThat(due(reopened, "receivable").subtract(due(before, "receivable"))).isEqualByComparingTo("-23.80");
        assertThat(count(reopened, "receivableStatements")).isEqualTo(count(before, "receivableStatements") - 1);
        assertThat(payable(reopened).subtract(payable(before))).isEqualByComparingTo("1.19");
        assertThat(payableStatements(reopened)).isEqualTo(payableStatements(before) + 1);
    }

    private void issuedCreditNote(UUID statementId, String amount) {
        TestHttp.Response drafted = finance().post("/api/settlement/statements/" + statementId + "/notes", """
                {"type": "CREDIT_NOTE", "reason": "kpi", "lines": [{"label": "Correction", "amount": "%s"}]}
                """.formatted(amount));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String note = "/api/settlement/notes/" + drafted.json().path("id").asString();
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("fin-kpi-b", Roles.FINANCE)).post(note + "/approval", "")
                .status()).isEqualTo(200);
        assertThat(finance().post(note + "/issue", "").status()).isEqualTo(200);
    }

    @Test
    void measuresHowWellInvoicesMatchOverTheWindow() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00", "40.00"); // lines 10.00 and 20.00
        TestHttp partnerUser = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        TestHttp.Response submitted = partnerUser.post("/api/settlement/partner-invoices", """
                {"periodId":"%s","invoiceNumber":"INV-%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-0","usageType":"VOICE","amount":"10.00"},
                 {"offeringId":"off-1","usageType":"VOICE","amount":"35.00"}]}
                """.formatted(issued.periodId(), UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // a quiet window of its own, so that the other tests' reconciliations do not count
        jdbc.sql("update reconciliation set reconciled_at = :at where partner_id = :partner")
                .param("at", Instant.parse("2001-07-01T12:00:00Z").atOffset(ZoneOffset.UTC))
                .param("partner", UUID.fromString(partner)).update();

        JsonNode matching = finance().get(KPIS + "?from=2001-07-01&to=2001-07-02").json().get("reconciliation");

        assertThat(matching.get("reconciliations").asLong()).isEqualTo(1);
        assertThat(matching.get("withoutDiscrepancies").asLong()).isZero();
        assertThat(matching.get("invoiceMatchRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(matching.get("lines").asLong()).isEqualTo(2);
        assertThat(matching.get("linesByOutcome").get("MATCHED").asLong()).isEqualTo(1);
        assertThat(matching.get("linesByOutcome").get("MISMATCH").asLong()).isEqualTo(1);
        assertThat(matching.get("lineMatchRate").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void anEmptyWindowHasNoRatesAndPartnersAndBadWindowsAreRefused() {
        JsonNode empty = finance().get(KPIS + "?from=1990-01-01&to=1990-02-01").json().get("reconciliation");
        TestHttp.Response bad = finance().get(KPIS + "?to=tomorrow");
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("p", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));

        assertThat(empty.get("lines").asLong()).isZero();
        assertThat(empty.get("lineMatchRate").isNull()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("violations").get(0).get("field").asString()).isEqualTo("to");
        assertThat(partner.get(KPIS).status()).isEqualTo(403);
    }

    private static BigDecimal payable(JsonNode kpis) {
        for (JsonNode due : kpis.get("amountsDue")) {
            if (due.get("currency").asString().equals("EUR")) {
                return new BigDecimal(due.get("payable").asString());
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal due(JsonNode kpis, String field) {
        for (JsonNode due : kpis.get("amountsDue")) {
            if (due.get("currency").asString().equals("EUR")) {
                return new BigDecimal(due.get(field).asString());
            }
        }
        return BigDecimal.ZERO;
    }

    private static long count(JsonNode kpis, String field) {
        for (JsonNode due : kpis.get("amountsDue")) {
            if (due.get("currency").asString().equals("EUR")) {
                return due.get(field).asLong();
            }
        }
        return 0;
    }

    private static long payableStatements(JsonNode kpis) {
        for (JsonNode due : kpis.get("amountsDue")) {
            if (due.get("currency").asString().equals("EUR")) {
                return due.get("payableStatements").asLong();
            }
        }
        return 0;
    }
}
