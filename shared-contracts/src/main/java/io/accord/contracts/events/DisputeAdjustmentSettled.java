package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
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
 *                   {@code StatementIssued.lines[].lineId}; the first of them when it is split by statement line
 * @param amount     the line's amount as the document shows it: minor unit, signed (positive in the partner's
 *                   favour), in the document's {@code currency} (a statement converts at its period-end rate); the
 *                   sum of {@code lines} when it is split
 * @param lines      every document line carrying the adjustment, in document order, each with its amount (they sum
 *                   to {@code amount} exactly): one line, or one per disputed statement line of a split adjustment.
 *                   Added later: {@code null} on events published before it (then only {@code lineId} and
 *                   {@code amount} say where)
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
        String currency,
        List<Line> lines) implements DomainEvent {

    /** A placement as published before {@code lines}: one line carrying the whole amount. */
    public DisputeAdjustmentSettled(UUID eventId, Instant occurredAt, String disputeId, String adjustmentId,
                                    String partnerId, String settledOn, String documentId, String lineId,
                                    String amount, String currency) {
        this(eventId, occurredAt, disputeId, adjustmentId, partnerId, settledOn, documentId, lineId, amount, currency,
                null);
    }

    @Override
    public String key() {
        return disputeId;
    }

    /**
     * One document line carrying (a share of) the adjustment.
     *
     * @param lineId          {@code <documentId>-<lineNumber>}
     * @param statementLineId the disputed statement line whose share it carries ({@code DisputeResolved
     *                        .adjustment.lines[].statementLineId}), {@code null} when the adjustment is not split
     * @param amount          as the document shows it: minor unit, signed (positive in the partner's favour), in
     *                        {@code currency}
     */
    public record Line(String lineId, String statementLineId, String amount) {
    }
}
