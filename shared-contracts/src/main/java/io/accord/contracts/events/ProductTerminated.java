package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A product instance ended: a {@code delete} order item completed (or the staff terminated it). Usage after
 * {@code effectiveAt} no longer rates against it; settlement prorates its last recurring period by the price's
 * policy. Published on {@code order.events.v1}, keyed by the product id; {@code partnerId} is the offering's owner
 * ({@code null} for a CSP-owned offering).
 *
 * @param effectiveAt the instant it ends (exclusive; = {@code product.endAt()})
 * @param reason      why, as the order or the staff said
 */
public record ProductTerminated(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        Instant effectiveAt,
        String reason,
        ProductDetails product) implements DomainEvent {

    @Override
    public String key() {
        return product.productId();
    }
}
