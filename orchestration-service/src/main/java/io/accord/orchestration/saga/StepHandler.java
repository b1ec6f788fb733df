package io.accord.orchestration.saga;

/**
 * Executes and compensates the steps of one {@link #type()}: a Spring bean, found by the saga runner by type.
 *
 * <p>Both methods run outside any transaction and may call other systems, unless {@link #transactional} says the
 * step is the database's only (then they run inside the runner's transaction). A step can be executed again after a
 * crash of the runner (its lease expired before the outcome was recorded) or an ops retry, and compensated again
 * after a retryable failure: handlers must be idempotent (send the step id along so the other side can tell).
 * A handler that throws counts as a retryable failure. Each call must finish well within the runner's lease
 * ({@code accord.orchestration.saga.lease}), or another replica may take the step over.
 */
public interface StepHandler {

    /** The step type this handler serves, unique among handlers (e.g. {@code ACTIVATE_AT_PARTNER}). */
    String type();

    /**
     * Whether this step only changes this service's own database (no call to another system, nothing published
     * but through the outbox), so that the runner may execute (or compensate) it inside the transaction that
     * records its outcome: the step's changes, its outcome and the next steps then commit together, or not at all,
     * and a saga of such steps takes one transaction instead of three per step. Asked inside that transaction,
     * per step (a partner's activation mode decides it). A handler that throws there, or lets a failure mark the
     * transaction rollback-only, has everything rolled back and the step is run again outside, as any other.
     * Default: false, the handler runs outside any transaction.
     */
    default boolean transactional(StepContext step) {
        return false;
    }

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
