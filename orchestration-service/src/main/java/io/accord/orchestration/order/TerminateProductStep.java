package io.accord.orchestration.order;

import io.accord.orchestration.product.Products;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** {@code TERMINATE_PRODUCT} of a {@code delete}: the instance ends now ({@code ProductTerminated}; idempotent). */
@Component
class TerminateProductStep implements StepHandler {

    private final Products products;
    private final Clock clock;

    TerminateProductStep(Products products, Clock clock) {
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
        return Decomposition.TERMINATE;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        products.terminate(StepPayloads.productId(step), step.payload().path("reason").asString(), clock.instant());
        return StepOutcome.done();
    }
}
