package io.accord.orchestration.saga;

import io.accord.platform.retry.Backoffs;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One step of a {@link Saga}; changed only through its saga, which guards the transitions. */
final class SagaStep {

    final UUID id;
    final int position;
    final String type;
    final JsonNode payload;
    final int maxAttempts;
    final Duration firstBackoff;
    final Duration maxBackoff;
    StepState state;
    int attempts;
    Instant nextAttemptAt;
    Instant deadline;
    boolean compensable;
    String lastError;
    String skipReason;
    Acknowledgement earlyAck;
    Instant updatedAt;
    /** The mutable fields as the database holds them, so that saving a saga writes only the steps that changed. */
    private Persisted persisted;

    SagaStep(UUID id, int position, String type, JsonNode payload, int maxAttempts, Duration firstBackoff,
             Duration maxBackoff) {
        this.id = id;
        this.position = position;
        this.type = type;
        this.payload = payload;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    static SagaStep pending(int position, String type, JsonNode payload, int maxAttempts, Duration firstBackoff,
                            Duration maxBackoff, Instant now) {
        SagaStep step = new SagaStep(UUID.randomUUID(), position, type, payload, maxAttempts, firstBackoff,
                maxBackoff);
        step.state = StepState.PENDING;
        step.nextAttemptAt = now;
        step.updatedAt = now;
        return step;
    }

    /** The platform's one backoff policy with this step's bounds, after {@code attempts} failures. */
    Duration backoff() {
        return Backoffs.delayAfter(firstBackoff, maxBackoff, attempts);
    }

    boolean retriesLeft() {
        return attempts < maxAttempts;
    }

    /** Whether compensation still has to undo this step. */
    boolean awaitsCompensation() {
        return compensable && (state == StepState.DONE || state == StepState.FAILED || state == StepState.WAITING
                || state == StepState.COMPENSATING);
    }

    /** The database now holds this step as it is (after it was read, inserted or updated). */
    void markPersisted() {
        persisted = current();
    }

    /** Whether the step changed since it was read or last written. */
    boolean changedSincePersisted() {
        return !current().equals(persisted);
    }

    private Persisted current() {
        return new Persisted(state, attempts, nextAttemptAt, deadline, compensable, lastError, skipReason, earlyAck,
                updatedAt);
    }

    private record Persisted(StepState state, int attempts, Instant nextAttemptAt, Instant deadline,
                             boolean compensable, String lastError, String skipReason, Acknowledgement earlyAck,
                             Instant updatedAt) {
    }

    StepView view(UUID sagaId) {
        return new StepView(id, sagaId, position, type, payload, state, attempts, maxAttempts, nextAttemptAt,
                deadline, lastError, skipReason);
    }
}
