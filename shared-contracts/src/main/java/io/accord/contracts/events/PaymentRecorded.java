package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Finance recorded a payment of an issued statement (we paid the partner, or the partner paid us); the statement is
 * PAID when {@code remainingAmount} is zero. Keyed by the statement id on {@code settlement.events.v1}. Decimals are
 * strings at the currency's minor unit.
 *
 * @param direction {@code PAYABLE} (we paid) or {@code RECEIVABLE} (the partner paid)
 * @param reference the bank's or payment system's reference
 */
public record PaymentRecorded(
        UUID eventId,
        Instant occurredAt,
        String paymentId,
        String statementId,
        String partnerId,
        String documentNumber,
        String direction,
        String amount,
        String currency,
        String remainingAmount,
        Instant paidAt,
        String reference) implements DomainEvent {

    @Override
    public String key() {
        return statementId;
    }
}
