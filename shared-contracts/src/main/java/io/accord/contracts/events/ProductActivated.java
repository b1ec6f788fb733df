package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A product instance became active: its order's fulfilment completed (resources allocated, the partner
 * activated it). From {@code effectiveAt} rating rates its subscriber's usage against it and settlement starts its
 * recurring charges. Published on {@code order.events.v1}, keyed by the product id; {@code partnerId} is the
 * offering's owner ({@code null} for a CSP-owned offering).
 *
 * @param effectiveAt the instant it is active from (= {@code product.startAt()})
 */
public record ProductActivated(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        Instant effectiveAt,
        ProductDetails product) implements DomainEvent {

    @Override
    public String key() {
        return product.productId();
    }
}
