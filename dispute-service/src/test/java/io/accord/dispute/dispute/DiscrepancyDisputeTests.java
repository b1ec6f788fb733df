package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeOpened;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

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
                .containsExactly("Statement", "ReconciliationItem", "StatementLine", "ReconciliationItem",
                        "StatementLine");
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
}
