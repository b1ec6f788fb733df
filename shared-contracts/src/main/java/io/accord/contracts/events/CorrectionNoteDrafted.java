package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Finance drafted a credit or debit note correcting an issued statement (which never changes itself). Keyed by the
 * note id on {@code settlement.events.v1}; the note is approved four-eyes ({@link CorrectionNoteApproved}) and then
 * issued as a {@link StatementIssued} with {@code documentType} {@code CREDIT_NOTE} or {@code DEBIT_NOTE} and
 * {@code correctsStatementId}. Decimals are strings at the currency's minor unit.
 *
 * @param noteType  {@code CREDIT_NOTE} (in the partner's favour: we owe more, or it owes less) or {@code DEBIT_NOTE}
 *                  (the partner owes more, or we owe less)
 * @param netAmount Σ of the note's lines, positive; {@code totalAmount} = net + tax
 */
public record CorrectionNoteDrafted(
        UUID eventId,
        Instant occurredAt,
        String noteId,
        String noteType,
        String correctsStatementId,
        String correctsDocumentNumber,
        String partnerId,
        String currency,
        String netAmount,
        String taxAmount,
        String totalAmount,
        int lineCount,
        String reason,
        String preparedBy) implements DomainEvent {

    @Override
    public String key() {
        return noteId;
    }
}
