package io.accord.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An approved statement was issued as a legal document with a gap-free number of its issuing entity and year; from
 * now on it never changes (corrections are credit or debit notes referencing it). Keyed by the statement id on
 * {@code settlement.events.v1}. The dispute service opens disputes against issued statements; the partner downloads
 * the document. Decimals are strings at the currency's minor unit.
 *
 * @param documentType     {@code REVENUE_SHARE_STATEMENT}, {@code WHOLESALE_INVOICE}, {@code SETTLEMENT_STATEMENT}
 *                         (as {@code StatementDrafted} says), {@code CREDIT_NOTE} or {@code DEBIT_NOTE}
 * @param correctsStatementId for a credit or debit note, the statement it corrects; {@code null} otherwise
 * @param direction        {@code PAYABLE} or {@code RECEIVABLE}
 * @param documentSha256   hex SHA-256 of the stored PDF
 * @param lines            the document's lines as printed (tax excluded: {@code taxAmount}); {@code null} in events
 *                         published before the field existed, so a consumer must accept its absence
 * @param agreements       a statement's agreement versions it was computed with, oldest first (since session 72);
 *                         {@code null} for a credit or debit note, when not known, and in events published before the
 *                         field existed
 */
public record StatementIssued(
        UUID eventId,
        Instant occurredAt,
        String statementId,
        String partnerId,
        String periodId,
        Instant periodStart,
        Instant periodEnd,
        String documentType,
        String documentNumber,
        String issuingEntityId,
        String correctsStatementId,
        String direction,
        String currency,
        String netAmount,
        String taxAmount,
        String totalAmount,
        Instant issuedAt,
        LocalDate dueDate,
        String documentSha256,
        List<Line> lines,
        List<StatementAgreementVersion> agreements) implements DomainEvent {

    public StatementIssued {
        agreements = agreements == null ? null : List.copyOf(agreements);
    }

    /** The event as published before {@code agreements} existed (a note's: it names none). */
    public StatementIssued(UUID eventId, Instant occurredAt, String statementId, String partnerId, String periodId,
                           Instant periodStart, Instant periodEnd, String documentType, String documentNumber,
                           String issuingEntityId, String correctsStatementId, String direction, String currency,
                           String netAmount, String taxAmount, String totalAmount, Instant issuedAt,
                           LocalDate dueDate, String documentSha256, List<Line> lines) {
        this(eventId, occurredAt, statementId, partnerId, periodId, periodStart, periodEnd, documentType,
                documentNumber, issuingEntityId, correctsStatementId, direction, currency, netAmount, taxAmount,
                totalAmount, issuedAt, dueDate, documentSha256, lines, null);
    }

    /** The event as published before {@code lines} existed (kept for producers and tests written against it). */
    public StatementIssued(UUID eventId, Instant occurredAt, String statementId, String partnerId, String periodId,
                           Instant periodStart, Instant periodEnd, String documentType, String documentNumber,
                           String issuingEntityId, String correctsStatementId, String direction, String currency,
                           String netAmount, String taxAmount, String totalAmount, Instant issuedAt,
                           LocalDate dueDate, String documentSha256) {
        this(eventId, occurredAt, statementId, partnerId, periodId, periodStart, periodEnd, documentType,
                documentNumber, issuingEntityId, correctsStatementId, direction, currency, netAmount, taxAmount,
                totalAmount, issuedAt, dueDate, documentSha256, null, null);
    }

    @Override
    public String key() {
        return statementId;
    }

    /**
     * One line of the issued document, what a dispute names and is bounded by.
     *
     * @param lineId     unique across documents: {@code <documentId>-<lineNumber>} (the dispute service's
     *                   statement line reference)
     * @param lineNumber 1, 2, ... in the document's order
     * @param type       e.g. {@code USAGE_REVENUE_SHARE}, {@code WHOLESALE}, {@code PRIOR_PERIOD_ADJUSTMENT},
     *                   {@code CORRECTION}
     * @param amount     the rounded amount at the currency's minor unit; positive = payable to the partner,
     *                   negative = owed by it
     */
    public record Line(String lineId, int lineNumber, String type, String label, String offeringId,
                       String usageType, String amount, String currency) {
    }
}
