package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.contracts.events.StatementDiscarded;
import io.accord.contracts.events.StatementIssued;
import io.accord.dispute.document.DisputableDocuments;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * From {@code settlement.events.v1} (each event once: the inbox): issued statements become disputable, and a
 * reconciliation's discrepancies open a dispute the partner is told about, and a settled adjustment tells its dispute
 * where it was settled (until the draft statement that carried it is discarded).
 */
@Component
class SettlementEventsListener {

    static final String CONSUMER = "dispute.settlement";

    private static final Logger log = LoggerFactory.getLogger(SettlementEventsListener.class);

    private final Inbox inbox;
    private final DisputableDocuments documents;
    private final DisputeOpening opening;
    private final AdjustmentSettlements settlements;

    SettlementEventsListener(Inbox inbox, DisputableDocuments documents, DisputeOpening opening,
                             AdjustmentSettlements settlements) {
        this.inbox = inbox;
        this.documents = documents;
        this.opening = opening;
        this.settlements = settlements;
    }

    @KafkaListener(topics = Topics.SETTLEMENT_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "StatementIssued" -> documents.issued(event.payload(StatementIssued.class));
            case "ReconciliationDiscrepancyFound" -> {
                ReconciliationDiscrepancyFound found = event.payload(ReconciliationDiscrepancyFound.class);
                // when it opens none, the opening logs why (lines disputed already, or differences netting to zero)
                // the same data read again for what a newer settlement adds to each line (period, side, lines)
                DiscrepancyDetails details = event.payload(DiscrepancyDetails.class);
                opening.fromDiscrepancy(found, details).ifPresent(dispute -> log.info(
                        "Reconciliation {} opened dispute {}", found.reconciliationId(), dispute.id));
            }
            case "DisputeAdjustmentSettled" -> settlements.settled(event.payload(DisputeAdjustmentSettled.class));
            case "StatementDiscarded" -> settlements.discarded(event.payload(StatementDiscarded.class));
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }
}
