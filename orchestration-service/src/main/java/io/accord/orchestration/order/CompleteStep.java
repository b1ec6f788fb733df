package io.accord.orchestration.order;

import io.accord.contracts.events.ProductDetails;
import io.accord.orchestration.inventory.Inventory;
import io.accord.orchestration.inventory.Reservation;
import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.ProductView;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.product.RealisingResource;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code COMPLETE}: activates the product instance with its subscriber identifiers (the allocated MSISDN, ICCID...
 * values, and {@code ACCOUNT_ID} = the customer) and realising resources; the product feature publishes
 * {@code ProductActivated}. Activation is idempotent, so a repeat does nothing. Its start is the order's point of
 * no return. Compensation (a later instance of the same bundle failed) terminates an instance it activated.
 */
@Component
class CompleteStep implements StepHandler {

    static final String ACCOUNT_ID = "ACCOUNT_ID";

    private final Products products;
    private final Inventory inventory;
    private final Clock clock;

    CompleteStep(Products products, Inventory inventory, Clock clock) {
        this.products = products;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Only this service's database (product inventory and the outbox): runs in the saga runner's transaction. */
    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public String type() {
        return Decomposition.COMPLETE;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        List<ProductDetails.SubscriberIdentifier> identifiers = new ArrayList<>();
        List<RealisingResource> resources = new ArrayList<>();
        for (String reference : StepPayloads.references(step)) {
            Optional<Reservation> held = inventory.heldFor(reference);
            if (held.isEmpty()) {
                return StepOutcome.fail("the resource reserved as " + reference + " is no longer held");
            }
            Reservation reservation = held.get();
            identifiers.add(new ProductDetails.SubscriberIdentifier(reservation.resourceType(), reservation.value()));
            resources.add(new RealisingResource(reservation.resourceType(), reservation.value(),
                    reservation.reservationId()));
        }
        String customer = step.payload().path("customerId").asString();
        if (!customer.isBlank()) {
            identifiers.add(new ProductDetails.SubscriberIdentifier(ACCOUNT_ID, customer));
        }
        products.activate(StepPayloads.productId(step), identifiers, resources, clock.instant());
        return StepOutcome.done();
    }

    @Override
    public StepOutcome compensate(StepContext step) {
        UUID productId = StepPayloads.productId(step);
        Optional<ProductView> product = products.find(productId);
        if (product.isPresent() && (product.get().state() == ProductState.ACTIVE
                || product.get().state() == ProductState.SUSPENDED)) {
            products.terminate(productId, "order item compensated (" + step.reference() + ")", clock.instant());
        }
        return StepOutcome.done();
    }
}
