package io.accord.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.contracts.events.StatementIssued;
import io.accord.dispute.document.DisputableDocuments;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Settlement's and onboarding's events on the real topics, as those services publish them. */
public class SettlementFixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DisputableDocuments documents;

    SettlementFixtures(DisputableDocuments documents) {
        this.documents = documents;
    }

    /** Issues a statement of {@code total} EUR at {@code issuedAt} and waits until the dispute service knows it. */
    public String issue(String partnerId, String total, Instant issuedAt) {
        String statementId = UUID.randomUUID().toString();
        send(Topics.SETTLEMENT_EVENTS, new StatementIssued(UUID.randomUUID(), issuedAt, statementId, partnerId,
                "2026-11", issuedAt.minus(Duration.ofDays(30)), issuedAt, "REVENUE_SHARE_STATEMENT",
                "RS-" + statementId.substring(0, 8), "entity-1", null, "PAYABLE", "EUR", total, "0.00", total,
                issuedAt, LocalDate.of(2027, 1, 31), "0".repeat(64)));
        await().atMost(PATIENCE).until(() -> documents.statement(statementId, UUID.fromString(partnerId))
                .isPresent());
        return statementId;
    }

    /**
     * Issues a statement whose {@code StatementIssued} lists its lines (amounts in EUR, as settlement publishes them:
     * line {@code n} is {@code <statement id>-n}) and waits until the dispute service knows it.
     */
    public String issueWithLines(String partnerId, Instant issuedAt, String... amounts) {
        String statementId = UUID.randomUUID().toString();
        List<StatementIssued.Line> lines = new java.util.ArrayList<>();
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            lines.add(new StatementIssued.Line(statementId + "-" + (i + 1), i + 1, "USAGE_REVENUE_SHARE",
                    "Revenue share: line " + (i + 1), "off-" + i, "VOICE", amounts[i], "EUR"));
            total = total.add(new java.math.BigDecimal(amounts[i]));
        }
        send(Topics.SETTLEMENT_EVENTS, new StatementIssued(UUID.randomUUID(), issuedAt, statementId, partnerId,
                "2026-11", issuedAt.minus(Duration.ofDays(30)), issuedAt, "REVENUE_SHARE_STATEMENT",
                "RS-" + statementId.substring(0, 8), "entity-1", null, "PAYABLE", "EUR", total.toPlainString(),
                "0.00", total.toPlainString(), issuedAt, LocalDate.of(2027, 1, 31), "0".repeat(64), lines));
        await().atMost(PATIENCE).until(() -> documents.statement(statementId, UUID.fromString(partnerId))
                .isPresent());
        return statementId;
    }

    /** A reconciliation of {@code statementId} with the given lines beyond tolerance. */
    public ReconciliationDiscrepancyFound discrepancy(String partnerId, String statementId,
                                                      List<ReconciliationDiscrepancyFound.Discrepancy> lines,
                                                      String total) {
        return new ReconciliationDiscrepancyFound(UUID.randomUUID(), Instant.now(), UUID.randomUUID().toString(),
                partnerId, statementId, "RS-1", "2026-11", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), UUID.randomUUID().toString(), "INV-77", "EUR", total, lines);
    }

    public static ReconciliationDiscrepancyFound.Discrepancy mismatch(String lineId, String ours, String theirs) {
        return new ReconciliationDiscrepancyFound.Discrepancy("MISMATCH", "VIDEO-PLUS", "DATA", null, lineId, ours,
                theirs, new java.math.BigDecimal(theirs).subtract(new java.math.BigDecimal(ours)).toPlainString(),
                "1.00");
    }

    /** An agreement with a dispute window of {@code days}, and waits until the window is known. */
    public void agreement(String partnerId, int days) {
        send(Topics.PARTNER_EVENTS, new AgreementActivated(UUID.randomUUID(), Instant.now(), partnerId,
                UUID.randomUUID().toString(), 1, "RESELL", Instant.now(), null, null,
                new AgreementActivated.Terms("EUR", List.of(), List.of(), "0", "MONTHLY", 30,
                        new AgreementActivated.TaxTreatment("0", false),
                        new AgreementActivated.ReconciliationTolerance("1.00", "0.5"), days, null)));
        await().atMost(PATIENCE).until(() -> documents.windowDays(UUID.fromString(partnerId)) == days);
    }

    public void send(String topic, DomainEvent event) {
        send(topic, event, event.eventId());
    }

    /** Sends with a chosen CloudEvents id (a redelivery sends the same id twice). */
    public void send(String topic, DomainEvent event, UUID eventId) {
        ProducerRecord<String, byte[]> record = TestKafka.cloudEvent(topic, event.key(), event.type(),
                eventId.toString(), event.partnerId(), JSON.writeValueAsString(event));
        TestKafka.send(record);
    }
}
