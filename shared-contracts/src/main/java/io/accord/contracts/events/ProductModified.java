package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product instance changed: a {@code modify} order item completed (characteristics), or it was suspended or
 * resumed. {@code product} is the whole instance after the change; {@code changes} names what changed
 * ({@code characteristics}, {@code status}, ...). Published on {@code order.events.v1}, keyed by the product id;
 * {@code partnerId} is the offering's owner ({@code null} for a CSP-owned offering).
 *
 * @param effectiveAt the instant the change takes effect
 */
public record ProductModified(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        Instant effectiveAt,
        List<String> changes,
        ProductDetails product) implements DomainEvent {

    @Override
    public String key() {
        return product.productId();
    }
}
