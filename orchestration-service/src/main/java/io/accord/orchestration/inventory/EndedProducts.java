package io.accord.orchestration.inventory;

import io.accord.orchestration.product.ProductEnded;
import io.accord.orchestration.product.RealisingResource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * However a product instance ends (a delete order, a staff {@code PATCH} to terminated, an order's compensation),
 * the items that realised it are released as a delete order releases them: an allocated one into quarantine for its
 * type's cooling-off, in the item history with the actor who ended it. Runs in the transaction that ended the
 * instance, so the end and the release commit together, or neither does.
 */
@Component
class EndedProducts {

    private final Inventory inventory;

    EndedProducts(Inventory inventory) {
        this.inventory = inventory;
    }

    @EventListener
    void release(ProductEnded ended) {
        String reason = "product " + ended.productId() + " " + ended.state().tmf()
                + (ended.reason() == null || ended.reason().isBlank() ? "" : ": " + ended.reason());
        for (RealisingResource resource : ended.resources()) {
            if (resource.reservationId() == null) {
                continue;
            }
            // none held any more (released before and out of quarantine again): nothing to give back
            inventory.releaseIfHeld(resource.reservationId(), reason);
        }
    }
}
