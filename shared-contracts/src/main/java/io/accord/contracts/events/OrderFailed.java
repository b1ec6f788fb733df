package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product order ended with no item done: {@code state} is {@code failed} (fulfilment failed and what was done
 * is compensated) or {@code cancelled} (cancelled before its point of no return, compensated). Nothing of it is to
 * be charged. Published on {@code order.events.v1}, keyed by the order id; {@code partnerId} is the buyer partner
 * ({@code null} for a CSP sales channel).
 *
 * @param reason why, from the failing step or the cancellation
 */
public record OrderFailed(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String partnerId,
        String salesChannel,
        String customerId,
        String quoteId,
        String state,
        Instant failedAt,
        String reason,
        List<OrderItemOutcome> items) implements DomainEvent {

    @Override
    public String key() {
        return orderId;
    }
}
