package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.contracts.events.StatementIssued;
import io.accord.dispute.SettlementFixtures;
import io.accord.dispute.document.DisputableDocuments;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reconciliation discrepancy is one of the statement, whichever partner invoice found it (the finance review: the
 * same invoice sent as S65-R8-INV-001 and -002 opened two disputes for one missing 3.00 line, both credited 3.00):
 * it is disputed once, what disputes on it credit stays within it, its period and side tell it apart from its
 * neighbours, and a partner's own dispute on a statement line it covers is refused while it is open.
 */
@AccordServiceTest
class DiscrepancyIdentityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final DisputableDocuments documents;
    private final JdbcClient jdbc;

    DiscrepancyIdentityTests(SettlementFixtures settlement, DisputableDocuments documents, JdbcClient jdbc) {
        this.settlement = settlement;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    @Test
    void theSameDiscrepancyFromASecondInvoiceIsNotDisputedAgainAndACreditOnItIsNotGivenTwice() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        String first = awaitOpened(as, send(as, statement, "S65-INV-001", Map.of(), missingVoice("3.00")));

        // the same invoice again under another number: no second dispute, the first is told
        send(as, statement, "S65-INV-002", Map.of(), missingVoice("3.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> notes(as, first).stream()
                .anyMatch(text -> text.contains("partner invoice S65-INV-002") && text.contains("found again")));
        assertThat(tickets(as)).isEqualTo(1);
        assertThat(discrepancyOf(as, first)).isEqualTo(statement + "/VIDEO-PLUS/VOICE/*/*/*/*");

        // credited in full; the partner submits it once more: a new dispute, but nothing left to credit on it
        resolve(as, first, "3.00");
        send(as, statement, "S65-INV-003", Map.of(), missingVoice("3.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> tickets(as) == 2);
        String second = as.partner.get(Disputing.TICKETS).json().valueStream()
                .map(ticket -> ticket.path("id").asString()).filter(id -> !id.equals(first)).findFirst()
                .orElseThrow();
        assertThat(as.step(as.finance, second, "review", null).status()).isEqualTo(200);
        TestHttp.Response again = as.step(as.finance, second, "proposal", Disputing.proposal("3.00"));
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.json().path("type").asString()).endsWith("/adjustment-exceeds-discrepancy");
        assertThat(again.json().path("detail").asString())
                .contains("statement discrepancy " + statement + "/VIDEO-PLUS/VOICE/*/*/*/* of 3.00 EUR")
                .contains("3.00 EUR was already credited by dispute " + first + " (3.00 EUR)")
                .contains("which leaves 0.00 EUR");
        assertThat(again.json().path("alreadyCredited").get(0).path("disputeId").asString()).isEqualTo(first);
        assertThat(as.partner.get(Disputing.TICKETS + "/" + second).json().path("status").asString())
                .isEqualTo("inReview");
    }

    /**
     * Two open disputes holding one discrepancy, as disputes opened before its identity left the invoice out (the
     * review's 2b4930a1 and c0dc18f6, keyed by their invoices), with proposals made before the limit existed: the
     * second proposal is refused, and so is the second acceptance.
     */
    @Test
    void disputesOpenedPerInvoiceBeforeShareOneDiscrepancyAndCannotCreditItTwice() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        String invoice1 = UUID.randomUUID().toString();
        String first = awaitOpened(as, send(as, statement, invoice1, "S65-INV-001", Map.of(), missingVoice("3.00")));
        asOpenedBefore(first, statement, invoice1);
        String invoice2 = UUID.randomUUID().toString();
        // the old identity (with the invoice id) of another invoice: its own dispute, as then
        jdbc.sql("update dispute_item set open = false where dispute_id = :id").param("id", UUID.fromString(first))
                .update();
        send(as, statement, invoice2, "S65-INV-002", Map.of(), missingVoice("3.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> tickets(as) == 2);
        String second = as.partner.get(Disputing.TICKETS).json().valueStream()
                .map(ticket -> ticket.path("id").asString()).filter(id -> !id.equals(first)).findFirst()
                .orElseThrow();
        asOpenedBefore(second, statement, invoice2);
        jdbc.sql("update dispute_item set open = true where dispute_id = :id").param("id", UUID.fromString(first))
                .update();

        assertThat(as.step(as.finance, first, "review", null).status()).isEqualTo(200);
        assertThat(as.step(as.finance, second, "review", null).status()).isEqualTo(200);
        assertThat(as.step(as.finance, first, "proposal", Disputing.proposal("2.00")).status()).isEqualTo(200);
        TestHttp.Response over = as.step(as.finance, second, "proposal", Disputing.proposal("1.50"));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("detail").asString())
                .contains("2.00 EUR was already credited by dispute " + first + " (2.00 EUR, proposed)")
                .contains("which leaves 1.00 EUR");

        // a proposal made before the limit existed (its discrepancy then not compared with the other's)
        jdbc.sql("update dispute_item set role = 'Hidden' where dispute_id = :id and role = 'ReconciliationDiscrepancy'")
                .param("id", UUID.fromString(first)).update();
        assertThat(as.step(as.finance, second, "proposal", Disputing.proposal("1.50")).status()).isEqualTo(200);
        jdbc.sql("update dispute_item set role = 'ReconciliationDiscrepancy' where dispute_id = :id and role = 'Hidden'")
                .param("id", UUID.fromString(first)).update();

        assertThat(as.step(as.partner, first, "acceptance", null).status()).isEqualTo(200);
        TestHttp.Response twice = as.step(as.partner, second, "acceptance", null);
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.json().path("type").asString()).endsWith("/adjustment-exceeds-discrepancy");
        assertThat(twice.json().path("detail").asString()).contains("dispute " + first + " (2.00 EUR)");
        assertThat(as.partner.get(Disputing.TICKETS + "/" + second).json().path("status").asString())
                .isEqualTo("resolutionProposed");
    }

    @Test
    void aDiscrepancyOfThePriorPeriodOrOfTheOtherSideIsAnotherOneAndAnOlderEventStillOpensItsDispute() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "500.00", Instant.now());
        String current = awaitOpened(as, send(as, statement, "S65-INV-001",
                Map.of("period", "CURRENT", "side", "REVENUE_SHARE"), missingVoice("3.00")));
        assertThat(discrepancyOf(as, current))
                .isEqualTo(statement + "/VIDEO-PLUS/VOICE/CURRENT/REVENUE_SHARE/*/*");

        send(as, statement, "S65-INV-002", Map.of("period", "PRIOR", "side", "REVENUE_SHARE"), missingVoice("4.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> tickets(as) == 2);
        send(as, statement, "S65-INV-003", Map.of("period", "CURRENT", "side", "WHOLESALE"), missingVoice("5.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> tickets(as) == 3);
        // the current revenue share found again (by a newer settlement) is held by the first
        send(as, statement, "S65-INV-004", Map.of("period", "current", "side", "REVENUE_SHARE"), missingVoice("3.00"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> notes(as, current).stream()
                .anyMatch(text -> text.contains("S65-INV-004")));
        assertThat(tickets(as)).isEqualTo(3);
        assertThat(as.partner.get(Disputing.TICKETS).json().valueStream()
                .map(ticket -> ticket.path("disputedAmount").path("value").asString()).sorted().toList())
                .containsExactly("3.000000", "4.000000", "5.000000");
    }

    @Test
    void aPartnersDisputeOnALineAnOpenReconciliationDisputeCoversIsRefusedNamingIt() {
        Disputing as = new Disputing(port);
        // lines 1 (our revenue share) and 2 (our wholesale) of one offering and usage type, line 3 another offering
        String statement = issue(as, UUID.randomUUID().toString());
        String reconciliation = awaitOpened(as, send(as, statement, "S65-INV-001", Map.of(), new
                ReconciliationDiscrepancyFound.Discrepancy("MISMATCH", "off-v", "VOICE", null, null, "-42.63",
                "99.47", "142.10", "1.00")));
        assertThat(roles(as, reconciliation)).contains(Map.entry("StatementLine", statement + "-1"),
                Map.entry("StatementLine", statement + "-2"));

        TestHttp.Response covered = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-1",
                "10.00", "RATE"));
        assertThat(covered.status()).as(covered.body()).isEqualTo(409);
        assertThat(covered.json().path("openDisputeId").asString()).isEqualTo(reconciliation);
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-3", "1.00", "RATE"))
                .status()).isEqualTo(201);

        // a newer settlement names the lines and the side: only our wholesale line is covered
        Disputing other = new Disputing(port);
        String sided = issue(other, UUID.randomUUID().toString());
        String wholesale = awaitOpened(other, send(other, sided, "S65-INV-002", Map.of("side", "WHOLESALE",
                "period", "CURRENT", "statementLineIds", List.of(sided + "-2")), new
                ReconciliationDiscrepancyFound.Discrepancy("MISSING_ON_INVOICE", "off-v", "VOICE", null, null,
                "-142.10", null, "142.10", "1.00")));
        assertThat(roles(other, wholesale)).contains(Map.entry("StatementLine", sided + "-2"))
                .doesNotContain(Map.entry("StatementLine", sided + "-1"));
        assertThat(other.partner.post(Disputing.TICKETS, Disputing.ticket(sided, sided + "-2", "1.00", "RATE"))
                .status()).isEqualTo(409);
        assertThat(other.partner.post(Disputing.TICKETS, Disputing.ticket(sided, sided + "-1", "1.00", "RATE"))
                .status()).isEqualTo(201);
    }

    /**
     * The discrepancy came before the statement's lines were known (its event and the statement's travel on
     * different partitions) or before they were kept: its dispute holds no line, and still covers them.
     */
    @Test
    void aReconciliationDisputeHoldingNoLineStillCoversTheLinesOfItsOfferingAndUsageType() {
        Disputing as = new Disputing(port);
        String statement = UUID.randomUUID().toString();
        String reconciliation = awaitOpened(as, send(as, statement, "S65-INV-001", Map.of(), new
                ReconciliationDiscrepancyFound.Discrepancy("MISMATCH", "off-v", "VOICE", null, null, "-42.63",
                "99.47", "142.10", "1.00")));
        assertThat(roles(as, reconciliation).stream().map(Map.Entry::getKey)).doesNotContain("StatementLine");
        issue(as, statement);

        TestHttp.Response covered = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-2",
                "10.00", "RATE"));
        assertThat(covered.status()).as(covered.body()).isEqualTo(409);
        assertThat(covered.json().path("detail").asString()).contains("is covered by the open reconciliation dispute "
                + reconciliation);
        assertThat(covered.json().path("openDisputeId").asString()).isEqualTo(reconciliation);
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, statement + "-3", "1.00", "RATE"))
                .status()).isEqualTo(201);
    }

    /** Issues {@code statementId}: 1 our revenue share and 2 our wholesale of off-v VOICE, 3 off-m VOICE. */
    private String issue(Disputing as, String statementId) {
        Instant now = Instant.now();
        settlement.send(Topics.SETTLEMENT_EVENTS, new StatementIssued(UUID.randomUUID(), now, statementId,
                as.partnerId, "2026-11", now.minus(Duration.ofDays(30)), now, "SETTLEMENT_STATEMENT",
                "ST-" + statementId.substring(0, 8), "entity-1", null, "RECEIVABLE", "EUR", "-32.63", "0.00",
                "-32.63", now, LocalDate.of(2027, 1, 31), "0".repeat(64), List.of(
                new StatementIssued.Line(statementId + "-1", 1, "ONE_TIME_SHARE", "One-time share", "off-v", "VOICE",
                        "99.47", "EUR"),
                new StatementIssued.Line(statementId + "-2", 2, "WHOLESALE", "Wholesale", "off-v", "VOICE",
                        "-142.10", "EUR"),
                new StatementIssued.Line(statementId + "-3", 3, "USAGE_REVENUE_SHARE", "Revenue share", "off-m",
                        "VOICE", "10.00", "EUR"))));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> documents.statement(statementId,
                UUID.fromString(as.partnerId)).isPresent() && documents.lines(statementId).size() == 3);
        return statementId;
    }

    private static ReconciliationDiscrepancyFound.Discrepancy missingVoice(String amount) {
        return new ReconciliationDiscrepancyFound.Discrepancy("MISSING_ON_STATEMENT", "VIDEO-PLUS", "VOICE", null,
                null, null, amount, amount, "1.00");
    }

    private String send(Disputing as, String statement, String invoiceNumber, Map<String, Object> details,
                        ReconciliationDiscrepancyFound.Discrepancy line) {
        return send(as, statement, UUID.randomUUID().toString(), invoiceNumber, details, line);
    }

    /**
     * A reconciliation's discrepancy of one line, as settlement publishes it; {@code details} are what a newer
     * settlement adds to the line (period, side, statementLineIds), none for the event as published so far.
     */
    private String send(Disputing as, String statement, String invoice, String invoiceNumber,
                        Map<String, Object> details, ReconciliationDiscrepancyFound.Discrepancy line) {
        ReconciliationDiscrepancyFound found = new ReconciliationDiscrepancyFound(UUID.randomUUID(), Instant.now(),
                UUID.randomUUID().toString(), as.partnerId, statement, "ST-1", "2026-11",
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), invoice, invoiceNumber,
                "EUR", line.difference(), List.of(line));
        ObjectNode data = (ObjectNode) JSON.valueToTree(found);
        details.forEach((name, value) -> ((ObjectNode) data.get("lines").get(0)).set(name, JSON.valueToTree(value)));
        TestKafka.send(TestKafka.cloudEvent(Topics.SETTLEMENT_EVENTS, found.key(), found.type(),
                found.eventId().toString(), found.partnerId(), JSON.writeValueAsString(data)));
        return found.reconciliationId();
    }

    private String awaitOpened(Disputing as, String reconciliationId) {
        await().atMost(SettlementFixtures.PATIENCE).until(() -> jdbc.sql(
                        "select count(*) from dispute where reconciliation_id = :r").param("r", reconciliationId)
                .query(Long.class).single() == 1);
        return jdbc.sql("select id from dispute where reconciliation_id = :r").param("r", reconciliationId)
                .query(UUID.class).single().toString();
    }

    /** Rewrites the dispute's discrepancy identity as disputes opened before held it: with the invoice id. */
    private void asOpenedBefore(String dispute, String statement, String invoice) {
        jdbc.sql("""
                        update dispute_item set ref_id = :ref
                        where dispute_id = :id and role = 'ReconciliationDiscrepancy'""")
                .param("ref", statement + "/" + invoice + "/VIDEO-PLUS/VOICE/*/*")
                .param("id", UUID.fromString(dispute)).update();
    }

    private void resolve(Disputing as, String id, String amount) {
        assertThat(as.step(as.finance, id, "review", null).status()).isEqualTo(200);
        TestHttp.Response proposed = as.step(as.finance, id, "proposal", Disputing.proposal(amount));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        TestHttp.Response accepted = as.step(as.partner, id, "acceptance", null);
        assertThat(accepted.json().path("status").asString()).as(accepted.body()).isEqualTo("resolved");
    }

    private static long tickets(Disputing as) {
        return Long.parseLong(as.partner.get(Disputing.TICKETS).header("X-Total-Count"));
    }

    private static List<String> notes(Disputing as, String id) {
        return as.partner.get(Disputing.TICKETS + "/" + id).json().path("note").valueStream()
                .map(note -> note.path("text").asString()).toList();
    }

    private static List<Map.Entry<String, String>> roles(Disputing as, String id) {
        return as.partner.get(Disputing.TICKETS + "/" + id).json().path("relatedEntity").valueStream()
                .map(entity -> Map.entry(entity.path("role").asString(), entity.path("id").asString())).toList();
    }

    private static String discrepancyOf(Disputing as, String id) {
        return roles(as, id).stream().filter(entry -> entry.getKey().equals("ReconciliationDiscrepancy"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }
}
