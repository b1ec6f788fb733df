package io.accord.orchestration.saga;

/**
 * Where one step is. {@code PENDING}: not run yet, or waiting for its next attempt after a retryable failure.
 * {@code RUNNING}: a runner holds the lease and executes it. {@code WAITING}: the step's request was sent and an
 * external acknowledgement is expected before its deadline. {@code DONE}, {@code FAILED}, {@code SKIPPED} (by ops,
 * with a reason). {@code COMPENSATING}/{@code COMPENSATED}: being undone / undone.
 */
public enum StepState {
    PENDING, RUNNING, WAITING, DONE, FAILED, COMPENSATING, COMPENSATED, SKIPPED
}
