package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A settlement run drafted a partner's statement for a period. Published by settlement on
 * {@code settlement.events.v1}, keyed by the statement id. Decimals are strings, rounded to the currency's minor
 * unit (the figures the document prints).
 *
 * @param documentType {@code REVENUE_SHARE_STATEMENT} (self-billing: what we pay the partner) or
 *                     {@code WHOLESALE_INVOICE} (what the partner pays us)
 * @param direction    {@code PAYABLE} (we pay the partner) or {@code RECEIVABLE} (the partner pays us)
 * @param netAmount    the sum of the lines before tax
 * @param totalAmount  net + tax
 */
public record StatementDrafted(
        UUID eventId,
        Instant occurredAt,
        String statementId,
        String partnerId,
        String periodId,
        Instant periodStart,
        Instant periodEnd,
        String documentType,
        String direction,
        String currency,
        String netAmount,
        String taxAmount,
        String totalAmount,
        int lineCount,
        String preparedBy) implements DomainEvent {

    @Override
    public String key() {
        return statementId;
    }
}
