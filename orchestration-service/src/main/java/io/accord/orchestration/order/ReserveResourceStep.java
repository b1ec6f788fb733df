package io.accord.orchestration.order;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.inventory.Inventory;
import io.accord.orchestration.inventory.Reservation;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code RESERVE_RESOURCE}: reserves one item of the resource type per reference, from the offering owner's pools
 * (then the CSP's). Each reservation is made under its reference, looked up first, so a repeated attempt reserves
 * nothing twice. None left (out of stock) is a permanent failure naming the type: what this step reserved is
 * given back and the item's saga compensates. Compensation releases the reservations.
 */
@Component
class ReserveResourceStep implements StepHandler {

    private final Inventory inventory;
    private final OrderProperties properties;
    private final Clock clock;

    ReserveResourceStep(Inventory inventory, OrderProperties properties, Clock clock) {
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    /** Only this service's database (inventory): runs in the saga runner's transaction. */
    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public String type() {
        return Decomposition.RESERVE;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        String type = step.payload().path("resourceType").asString();
        tools.jackson.databind.JsonNode owner = step.payload().path("ownerPartnerId");
        PartnerId partner = owner.isNull() || owner.isMissingNode() ? null
                : new PartnerId(UUID.fromString(owner.asString()));
        Instant until = clock.instant().plus(properties.reservationHold());
        List<String> references = StepPayloads.references(step);
        for (String reference : references) {
            if (inventory.heldFor(reference).isPresent()) {
                continue;
            }
            try {
                inventory.reserve(type, partner, reference, until);
            } catch (ConflictException | InvalidInputException unavailable) {
                release(references, "reservation abandoned: " + unavailable.getMessage());
                return StepOutcome.fail(unavailable.getMessage());
            }
        }
        return StepOutcome.done();
    }

    @Override
    public StepOutcome compensate(StepContext step) {
        release(StepPayloads.references(step), "order item compensated (" + step.reference() + ")");
        return StepOutcome.done();
    }

    private void release(List<String> references, String reason) {
        for (String reference : references) {
            Optional<Reservation> held = inventory.heldFor(reference);
            held.ifPresent(reservation -> inventory.release(reservation.reservationId(), reason));
        }
    }
}
