package io.accord.orchestration.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * A resource held for an order: what {@link Inventory} answers to the order saga.
 *
 * @param reservationId what the saga allocates or releases with
 * @param value         the resource itself, e.g. the MSISDN {@code +4915100000042}
 * @param state         the item's state now: RESERVED, ALLOCATED, AVAILABLE (released before allocation) or
 *                      QUARANTINED (released after allocation)
 * @param reservedUntil when an unallocated reservation expires; {@code null} once allocated or released
 */
public record Reservation(UUID reservationId, UUID itemId, UUID poolId, String resourceType, String value,
                          String orderRef, String state, Instant reservedUntil) {

    static Reservation of(UUID reservationId, InventoryItem item) {
        return new Reservation(reservationId, item.id(), item.poolId(), item.resourceType().name(), item.value(),
                item.orderRef(), item.state().name(), item.reservedUntil());
    }
}
