package io.accord.orchestration.order;

import io.accord.orchestration.product.Products;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** {@code MODIFY_PRODUCT}: the instance takes the item's characteristic values ({@code ProductModified}). */
@Component
class ModifyProductStep implements StepHandler {

    private final Products products;
    private final Clock clock;

    ModifyProductStep(Products products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** Only this service's database (product inventory and the outbox): runs in the saga runner's transaction. */
    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public String type() {
        return Decomposition.MODIFY;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        products.modify(StepPayloads.productId(step), StepPayloads.characteristics(step.payload()
                .path("characteristics")), clock.instant());
        return StepOutcome.done();
    }
}
