package io.accord.orchestration.order;

import io.accord.orchestration.inventory.Inventory;
import io.accord.orchestration.product.ProductView;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.product.RealisingResource;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@code RELEASE_RESOURCES} of a {@code delete}: gives the instance's realising resources back to inventory (into
 * quarantine for their type's cooling-off). Releasing again is harmless; one no longer held is skipped.
 */
@Component
class ReleaseResourcesStep implements StepHandler {

    private final Products products;
    private final Inventory inventory;

    ReleaseResourcesStep(Products products, Inventory inventory) {
        this.products = products;
        this.inventory = inventory;
    }

    /** Only this service's database (inventory): runs in the saga runner's transaction. */
    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public String type() {
        return Decomposition.RELEASE;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        Optional<ProductView> product = products.find(StepPayloads.productId(step));
        if (product.isEmpty()) {
            return StepOutcome.fail("product " + StepPayloads.productId(step) + " does not exist");
        }
        String reason = step.payload().path("reason").asString();
        for (RealisingResource resource : product.get().resources()) {
            if (resource.reservationId() == null) {
                continue;
            }
            // released before (a repeat) and out of quarantine again: nothing left to give back
            inventory.releaseIfHeld(resource.reservationId(), reason);
        }
        return StepOutcome.done();
    }
}
