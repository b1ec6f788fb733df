package io.accord.orchestration.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A saga as callers see it.
 *
 * @param failedStepId  the step whose failure (or cancellation) started the compensation
 * @param failureReason why
 */
public record SagaView(UUID id, String reference, SagaState state, UUID failedStepId, String failureReason,
                       Instant createdAt, Instant updatedAt, List<StepView> steps) {

    public Optional<StepView> step(UUID stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }
}
