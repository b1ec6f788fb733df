package io.accord.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved statement was issued as a legal document with a gap-free number of its issuing entity and year; from
 * now on it never changes (corrections are credit or debit notes referencing it). Keyed by the statement id on
 * {@code settlement.events.v1}. The dispute service opens disputes against issued statements; the partner downloads
 * the document. Decimals are strings at the currency's minor unit.
 *
 * @param documentType     {@code REVENUE_SHARE_STATEMENT}, {@code WHOLESALE_INVOICE}, {@code CREDIT_NOTE} or
 *                         {@code DEBIT_NOTE}
 * @param correctsStatementId for a credit or debit note, the statement it corrects; {@code null} otherwise
 * @param direction        {@code PAYABLE} or {@code RECEIVABLE}
 * @param documentSha256   hex SHA-256 of the stored PDF
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
        String documentSha256) implements DomainEvent {

    @Override
    public String key() {
        return statementId;
    }
}
