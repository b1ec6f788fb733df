package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeOpened;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reconciliation's discrepancies open one dispute, once, for their net difference, that the partner is told about
 * and can add to; discrepancies that cancel out open none.
 */
@AccordServiceTest
class DiscrepancyDisputeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;

    DiscrepancyDisputeTests(SettlementFixtures settlement, JdbcClient jdbc) {
        this.settlement = settlement;
        this.jdbc = jdbc;
    }

    @Test
    void opensOneDisputePerReconciliationEvenWhenTheEventIsDeliveredTwice() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        ReconciliationDiscrepancyFound found = settlement.discrepancy(as.partnerId, statement, List.of(
                SettlementFixtures.mismatch("line-1-" + statement, "100.00", "112.50"),
                SettlementFixtures.mismatch("line-2-" + statement, "50.00", "47.00")), "9.50");
        settlement.send(Topics.SETTLEMENT_EVENTS, found);
        settlement.send(Topics.SETTLEMENT_EVENTS, found);

        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.partner.get(Disputing.TICKETS)
                .header("X-Total-Count").equals("1"));
        JsonNode ticket = as.partner.get(Disputing.TICKETS).json().get(0);
        assertThat(ticket.path("source").asString()).isEqualTo("RECONCILIATION");
        // the net difference +12.50 - 3.00, not 12.50 + 3.00
        assertThat(ticket.path("disputedAmount").path("value").asString()).isEqualTo("9.500000");
        // two lines beyond tolerance (each with its reconciliation item and statement line)
        assertThat(ticket.path("description").asString()).contains(": 2 line(s) beyond tolerance, total difference 9.50")
                .contains("MISMATCH line-1-" + statement + " +12.50, MISMATCH line-2-" + statement + " -3.00");
        assertThat(ticket.path("relatedEntity").valueStream().map(e -> e.path("role").asString()).toList())
                .containsExactly("Statement", "ReconciliationItem", "ReconciliationDiscrepancy", "StatementLine",
                        "ReconciliationItem", "ReconciliationDiscrepancy", "StatementLine");
        String id = ticket.path("id").asString();

        DisputeOpened opened = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.DISPUTE_EVENTS,
                r -> id.equals(r.key()) && "DisputeOpened".equals(TestKafka.header(r, "ce_type")), 1,
                SettlementFixtures.PATIENCE).getFirst()), DisputeOpened.class);
        assertThat(opened.partnerId()).isEqualTo(as.partnerId);
        assertThat(opened.source()).isEqualTo("RECONCILIATION");

        assertThat(as.step(as.partner, id, "comments", "{\"text\": \"and line 3 too\"}").status()).isEqualTo(200);
        // the disputed lines are taken: the partner cannot open a second dispute on them
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "line-1-" + statement, "1",
                "RATE")).status()).isEqualTo(409);
        // a later reconciliation of the same lines opens nothing new
        settlement.send(Topics.SETTLEMENT_EVENTS, settlement.discrepancy(as.partnerId, statement, List.of(
                SettlementFixtures.mismatch("line-1-" + statement, "100.00", "112.50")), "12.50"));
        await().during(java.time.Duration.ofSeconds(2)).atMost(SettlementFixtures.PATIENCE).until(() -> as.partner
                .get(Disputing.TICKETS).header("X-Total-Count").equals("1"));
    }

    @Test
    void discrepanciesThatNetToZeroOpenNoDisputeAndAnUnevenRemainderIsDisputedNet() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        String over = "over-" + statement;
        // +26.90, -11.55, -15.35: the invoice and the statement agree in total
        settlement.send(Topics.SETTLEMENT_EVENTS, settlement.discrepancy(as.partnerId, statement, List.of(
                SettlementFixtures.mismatch(over, "100.00", "126.90"),
                SettlementFixtures.mismatch("under-1-" + statement, "50.00", "38.45"),
                SettlementFixtures.mismatch("under-2-" + statement, "40.00", "24.65")), "0.00"));
        // the event is handled (its line amounts are kept in the same transaction), and no dispute is opened
        await().atMost(SettlementFixtures.PATIENCE).until(() -> jdbc.sql(
                "select count(*) from statement_line where statement_line_id = :line").param("line", over)
                .query(Long.class).single() == 1);
        assertThat(as.partner.get(Disputing.TICKETS).header("X-Total-Count")).isEqualTo("0");

        settlement.send(Topics.SETTLEMENT_EVENTS, settlement.discrepancy(as.partnerId, statement, List.of(
                SettlementFixtures.mismatch(over, "100.00", "126.90"),
                SettlementFixtures.mismatch("under-1-" + statement, "50.00", "38.45")), "15.35"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.partner.get(Disputing.TICKETS)
                .header("X-Total-Count").equals("1"));
        assertThat(as.partner.get(Disputing.TICKETS).json().get(0).path("disputedAmount").path("value").asString())
                .isEqualTo("15.350000");
    }

    @Test
    void reconcilingTheSameInvoiceAgainOrWithOtherKeysOpensNoSecondDisputeForTheSameDiscrepancy() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        String invoice = UUID.randomUUID().toString();
        // the invoice has one line of 5.00 the statement lacks (matched by offering and usage type)
        ReconciliationDiscrepancyFound.Discrepancy extra = new ReconciliationDiscrepancyFound.Discrepancy(
                "MISSING_ON_STATEMENT", "VIDEO-PLUS", "FAX", null, null, null, "5.00", "5.00", "1.00");
        settlement.send(Topics.SETTLEMENT_EVENTS, reconciliation(as, statement, invoice, "5.00", extra));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.partner.get(Disputing.TICKETS)
                .header("X-Total-Count").equals("1"));
        String first = as.partner.get(Disputing.TICKETS).json().get(0).path("id").asString();

        // the same reconciliation run again, then by offering only (its lines summed: 4.85 over several of ours)
        settlement.send(Topics.SETTLEMENT_EVENTS, reconciliation(as, statement, invoice, "5.00", extra));
        settlement.send(Topics.SETTLEMENT_EVENTS, reconciliation(as, statement, invoice, "4.85",
                new ReconciliationDiscrepancyFound.Discrepancy("MISMATCH", "VIDEO-PLUS", null, null, null, "33.75",
                        "38.60", "4.85", "1.00")));
        // the same discrepancy found from another invoice of the statement (the partner's second number for it) is
        // the same discrepancy: no dispute of its own, the open one is told in its thread
        String other = UUID.randomUUID().toString();
        settlement.send(Topics.SETTLEMENT_EVENTS, reconciliation(as, statement, other, "5.00", extra));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.partner.get(Disputing.TICKETS + "/" + first)
                .json().path("note").valueStream().anyMatch(note -> note.path("text").asString()
                        .contains("of partner invoice INV-" + other.substring(0, 8) + " against statement RS-1 found "
                                + "again what this dispute holds: MISSING_ON_STATEMENT #1 +5.00 EUR")));
        // (the events are keyed by reconciliation, so they may be handled in any order: the count must stay at one)
        await().during(java.time.Duration.ofSeconds(2)).atMost(SettlementFixtures.PATIENCE).until(() -> as.partner
                .get(Disputing.TICKETS).header("X-Total-Count").equals("1"));
        assertThat(as.partner.get(Disputing.TICKETS).json().get(0).path("disputedAmount").path("value").asString())
                .isEqualTo("5.000000");

        // once the dispute is withdrawn, the discrepancy found again is disputed again
        assertThat(as.step(as.partner, first, "withdrawal", "{\"reason\": \"settled by phone\"}").status())
                .isEqualTo(200);
        settlement.send(Topics.SETTLEMENT_EVENTS, reconciliation(as, statement, other, "5.00", extra));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.partner.get(Disputing.TICKETS)
                .header("X-Total-Count").equals("2"));
    }

    /**
     * Finance cannot close a dispute a reconciliation opened while it is worked (409, as any open dispute): closing
     * would end the partner's claim without its answer and settle nothing. The 409 says the way, which ends it: a
     * proposal of 0 the partner accepts (or its silence does), then the closure.
     */
    @Test
    void financeEndsAnOpenReconciliationDisputeByProposingNothingNotByClosingIt() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        settlement.send(Topics.SETTLEMENT_EVENTS, settlement.discrepancy(as.partnerId, statement, List.of(
                SettlementFixtures.mismatch("line-1-" + statement, "100.00", "104.00")), "4.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> as.partner.get(Disputing.TICKETS)
                .header("X-Total-Count").equals("1"));
        String id = as.partner.get(Disputing.TICKETS).json().get(0).path("id").asString();

        TestHttp.Response closing = as.step(as.finance, id, "closure", null);
        assertThat(closing.status()).isEqualTo(409);
        assertThat(closing.json().path("detail").asString()).contains("is open and cannot be closed")
                .contains("propose 0 (POST /api/disputes/" + id + "/proposal)");

        assertThat(as.step(as.finance, id, "review", null).status()).isEqualTo(200);
        assertThat(as.step(as.finance, id, "proposal", "{\"direction\": \"CREDIT_PARTNER\", \"amount\": \"0\", "
                + "\"reason\": \"our statement was right\"}").status()).isEqualTo(200);
        JsonNode resolved = as.step(as.partner, id, "acceptance", null).json();
        assertThat(resolved.path("status").asString()).isEqualTo("resolved");
        assertThat(resolved.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(as.step(as.finance, id, "closure", null).json().path("status").asString()).isEqualTo("closed");
    }

    private static ReconciliationDiscrepancyFound reconciliation(Disputing as, String statement, String invoice,
                                                                 String total,
                                                                 ReconciliationDiscrepancyFound.Discrepancy line) {
        return new ReconciliationDiscrepancyFound(UUID.randomUUID(), Instant.now(), UUID.randomUUID().toString(),
                as.partnerId, statement, "RS-1", "2026-11", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), invoice, "INV-" + invoice.substring(0, 8), "EUR", total,
                List.of(line));
    }
}
