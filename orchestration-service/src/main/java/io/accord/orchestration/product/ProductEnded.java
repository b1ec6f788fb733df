package io.accord.orchestration.product;

import java.util.List;
import java.util.UUID;

/**
 * An instance ended (terminated, or cancelled before activation), whichever way: a delete order, a staff
 * {@code PATCH}, an order's compensation. Published in-process, synchronously, inside the transaction that ended it,
 * so what a listener does (inventory gives the realising resources back) commits or rolls back with the end.
 *
 * @param resources the inventory items that realised it (empty for one never activated)
 * @param reason    why it ended, as the instance records it
 */
public record ProductEnded(UUID productId, ProductState state, List<RealisingResource> resources, String reason) {

    public ProductEnded {
        resources = List.copyOf(resources);
    }
}
