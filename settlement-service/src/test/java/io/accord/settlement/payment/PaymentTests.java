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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance records partial payments of an issued statement until it is PAID; over-payment and bad input change nothing. */
@AccordServiceTest
class PaymentTests {

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final Statements statementService;
    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentTests(StatementFixtures statementFixtures, Statements statements, JdbcClient jdbc, Clock clock) {
        this.statements = statementFixtures;
        this.statementService = statements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static String payment(String amount, String currency, String paidOn, String reference) {
        return """
                {"amount": "%s", "currency": "%s", "paidOn": "%s", "reference": "%s"}
                """.formatted(amount, currency, paidOn, reference);
    }

    private static String directed(String amount, String paidOn, String reference, String direction) {
        return """
                {"amount": "%s", "currency": "EUR", "paidOn": "%s", "reference": "%s", "direction": "%s"}
                """.formatted(amount, paidOn, reference, direction);
    }

    @Test
    void anAmountWithAnExponentIsA400SayingItMustBeAPlainDecimalAndRecordsNothing() {
        Statements.View issued = statements.issued(statements.partner(), "20.00");   // 11.90
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = "/api/settlement/statements/" + issued.id() + "/payments";
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();

        // 1e3, 1E+2 and 5e-1 were read as 1000, 100 and 0.5; a JSON number with an exponent as well
        for (String amount : List.of("\"1e0\"", "\"1E+0\"", "\"5e-1\"", "\"0.01E2\"", "1e0", "5E-1")) {
            TestHttp.Response refused = finance.post(path, """
                    {"amount": %s, "currency": "EUR", "paidOn": "%s", "reference": "SEPA-E"}
                    """.formatted(amount, today));
            assertThat(refused.status()).as(amount + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode violation = refused.json().path("violations").get(0);
            assertThat(violation.path("field").asString()).isEqualTo("amount");
            assertThat(violation.path("message").asString()).contains("plain decimal", "no exponent",
                    "at most 6 decimals");
        }
        assertThat(statementService.find(issued.id()).orElseThrow().paidAmount()).isZero();
        assertThat(finance.get(path).json()).isEmpty();

        // another currency than the statement's is said as such, before its decimals ("more decimals than XAU has
        // (-1)" before)
        TestHttp.Response gold = finance.post(path, payment("1", "XAU", today, "SEPA-G"));
        assertThat(gold.status()).isEqualTo(400);
        assertThat(gold.json().path("violations").get(0).path("field").asString()).isEqualTo("currency");
        assertThat(gold.json().path("detail").asString()).contains("is in EUR, not XAU");
        // plain decimals, as strings or JSON numbers, are read as before
        TestHttp.Response number = finance.post(path, """
                {"amount": 1.90, "currency": "EUR", "paidOn": "%s", "reference": "SEPA-N"}
                """.formatted(today));
        assertThat(number.status()).as(number.body()).isEqualTo(201);
        assertThat(number.json().path("remainingAmount").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void onAReceivableStatementThePartnerPaysUsAndAPaymentToThePartnerOrOnAZeroStatementIsAConflict() {
        Statements.View receivable = statements.issuedWholesale(statements.partner(), "20.00");   // −23.80
        assertThat(receivable.direction()).isEqualTo("RECEIVABLE");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = "/api/settlement/statements/" + receivable.id() + "/payments";
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();

        TestHttp.Response toPartner = finance.post(path, directed("0.01", today, "SEPA-OUT", "PAYABLE"));
        assertThat(toPartner.status()).as(toPartner.body()).isEqualTo(409);
        assertThat(toPartner.contentType()).startsWith("application/problem+json");
        assertThat(toPartner.json().path("detail").asString()).contains(receivable.documentNumber(),
                "is RECEIVABLE", "net is -20.00 EUR", "total -23.80 EUR", "nothing is payable to the partner");
        assertThat(toPartner.json().path("direction").asString()).isEqualTo("RECEIVABLE");
        assertThat(toPartner.json().path("netAmount").asString()).isEqualTo("-20.00");
        assertThat(statementService.find(receivable.id()).orElseThrow().paidAmount()).isZero();
        assertThat(finance.get(path).json()).isEmpty();

        TestHttp.Response byPartner = finance.post(path, directed("10.00", today, "SEPA-IN-1", "RECEIVABLE"));
        assertThat(byPartner.status()).as(byPartner.body()).isEqualTo(201);
        assertThat(byPartner.json().path("direction").asString()).isEqualTo("RECEIVABLE");
        assertThat(byPartner.json().path("remainingAmount").decimalValue()).isEqualByComparingTo("13.80");
        TestHttp.Response rest = finance.post(path, payment("13.80", "EUR", today, "SEPA-IN-2"));
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().path("direction").asString()).isEqualTo("RECEIVABLE");
        assertThat(rest.json().path("statementState").asString()).isEqualTo("PAID");
        assertThat(finance.post(path, directed("1.00", today, "SEPA-X", "SIDEWAYS")).json().path("violations")
                .get(0).path("field").asString()).isEqualTo("direction");

        Statements.View payable = statements.issued(statements.partner(), "20.00");   // 11.90
        String payablePath = "/api/settlement/statements/" + payable.id() + "/payments";
        TestHttp.Response fromPartner = finance.post(payablePath, directed("1.00", today, "SEPA-IN", "RECEIVABLE"));
        assertThat(fromPartner.status()).isEqualTo(409);
        assertThat(fromPartner.json().path("detail").asString()).contains("is PAYABLE", "net is 10.00 EUR",
                "the partner owes nothing");

        Statements.View nothing = statements.issued(statements.partner());   // no usage: 0.00
        assertThat(nothing.totalAmount()).isZero();
        assertThat(nothing.state()).as("nothing to pay either way: settled when issued").isEqualTo("PAID");
        String nothingPath = "/api/settlement/statements/" + nothing.id() + "/payments";
        TestHttp.Response zero = finance.post(nothingPath, payment("0.01", "EUR", today, "SEPA-0"));
        assertThat(zero.status()).as(zero.body()).isEqualTo(409);
        assertThat(zero.json().path("detail").asString()).contains("totals 0.00 EUR (net 0.00 EUR)",
                "no payment to record");
        assertThat(statementService.find(nothing.id()).orElseThrow().state()).isEqualTo("PAID");
        assertThat(finance.get(nothingPath).json()).isEmpty();
    }

    @Test
    void partialPaymentsAddUpToPaidAndEachIsPublishedAndAudited() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00");   // 10.00 + 19 % = 11.90
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = "/api/settlement/statements/" + issued.id() + "/payments";
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();

        TestHttp.Response first = finance.post(path, payment("5.00", "EUR", today, "SEPA-1"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("remainingAmount").decimalValue()).isEqualByComparingTo("6.90");
        assertThat(first.json().path("statementState").asString()).isEqualTo("ISSUED");

        TestHttp.Response over = finance.post(path, payment("6.91", "EUR", today, "SEPA-2"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.json().path("remainingAmount").asString()).isEqualTo("6.90");
        assertThat(finance.post(path, payment("1.00", "EUR", today, "SEPA-1")).status()).isEqualTo(409);
        assertThat(statementService.find(issued.id()).orElseThrow().paidAmount()).isEqualByComparingTo("5.00");

        // the example's value date, moved to the statement's issue day: an earlier one is refused (below)
        TestHttp.Response fromExample = finance.post(path, StatementFixtures.example("payment.json")
                .replaceAll("\"paidOn\": \"[0-9-]+\"", "\"paidOn\": \"" + today + "\""));
        assertThat(fromExample.status()).as(fromExample.body()).isEqualTo(201);
        TestHttp.Response last = finance.post(path, payment("1.90", "EUR", today, "SEPA-2"));
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.json().path("statementState").asString()).isEqualTo("PAID");
        assertThat(statementService.find(issued.id()).orElseThrow().state()).isEqualTo("PAID");
        assertThat(finance.post(path, payment("0.01", "EUR", today, "SEPA-3")).status()).isEqualTo(409);

        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        assertThat(own.get(path).json()).hasSize(3);
        // plain digits, never scientific notation (a remaining 10.000000 was listed as 1E+1, 400 as 4E+2), at the
        // currency's minor unit as the payment was answered when recorded (the list said 1.9 and 10)
        Statements.View second = statements.issued(partner, "20.00");   // 11.90
        String secondPath = "/api/settlement/statements/" + second.id() + "/payments";
        assertThat(finance.post(secondPath, payment("1.90", "EUR", today, "SEPA-4")).status()).isEqualTo(201);
        assertThat(own.get(secondPath).body()).doesNotContainPattern("\":-?[0-9.]+[eE]")
                .contains("\"amount\":1.90,", "\"remainingAmount\":10.00,");
        assertThat(own.post(path, payment("1.00", "EUR", today, "X")).status()).isEqualTo(403);
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("pat", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(other.get(path).status()).isEqualTo(404);

        var events = TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> issued.id().toString().equals(record.key())
                        && "PaymentRecorded".equals(TestKafka.header(record, "ce_type")), 3, Duration.ofSeconds(30));
        assertThat(events).extracting(TestKafka::value).anySatisfy(value -> assertThat(value)
                .contains("\"remainingAmount\":\"6.90\"", "\"amount\":\"5.00\"", "\"reference\":\"SEPA-1\""));
        assertThat(events).extracting(TestKafka::value).anySatisfy(value -> assertThat(value)
                .contains("\"remainingAmount\":\"0.00\"", "\"reference\":\"SEPA-2\"", issued.documentNumber()));
        assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and action = 'payment-recorded'")
                .param("id", issued.id().toString()).query(Long.class).single()).isEqualTo(3);
    }

    /**
     * Found on the live platform: "S63-R1-p1x" again was a 409, but "s63-r1-p1x " was recorded (201): one bank
     * movement twice. And the answer gave remainingAmount 3.800000 where the statement said 3.80.
     */
    @Test
    void aReferenceAgainInAnotherCaseIsTheSameBankMovementAndTheAnswerIsAtTheMinorUnit() {
        Statements.View issued = statements.issued(statements.partner(), "20.00");   // 11.90
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = "/api/settlement/statements/" + issued.id() + "/payments";
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();

        TestHttp.Response first = finance.post(path, payment("1.9", "EUR", today, "S63-R1-p1x"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"amount\":1.90,", "\"remainingAmount\":10.00,");
        String earlier = first.json().path("id").asString();
        for (String again : List.of("s63-r1-p1x ", "S63-R1-P1X", " S63-r1-p1X")) {
            TestHttp.Response refused = finance.post(path, payment("1.00", "EUR", today, again));
            assertThat(refused.status()).as(again + ": " + refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains(earlier, "ignoring case", "S63-R1-p1x");
        }
        assertThat(finance.get(path).json()).hasSize(1);
        assertThat(statementService.find(issued.id()).orElseThrow().paidAmount()).isEqualByComparingTo("1.90");
        // the index holds it too, whatever the code checks
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        insert into statement_payment (id, statement_id, partner_id, direction, amount, currency,
                                                       paid_on, reference, remaining_amount, statement_state,
                                                       recorded_by, recorded_at)
                        select gen_random_uuid(), statement_id, partner_id, direction, amount, currency, paid_on,
                               upper(reference), remaining_amount, statement_state, recorded_by, now()
                        from statement_payment where id = :id""").param("id", UUID.fromString(earlier)).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void badInputIsA400NamingTheFieldAndAStatementNotIssuedA409() {
        String partner = statements.partner();
        Statements.View approved = statements.approved(partner, "8.00");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String path = "/api/settlement/statements/" + approved.id() + "/payments";
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();

        assertThat(finance.post(path, payment("1.00", "EUR", today, "A")).status()).isEqualTo(409);
        statementService.issue(approved.id());
        TestHttp.Response negative = finance.post(path, payment("-1.00", "EUR", today, "A"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("amount");
        TestHttp.Response decimals = finance.post(path, payment("1.001", "EUR", today, "A"));
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.body()).contains("amount");
        TestHttp.Response currency = finance.post(path, payment("1.00", "USD", today, "A"));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.body()).contains("currency");
        TestHttp.Response future = finance.post(path, payment("1.00", "EUR",
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(2).toString(), "A"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("paidOn");
        String issuedOn = LocalDate.ofInstant(statementService.find(approved.id()).orElseThrow().issuedAt(),
                ZoneOffset.UTC).toString();
        for (String early : List.of("1900-01-01", LocalDate.parse(issuedOn).minusDays(1).toString())) {
            TestHttp.Response beforeIssue = finance.post(path, payment("1.00", "EUR", early, "EARLY"));
            assertThat(beforeIssue.status()).as(early).isEqualTo(400);
            assertThat(beforeIssue.contentType()).startsWith("application/problem+json");
            JsonNode violation = beforeIssue.json().path("violations").get(0);
            assertThat(violation.path("field").asString()).isEqualTo("paidOn");
            assertThat(violation.path("message").asString()).contains(early, "earliest allowed is " + issuedOn);
        }
        TestHttp.Response onIssueDay = finance.post(path, payment("1.00", "EUR", issuedOn, "ON-ISSUE-DAY"));
        assertThat(onIssueDay.status()).as(onIssueDay.body()).isEqualTo(201);
        TestHttp.Response missing = finance.post(path, "{\"amount\": \"1.00\", \"currency\": \"EUR\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(finance.post("/api/settlement/statements/" + UUID.randomUUID() + "/payments",
                payment("1.00", "EUR", today, "A")).status()).isEqualTo(404);
        assertThat(statementService.find(approved.id()).orElseThrow().paidAmount()).isEqualByComparingTo("1.00");
        assertThat(finance.get(path).json()).extracting(recorded -> recorded.path("reference").asString())
                .containsExactly("ON-ISSUE-DAY");
    }
}
