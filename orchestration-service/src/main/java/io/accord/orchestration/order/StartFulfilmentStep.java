package io.accord.orchestration.order;

import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;

/** {@code START_FULFILMENT}: the first step of every item's saga; the item (and its order) become inProgress. */
@Component
class StartFulfilmentStep implements StepHandler {

    private final OrderFulfilment fulfilment;

    StartFulfilmentStep(OrderFulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    /** Only this service's database (the order's own tables): runs in the saga runner's transaction. */
    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public String type() {
        return Decomposition.START;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        return ItemReference.parse(step.reference())
                .filter(reference -> fulfilment.started(reference))
                .map(reference -> StepOutcome.done())
                .orElseGet(() -> StepOutcome.fail("no product order item " + step.reference()));
    }
}
