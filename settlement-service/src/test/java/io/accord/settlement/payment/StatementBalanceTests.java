package io.accord.settlement.payment;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is due on a statement is its balance: its total, plus its issued credit notes, less its issued debit notes,
 * less what was paid. Payments are recorded against it and in its direction; an issued note changes it, settles a
 * statement it brings to 0 and reopens a PAID one it leaves non-zero. Notes not issued change nothing.
 */
@AccordServiceTest
class StatementBalanceTests {

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final JdbcClient jdbc;
    private final Clock clock;

    StatementBalanceTests(StatementFixtures statementFixtures, JdbcClient jdbc, Clock clock) {
        this.statements = statementFixtures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Test
    void onAReceivableStatementWithAnIssuedCreditNoteThePartnerPaysTheNetAmountAndNoMore() {
        Statements.View receivable = statements.issuedWholesale(statements.partner(), "20.00");   // −23.80
        // 4.20 + 19 % = 5.00 in the partner's favour
        JsonNode note = issuedNote(receivable.id(), "CREDIT_NOTE", "4.20");
        assertThat(note.path("totalAmount").decimalValue()).isEqualByComparingTo("5.00");

        JsonNode statement = statement(receivable.id());
        assertThat(statement.path("state").asString()).isEqualTo("ISSUED");
        assertThat(statement.path("totalAmount").decimalValue()).isEqualByComparingTo("-23.80");
        assertThat(statement.path("notesAmount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(statement.path("remainingAmount").decimalValue()).isEqualByComparingTo("18.80");
        assertThat(statement.path("remainingDirection").asString()).isEqualTo("RECEIVABLE");

        TestHttp.Response over = pay(receivable.id(), "18.81", "SEPA-1", null);
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("remainingAmount").asString()).isEqualTo("18.80");
        TestHttp.Response part = pay(receivable.id(), "10.00", "SEPA-2", "RECEIVABLE");
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        assertThat(part.json().path("remainingAmount").decimalValue()).isEqualByComparingTo("8.80");
        assertThat(part.json().path("statementState").asString()).isEqualTo("ISSUED");
        TestHttp.Response rest = pay(receivable.id(), "8.80", "SEPA-3", null);
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().path("direction").asString()).isEqualTo("RECEIVABLE");
        assertThat(rest.json().path("statementState").asString()).isEqualTo("PAID");

        JsonNode paid = statement(receivable.id());
        assertThat(paid.path("state").asString()).isEqualTo("PAID");
        assertThat(paid.path("remainingAmount").decimalValue()).isZero();
        assertThat(paid.path("remainingDirection").isNull()).isTrue();
        assertThat(paid.path("paidAmount").decimalValue()).isEqualByComparingTo("18.80");
        JsonNode bill = finance().get("/tmf-api/customerBillManagement/v4/customerBill/" + receivable.id()).json();
        assertThat(bill.path("amountDue").path("value").decimalValue()).isEqualByComparingTo("18.80");
        assertThat(bill.path("remainingAmount").path("value").decimalValue()).isZero();
        assertThat(bill.path("state").asString()).isEqualTo("settled");
    }

    @Test
    void aCreditNoteOnAPaidReceivableStatementReopensItAndWePayThePartnerTheCredit() {
        Statements.View receivable = statements.issuedWholesale(statements.partner(), "20.00");   // −23.80
        assertThat(pay(receivable.id(), "23.80", "SEPA-IN", null).json().path("statementState").asString())
                .isEqualTo("PAID");

        String number = issuedNote(receivable.id(), "CREDIT_NOTE", "4.20").path("documentNumber").asString();

        JsonNode reopened = statement(receivable.id());
        assertThat(reopened.path("state").asString()).isEqualTo("ISSUED");
        assertThat(reopened.path("direction").asString()).as("the statement's own").isEqualTo("RECEIVABLE");
        assertThat(reopened.path("remainingAmount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(reopened.path("remainingDirection").asString()).isEqualTo("PAYABLE");
        Map<String, Object> audit = jdbc.sql("""
                        select before_state #>> '{statement,state}' as before, after_state #>> '{statement,state}' as after,
                               after_state #>> '{note,documentNumber}' as note
                        from audit_event where resource_id = :id and action = 'reopened-by-note'""")
                .param("id", receivable.id().toString()).query().singleRow();
        assertThat(audit).containsEntry("before", "PAID").containsEntry("after", "ISSUED")
                .containsEntry("note", number);
        JsonNode bill = finance().get("/tmf-api/customerBillManagement/v4/customerBill/" + receivable.id()).json();
        assertThat(bill.path("remainingAmount").path("value").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(bill.path("remainingDirection").asString()).isEqualTo("PAYABLE");

        TestHttp.Response byPartner = pay(receivable.id(), "5.00", "SEPA-X", "RECEIVABLE");
        assertThat(byPartner.status()).as(byPartner.body()).isEqualTo(409);
        assertThat(byPartner.json().path("detail").asString()).contains("we owe the partner 5.00 EUR",
                "direction PAYABLE");
        assertThat(byPartner.json().path("direction").asString()).isEqualTo("PAYABLE");
        TestHttp.Response ours = pay(receivable.id(), "5.00", "SEPA-OUT", "PAYABLE");
        assertThat(ours.status()).as(ours.body()).isEqualTo(201);
        assertThat(ours.json().path("direction").asString()).isEqualTo("PAYABLE");
        assertThat(ours.json().path("remainingAmount").decimalValue()).isZero();
        assertThat(ours.json().path("statementState").asString()).isEqualTo("PAID");

        assertThat(statement(receivable.id()).path("state").asString()).isEqualTo("PAID");
        JsonNode payments = finance().get("/api/settlement/statements/" + receivable.id() + "/payments").json();
        assertThat(payments).extracting(payment -> payment.path("direction").asString())
                .containsExactly("RECEIVABLE", "PAYABLE");
        var events = TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> receivable.id().toString().equals(record.key())
                        && "PaymentRecorded".equals(TestKafka.header(record, "ce_type")), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(TestKafka::value).anySatisfy(value -> assertThat(value)
                .contains("\"direction\":\"PAYABLE\"", "\"reference\":\"SEPA-OUT\"", "\"remainingAmount\":\"0.00\""));
    }

    @Test
    void aDebitNoteOnAPayableStatementLowersWhatWePayAndOneReachingZeroSettlesIt() {
        Statements.View payable = statements.issued(statements.partner(), "20.00");   // 11.90
        issuedNote(payable.id(), "DEBIT_NOTE", "1.00");   // 1.19

        JsonNode statement = statement(payable.id());
        assertThat(statement.path("notesAmount").decimalValue()).isEqualByComparingTo("-1.19");
        assertThat(statement.path("remainingAmount").decimalValue()).isEqualByComparingTo("10.71");
        assertThat(statement.path("remainingDirection").asString()).isEqualTo("PAYABLE");
        assertThat(pay(payable.id(), "10.72", "SEPA-1", null).status()).isEqualTo(422);
        TestHttp.Response part = pay(payable.id(), "5.00", "SEPA-2", "PAYABLE");
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        assertThat(part.json().path("remainingAmount").decimalValue()).isEqualByComparingTo("5.71");

        issuedNote(payable.id(), "DEBIT_NOTE", "4.80");   // 4.80 + 0.91 = 5.71: nothing remains

        JsonNode settled = statement(payable.id());
        assertThat(settled.path("state").asString()).isEqualTo("PAID");
        assertThat(settled.path("remainingAmount").decimalValue()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and action = 'paid-by-note'")
                .param("id", payable.id().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(pay(payable.id(), "0.01", "SEPA-3", null).status()).isEqualTo(409);
    }

    @Test
    void aDraftApprovedOrWithdrawnNoteChangesNothingDueOnlyItsIssueDoes() {
        Statements.View payable = statements.issued(statements.partner(), "20.00");   // 11.90
        String notes = "/api/settlement/statements/" + payable.id() + "/notes";
        String drafted = finance().post(notes, credit("1.00")).json().path("id").asString();
        String approved = finance().post(notes, credit("2.00")).json().path("id").asString();
        approve(approved);
        String withdrawn = finance().post(notes, credit("3.00")).json().path("id").asString();
        approve(withdrawn);
        assertThat(finance().post("/api/settlement/notes/" + withdrawn + "/withdrawal", "{\"reason\": \"wrong\"}")
                .status()).isEqualTo(200);
        assertThat(finance().get("/api/settlement/notes/" + drafted).json().path("state").asString())
                .isEqualTo("DRAFT");

        JsonNode unchanged = statement(payable.id());
        assertThat(unchanged.path("notesAmount").decimalValue()).isZero();
        assertThat(unchanged.path("remainingAmount").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(pay(payable.id(), "11.91", "SEPA-1", null).status()).isEqualTo(422);

        assertThat(finance().post("/api/settlement/notes/" + approved + "/issue", "").status()).isEqualTo(200);
        // 2.00 + 0.38: we owe the partner 14.28
        assertThat(statement(payable.id()).path("remainingAmount").decimalValue()).isEqualByComparingTo("14.28");
        TestHttp.Response all = pay(payable.id(), "14.28", "SEPA-2", null);
        assertThat(all.status()).as(all.body()).isEqualTo(201);
        assertThat(all.json().path("statementState").asString()).isEqualTo("PAID");
    }

    private JsonNode issuedNote(UUID statementId, String type, String amount) {
        TestHttp.Response drafted = finance().post("/api/settlement/statements/" + statementId + "/notes", """
                {"type": "%s", "reason": "balance", "lines": [{"label": "Correction", "amount": "%s"}]}
                """.formatted(type, amount));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().path("id").asString();
        approve(id);
        TestHttp.Response issued = finance().post("/api/settlement/notes/" + id + "/issue", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json();
    }

    private void approve(String noteId) {
        TestHttp second = TestHttp.localPort(port).as(TestJwt.staff("frank", Roles.FINANCE));
        assertThat(second.post("/api/settlement/notes/" + noteId + "/approval", "").status()).isEqualTo(200);
    }

    private static String credit(String amount) {
        return """
                {"type": "CREDIT_NOTE", "reason": "balance", "lines": [{"label": "Correction", "amount": "%s"}]}
                """.formatted(amount);
    }

    private TestHttp.Response pay(UUID statementId, String amount, String reference, String direction) {
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        return finance().post("/api/settlement/statements/" + statementId + "/payments", """
                {"amount": "%s", "currency": "EUR", "paidOn": "%s", "reference": "%s"%s}
                """.formatted(amount, today, reference,
                direction == null ? "" : ", \"direction\": \"" + direction + "\""));
    }

    private JsonNode statement(UUID statementId) {
        return finance().get("/api/settlement/statements/" + statementId).json();
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }
}
