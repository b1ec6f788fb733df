package io.accord.orchestration.order;

import io.accord.orchestration.inventory.Inventory;
import io.accord.orchestration.inventory.Reservation;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import io.accord.platform.problem.ConflictException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@code ALLOCATE}: hands each reserved item to the product instance (an item already allocated is left as it is,
 * so a repeat does nothing). A reservation that expired meanwhile is a permanent failure. Nothing to undo here:
 * the reserve step's compensation releases the items (into quarantine once allocated).
 */
@Component
class AllocateStep implements StepHandler {

    private final Inventory inventory;

    AllocateStep(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Only this service's database (inventory): runs in the saga runner's transaction. */
    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public String type() {
        return Decomposition.ALLOCATE;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        String product = StepPayloads.productId(step).toString();
        for (String reference : StepPayloads.references(step)) {
            Optional<Reservation> held = inventory.heldFor(reference);
            if (held.isEmpty()) {
                return StepOutcome.fail("the reservation " + reference + " no longer holds a "
                        + StepPayloads.resourceType(reference) + " (it expired)");
            }
            if ("RESERVED".equals(held.get().state())) {
                try {
                    inventory.allocate(held.get().reservationId(), product);
                } catch (ConflictException expired) {
                    return StepOutcome.fail(expired.getMessage());
                }
            }
        }
        return StepOutcome.done();
    }
}
