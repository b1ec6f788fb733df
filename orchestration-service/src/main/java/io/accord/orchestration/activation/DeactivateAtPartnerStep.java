package io.accord.orchestration.activation;

import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The {@value PartnerActivation#DEACTIVATION_STEP_TYPE} step: the deactivation an {@link ActivateAtPartnerStep}
 * sends when compensated (same request, signing, modes and answers), asked for on its own. There is nothing to undo:
 * its compensation does nothing.
 */
@Component
class DeactivateAtPartnerStep implements StepHandler {

    private final ActivateAtPartnerStep activation;

    DeactivateAtPartnerStep(ActivateAtPartnerStep activation) {
        this.activation = activation;
    }

    @Override
    public String type() {
        return PartnerActivation.DEACTIVATION_STEP_TYPE;
    }

    @Override
    public boolean transactional(StepContext step) {
        return activation.transactional(step);
    }

    @Override
    public StepOutcome execute(StepContext step) {
        return activation.deactivate(step);
    }
}
