package io.accord.orchestration.saga;

/**
 * Executes and compensates the steps of one {@link #type()}: a Spring bean, found by the saga runner by type.
 *
 * <p>Both methods run outside any transaction and may call other systems. A step can be executed again after a
 * crash of the runner (its lease expired before the outcome was recorded) or an ops retry, and compensated again
 * after a retryable failure: handlers must be idempotent (send the step id along so the other side can tell).
 * A handler that throws counts as a retryable failure. Each call must finish well within the runner's lease
 * ({@code accord.orchestration.saga.lease}), or another replica may take the step over.
 */
public interface StepHandler {

    /** The step type this handler serves, unique among handlers (e.g. {@code ACTIVATE_AT_PARTNER}). */
    String type();

    /** Does the step: done, waiting for an acknowledgement, or a retryable or permanent failure. */
    StepOutcome execute(StepContext step);

    /**
     * Undoes what {@link #execute} did (also after a timed-out acknowledgement, when the other side may have acted
     * anyway). Done, or a retryable or permanent failure; waiting is not allowed here. Nothing to undo by default.
     */
    default StepOutcome compensate(StepContext step) {
        return StepOutcome.done();
    }
}
