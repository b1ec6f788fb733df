package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** The window, amount, one-open-per-line and input rules of opening; each refusal changes nothing. */
@AccordServiceTest
class DisputeOpeningRulesTests {

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;
    private final DisputeRepository disputes;
    private final TransactionTemplate transactions;

    DisputeOpeningRulesTests(SettlementFixtures settlement, JdbcClient jdbc, DisputeRepository disputes,
                             TransactionTemplate transactions) {
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.disputes = disputes;
        this.transactions = transactions;
    }

    private long disputesOf(String partnerId) {
        return jdbc.sql("select count(*) from dispute where partner_id = :p").param("p", UUID.fromString(partnerId))
                .query(Long.class).single();
    }

    @Test
    void aStatementPastTheDefaultWindowIsRefusedWith422NamingTheWindow() {
        Disputing as = new Disputing(port);
        String old = settlement.issue(as.partnerId, "100.00", Instant.now().minus(61, ChronoUnit.DAYS));
        TestHttp.Response refused = as.partner.post(Disputing.TICKETS, Disputing.ticket(old, "l-1", "5", "RATE"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("dispute window of 60 days");
        assertThat(refused.json().path("disputeWindowDays").asInt()).isEqualTo(60);
        assertThat(disputesOf(as.partnerId)).isZero();
    }

    @Test
    void theAgreementsDisputeWindowReplacesTheDefault() {
        Disputing as = new Disputing(port);
        settlement.agreement(as.partnerId, 90);
        String issued = settlement.issue(as.partnerId, "100.00", Instant.now().minus(75, ChronoUnit.DAYS));
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(issued, "l-1", "5", "RATE")).status())
                .isEqualTo(201);
        settlement.agreement(as.partnerId, 30);
        String second = settlement.issue(as.partnerId, "100.00", Instant.now().minus(31, ChronoUnit.DAYS));
        TestHttp.Response refused = as.partner.post(Disputing.TICKETS, Disputing.ticket(second, "l-2", "5", "RATE"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("window of 30 days");
    }

    @Test
    void theAmountCannotExceedTheKnownLineAmountNorTheStatementTotal() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        // a reconciliation told us line L7 is 40.00 (and opens its own dispute on it, which we withdraw)
        String lineId = "L7-" + UUID.randomUUID();
        settlement.send(Topics.SETTLEMENT_EVENTS, settlement.discrepancy(as.partnerId, statement,
                List.of(SettlementFixtures.mismatch(lineId, "40.00", "45.00")), "5.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> disputesOf(as.partnerId) == 1);
        String auto = jdbc.sql("select id from dispute where partner_id = :p").param("p",
                UUID.fromString(as.partnerId)).query(UUID.class).single().toString();
        as.step(as.partner, auto, "withdrawal", "{\"reason\": \"we open our own\"}");

        TestHttp.Response overLine = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, lineId,
                "40.01", "RATE"));
        assertThat(overLine.status()).isEqualTo(422);
        assertThat(overLine.json().path("limit").asString()).isEqualTo("40.000000");
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, lineId, "40.00", "RATE"))
                .status()).isEqualTo(201);

        TestHttp.Response overTotal = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "unknown-line",
                "100.01", "RATE"));
        assertThat(overTotal.status()).isEqualTo(422);
        assertThat(overTotal.json().path("detail").asString()).contains("statement's total 100");
        assertThat(disputesOf(as.partnerId)).isEqualTo(2);
    }

    @Test
    void theLinesStatementIssuedCarriesBoundTheDisputedAmountAndNoOtherLineCanBeDisputed() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "30.00", "-12.50", "7.25");

        TestHttp.Response overLine = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement,
                statement + "-2", "12.51", "RATE"));
        assertThat(overLine.status()).isEqualTo(422);
        assertThat(overLine.json().path("limit").asString()).isEqualTo("12.500000");
        TestHttp.Response unknownLine = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement,
                statement + "-4", "1.00", "RATE"));
        assertThat(unknownLine.status()).isEqualTo(422);
        assertThat(unknownLine.json().path("detail").asString()).contains("has no line " + statement + "-4");
        assertThat(disputesOf(as.partnerId)).isZero();

        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-2", "12.50",
                "RATE")).status()).isEqualTo(201);
        TestHttp.Response again = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-2",
                "1.00", "TAX"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-1", "30.00",
                "RATE")).status()).isEqualTo(201);
        assertThat(disputesOf(as.partnerId)).isEqualTo(2);
    }

    @Test
    void aLineHasOneOpenDisputeAtATimeAndTheConflictNamesIt() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        TestHttp.Response first = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "dup-line", "5",
                "RATE"));
        assertThat(first.status()).isEqualTo(201);
        String open = first.json().path("id").asString();
        TestHttp.Response second = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "dup-line", "6",
                "TAX"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("detail").asString()).contains("dup-line", open);
        assertThat(second.json().path("openDisputeId").asString()).isEqualTo(open);
        assertThat(second.json().path("openDisputeHref").asString()).isEqualTo(Disputing.TICKETS + "/" + open);
        assertThat(disputesOf(as.partnerId)).isEqualTo(1);
    }

    @Test
    void anotherPartnersOpenDisputeOnTheSameItemIdBlocksNothing() {
        // invoice-line ids are each partner's own text: another partner's dispute on "INV-…-1" is another item (it
        // was a 409 naming nothing); the partner's own second dispute on it is refused, naming the first
        Disputing as = new Disputing(port);
        Disputing other = new Disputing(port);
        String invoiceLine = "INV-" + UUID.randomUUID() + "-1";
        TestHttp.Response theirs = other.partner.post(Disputing.TICKETS, invoiceLineTicket(settlement.issue(
                other.partnerId, "100.00", Instant.now()), invoiceLine));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        TestHttp.Response mine = as.partner.post(Disputing.TICKETS, invoiceLineTicket(statement, invoiceLine));
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        TestHttp.Response again = as.partner.post(Disputing.TICKETS, invoiceLineTicket(statement, invoiceLine));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("openDisputeId").asString()).isEqualTo(mine.json().path("id").asString());
        assertThat(again.body()).doesNotContain(theirs.json().path("id").asString());
    }

    @Test
    void aLineTakenBetweenTheCheckAndTheInsertIsA409NamingTheOpenDispute() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String open = as.open(statement, "5");
        Dispute.Item line = disputes.find(UUID.fromString(open)).orElseThrow().items.stream()
                .filter(item -> "StatementLine".equals(item.role())).findFirst().orElseThrow();
        Dispute late = new Dispute(UUID.randomUUID(), UUID.fromString(as.partnerId), Category.RATE, BigDecimal.ONE,
                "EUR", "raced", statement, Dispute.Source.PARTNER, null, List.of(line), "pa", Instant.now(),
                Instant.now(), Instant.now());
        late.opened();
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> transactions.executeWithoutResult(status -> disputes.insert(late)));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().getProperties()).containsEntry("openDisputeId", open);
        assertThat(disputesOf(as.partnerId)).isEqualTo(1);
    }

    private static String invoiceLineTicket(String statementId, String invoiceLine) {
        return """
                {"ticketType": "BillingDispute", "description": "their invoice line", "category": "OTHER",
                 "disputedAmount": {"unit": "EUR", "value": "1"},
                 "relatedEntity": [{"id": "%s", "role": "Statement"}, {"id": "%s", "role": "InvoiceLine"}]}
                """.formatted(statementId, invoiceLine);
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnUnknownStatementA422() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        TestHttp.Response category = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "l", "5",
                "PRICE"));
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.body()).contains("category");
        TestHttp.Response type = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "l", "5", "RATE")
                .replace("BillingDispute", "Incident"));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.body()).contains("ticketType");
        TestHttp.Response amount = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "l", "5.1234567",
                "RATE"));
        assertThat(amount.status()).isEqualTo(400);
        assertThat(amount.body()).contains("disputedAmount.value");
        TestHttp.Response currency = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "l", "5", "RATE")
                .replace("EUR", "USD"));
        assertThat(currency.status()).isEqualTo(422);
        assertThat(currency.body()).contains("USD");
        TestHttp.Response role = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "l", "5", "RATE")
                .replace("StatementLine", "Banana"));
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.body()).contains("relatedEntity[1].role");
        TestHttp.Response unknown = as.partner.post(Disputing.TICKETS, Disputing.ticket(UUID.randomUUID()
                .toString(), "l", "5", "RATE"));
        assertThat(unknown.status()).isEqualTo(422);
        TestHttp.Response empty = as.partner.post(Disputing.TICKETS, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(disputesOf(as.partnerId)).isZero();
    }

    @Test
    void anotherPartnersStatementCannotBeDisputed() {
        Disputing owner = new Disputing(port);
        Disputing other = new Disputing(port);
        String statement = settlement.issue(owner.partnerId, "100.00", Instant.now());
        assertThat(other.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "l", "5", "RATE")).status())
                .isEqualTo(422);
        assertThat(disputesOf(other.partnerId)).isZero();
    }
}
