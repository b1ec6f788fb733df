package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product order's fulfilment ended with at least one item done: {@code state} is {@code completed} (every item
 * done) or {@code partial} (some failed and were compensated). {@code products} are the instances its completed
 * items created, changed or ended, as they are now, with their locked one-time and recurring charges, so
 * settlement bills the one-time charges without calling back. Published on {@code order.events.v1}, keyed by the
 * order id; {@code partnerId} is the buyer partner ({@code null} for a CSP sales channel).
 *
 * @param quoteId  the accepted quote the order came from, {@code null} for a direct order
 * @param items    every item with its outcome
 */
public record OrderCompleted(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String partnerId,
        String salesChannel,
        String customerId,
        String quoteId,
        String state,
        Instant completedAt,
        List<OrderItemOutcome> items,
        List<ProductDetails> products) implements DomainEvent {

    @Override
    public String key() {
        return orderId;
    }
}
