package io.accord.contracts.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A partner's invoice was reconciled against our statement, line by line. Keyed by the reconciliation id on
 * {@code settlement.events.v1}. Decimals are strings at the currency's minor unit.
 *
 * @param outcomes        lines per outcome: {@code MATCHED}, {@code WITHIN_TOLERANCE}, {@code MISMATCH},
 *                        {@code MISSING_ON_INVOICE}, {@code MISSING_ON_STATEMENT}
 * @param statementTotal  our statement's total of the matched scope
 * @param invoiceTotal    the partner invoice's total
 * @param difference      invoice − statement
 * @param discrepancies   whether a {@link ReconciliationDiscrepancyFound} follows (a difference beyond tolerance)
 */
public record ReconciliationCompleted(
        UUID eventId,
        Instant occurredAt,
        String reconciliationId,
        String partnerId,
        String statementId,
        String periodId,
        String partnerInvoiceId,
        String partnerInvoiceNumber,
        String currency,
        Map<String, Integer> outcomes,
        String statementTotal,
        String invoiceTotal,
        String difference,
        boolean discrepancies) implements DomainEvent {

    @Override
    public String key() {
        return reconciliationId;
    }
}
