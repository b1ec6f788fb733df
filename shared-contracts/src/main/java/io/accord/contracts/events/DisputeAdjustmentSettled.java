package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Settlement placed a resolved dispute's adjustment on a document: a line of the partner's next statement
 * ({@code STATEMENT_LINE}, when the statement is drafted) or its own credit or debit note ({@code CREDIT_NOTE},
 * {@code DEBIT_NOTE}, when the note is drafted; it is numbered once finance approves and issues it, and its
 * {@code StatementIssued} names the same {@code documentId}). Published once per placement on
 * {@code settlement.events.v1}, keyed by the dispute id (so in order per dispute), so the dispute service can show
 * where its adjustment was settled: again when the draft statement that carried it was discarded and the next draft
 * carries it, in which case the later event (by {@code occurredAt}) replaces the earlier.
 *
 * @param settledOn  {@code STATEMENT_LINE}, {@code CREDIT_NOTE} or {@code DEBIT_NOTE}
 * @param documentId the statement id or the note id ({@code StatementIssued.statementId} once issued)
 * @param lineId     the document's line carrying the adjustment, {@code <documentId>-<lineNumber>} as in
 *                   {@code StatementIssued.lines[].lineId}
 * @param amount     the line's amount as the document shows it: minor unit, signed (positive in the partner's
 *                   favour), in the document's {@code currency} (a statement converts at its period-end rate)
 */
public record DisputeAdjustmentSettled(
        UUID eventId,
        Instant occurredAt,
        String disputeId,
        String adjustmentId,
        String partnerId,
        String settledOn,
        String documentId,
        String lineId,
        String amount,
        String currency) implements DomainEvent {

    @Override
    public String key() {
        return disputeId;
    }
}
