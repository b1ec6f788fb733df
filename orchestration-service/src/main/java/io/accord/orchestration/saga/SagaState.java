package io.accord.orchestration.saga;

/**
 * Where a saga is. {@code RUNNING}: steps run forward. {@code COMPLETED}: every step done or skipped (final).
 * {@code COMPENSATING}: a step failed (or ops cancelled) and the steps that did something are undone in reverse.
 * {@code COMPENSATED}: all undone (final; the business outcome failed). {@code FAILED}: a compensation could not be
 * done; the saga waits for ops (retry or skip of that compensation).
 */
public enum SagaState {
    RUNNING, COMPLETED, COMPENSATING, COMPENSATED, FAILED;

    boolean isFinal() {
        return this == COMPLETED || this == COMPENSATED;
    }
}
