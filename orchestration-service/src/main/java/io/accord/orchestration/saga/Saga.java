package io.accord.orchestration.saga;

import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A saga: ordered steps run one at a time, undone in reverse when one fails. All transitions are guarded here
 * and throw {@link ConflictException} when the saga's state does not allow them; the runner, acknowledgements
 * and ops actions only load, call one of them, and save (always holding the saga's row lock).
 */
final class Saga {

    /** What a runner has to do after {@link #claim}: run the step's handler forward or its compensation. */
    enum Direction { EXECUTE, COMPENSATE }

    /** A claimed step: its handler runs outside the transaction, under the lease {@code token}. */
    record Work(UUID sagaId, UUID token, Direction direction, SagaStep step) {
    }

    final UUID id;
    final String reference;
    final Instant createdAt;
    /** The version read; a save checks it and counts it up. */
    long version;
    final List<SagaStep> steps;
    SagaState state;
    Instant nextRunAt;
    UUID leaseToken;
    Instant leaseUntil;
    UUID failedStepId;
    String failureReason;
    Instant updatedAt;

    Saga(UUID id, String reference, Instant createdAt, long version, List<SagaStep> steps) {
        this.id = id;
        this.reference = reference;
        this.createdAt = createdAt;
        this.version = version;
        this.steps = steps.stream().sorted(Comparator.comparingInt(step -> step.position)).toList();
    }

    static Saga start(String reference, List<SagaStep> steps, Instant now) {
        if (steps.isEmpty()) {
            throw new InvalidInputException("steps", "a saga needs at least one step");
        }
        Saga saga = new Saga(UUID.randomUUID(), reference, now, 0, steps);
        saga.state = SagaState.RUNNING;
        saga.nextRunAt = now;
        saga.updatedAt = now;
        return saga;
    }

    /** The step the saga is at: the first not done forward, or the last still to undo while compensating. */
    Optional<SagaStep> activeStep() {
        return switch (state) {
            case RUNNING -> steps.stream()
                    .filter(step -> step.state != StepState.DONE && step.state != StepState.SKIPPED).findFirst();
            case COMPENSATING, FAILED -> steps.reversed().stream().filter(SagaStep::awaitsCompensation).findFirst();
            case COMPLETED, COMPENSATED -> Optional.empty();
        };
    }

    /** Whether a runner has something to do on the saga now: a step (or compensation) due and no lease held. */
    boolean due(Instant now) {
        return (state == SagaState.RUNNING || state == SagaState.COMPENSATING) && !leased(now) && nextRunAt != null
                && !nextRunAt.isAfter(now);
    }

    boolean leased(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }

    /**
     * The step {@link #claim} would take now, as its handler would then see it, without taking it; empty when claim
     * would take none (nothing due, or a waiting step, which claim only times out).
     */
    Optional<Work> claimable(Instant now) {
        if (state != SagaState.RUNNING && state != SagaState.COMPENSATING || leased(now)
                || nextRunAt == null || nextRunAt.isAfter(now)) {
            return Optional.empty();
        }
        SagaStep step = activeStep().orElseThrow(() -> new IllegalStateException("saga " + id + " has no step"));
        if (step.state == StepState.WAITING) {
            return Optional.empty();
        }
        return Optional.of(new Work(id, null, state == SagaState.RUNNING ? Direction.EXECUTE : Direction.COMPENSATE,
                step));
    }

    /** The attempt number {@link #claim} would give the step of {@link #claimable}. */
    int nextAttempt(Work claimable) {
        SagaStep step = claimable.step();
        return claimable.direction() == Direction.COMPENSATE && step.state != StepState.COMPENSATING ? 1
                : step.attempts + 1;
    }

    /**
     * Takes the due step under a new lease (marking it RUNNING or COMPENSATING and counting the attempt), or times
     * out a waiting step whose deadline passed (then there is nothing to run: empty). A step whose last attempt's
     * lease ran out without an outcome (a crashed runner, or one that could not record it) is resumed as a new
     * attempt while it has attempts left; once it has none, it fails as a step that may have acted (or, in
     * compensation, waits for ops), instead of its handler being called again at every lease, for good.
     */
    Optional<Work> claim(Instant now, Duration lease) {
        if (state != SagaState.RUNNING && state != SagaState.COMPENSATING || leased(now)
                || nextRunAt == null || nextRunAt.isAfter(now)) {
            return Optional.empty();
        }
        SagaStep step = activeStep().orElseThrow(() -> new IllegalStateException("saga " + id + " has no step"));
        if (step.state == StepState.WAITING) {
            if (step.deadline.isAfter(now)) {
                nextRunAt = step.deadline;
                return Optional.empty();
            }
            step.lastError = "no acknowledgement within the step's timeout (deadline " + step.deadline + ")";
            fail(step, step.lastError, true, now);
            return Optional.empty();
        }
        Direction direction = state == SagaState.RUNNING ? Direction.EXECUTE : Direction.COMPENSATE;
        if (leaseToken != null && !step.retriesLeft()) {
            lapsed(step, direction, now);
            return Optional.empty();
        }
        if (direction == Direction.COMPENSATE && step.state != StepState.COMPENSATING) {
            step.state = StepState.COMPENSATING;
            step.attempts = 0;
        }
        step.state = direction == Direction.EXECUTE ? StepState.RUNNING : StepState.COMPENSATING;
        step.attempts++;
        step.nextAttemptAt = null;
        step.updatedAt = now;
        leaseToken = UUID.randomUUID();
        leaseUntil = now.plus(lease);
        updatedAt = now;
        return Optional.of(new Work(id, leaseToken, direction, step));
    }

    /** The last attempt of the step's budget ran out of its lease without an outcome: no further attempt. */
    private void lapsed(SagaStep step, Direction direction, Instant now) {
        String reason = "no outcome of attempt " + step.attempts + " before its lease ran out, and no attempts left";
        leaseToken = null;
        leaseUntil = null;
        step.updatedAt = now;
        updatedAt = now;
        if (direction == Direction.EXECUTE) {
            // its request may have gone out: undone too
            fail(step, reason, true, now);
        } else {
            stuck(step, "compensation: " + reason);
        }
    }

    /** Records what the handler reported for the claimed work; false when the lease was lost meanwhile. */
    boolean record(Work work, StepOutcome outcome, Instant now) {
        if (!work.token().equals(leaseToken)) {
            return false;
        }
        leaseToken = null;
        leaseUntil = null;
        SagaStep step = stepOf(work.step().id);
        step.updatedAt = now;
        updatedAt = now;
        if (work.direction() == Direction.EXECUTE) {
            recordExecution(step, outcome, now);
        } else {
            recordCompensation(step, outcome, now);
        }
        return true;
    }

    private void recordExecution(SagaStep step, StepOutcome outcome, Instant now) {
        switch (outcome) {
            case StepOutcome.Done done -> succeeded(step, now);
            case StepOutcome.WaitingForAck waiting -> {
                step.compensable = true;
                step.state = StepState.WAITING;
                step.deadline = now.plus(waiting.timeout());
                nextRunAt = step.deadline;
                if (step.earlyAck != null) {
                    acknowledged(step, step.earlyAck, now);
                }
            }
            case StepOutcome.RetryableFailure failure -> {
                step.lastError = failure.reason();
                if (step.retriesLeft()) {
                    step.state = StepState.PENDING;
                    step.nextAttemptAt = now.plus(step.backoff());
                    nextRunAt = step.nextAttemptAt;
                } else {
                    fail(step, "gave up after " + step.attempts + " attempts: " + failure.reason(), false, now);
                }
            }
            case StepOutcome.PermanentFailure failure -> fail(step, failure.reason(), false, now);
        }
    }

    private void recordCompensation(SagaStep step, StepOutcome outcome, Instant now) {
        switch (outcome) {
            case StepOutcome.Done done -> {
                step.state = StepState.COMPENSATED;
                continueCompensation(now);
            }
            case StepOutcome.RetryableFailure failure -> {
                step.lastError = "compensation: " + failure.reason();
                if (step.retriesLeft()) {
                    step.nextAttemptAt = now.plus(step.backoff());
                    nextRunAt = step.nextAttemptAt;
                } else {
                    stuck(step, "compensation gave up after " + step.attempts + " attempts: " + failure.reason());
                }
            }
            case StepOutcome.PermanentFailure failure -> stuck(step, "compensation: " + failure.reason());
            case StepOutcome.WaitingForAck waiting -> stuck(step, "compensation: a compensation cannot wait for an "
                    + "acknowledgement (handler " + step.type + ")");
        }
    }

    /**
     * The external answer to the waiting step. An answer that arrives while the step's request is still in flight
     * (RUNNING) is kept and applied when the request returns.
     */
    void acknowledge(UUID stepId, Acknowledgement ack, Instant now) {
        SagaStep step = stepOf(stepId);
        boolean active = state == SagaState.RUNNING && activeStep().map(current -> current == step).orElse(false);
        if (active && step.state == StepState.RUNNING && step.earlyAck == null) {
            step.earlyAck = ack;
        } else if (active && step.state == StepState.WAITING) {
            acknowledged(step, ack, now);
        } else {
            throw new ConflictException("Step " + stepId + " is " + step.state + " in a " + state
                    + " saga: it does not wait for an acknowledgement");
        }
        step.updatedAt = now;
        updatedAt = now;
    }

    private void acknowledged(SagaStep step, Acknowledgement ack, Instant now) {
        step.earlyAck = null;
        if (ack.succeeded()) {
            succeeded(step, now);
        } else {
            // the other side refused: it did nothing, so there is nothing of this step to undo
            fail(step, "refused: " + (ack.reason() == null ? "no reason given" : ack.reason()), false, now);
        }
    }

    /** Ops: run the step (or its compensation) now, with its full retry budget again. */
    void retry(Instant now) {
        SagaStep step = actionable("retry", now, SagaState.RUNNING, SagaState.COMPENSATING, SagaState.FAILED);
        if (state == SagaState.FAILED) {
            state = SagaState.COMPENSATING;
        }
        if (step.state == StepState.WAITING) {
            // sent again: the handler is idempotent, the other side recognises the step id
            step.state = StepState.PENDING;
            step.deadline = null;
        }
        step.attempts = 0;
        step.nextAttemptAt = now;
        nextRunAt = now;
        step.updatedAt = now;
        updatedAt = now;
    }

    /** Ops: leave the step (or its compensation) out, saying why, and go on. */
    void skip(String reason, Instant now) {
        requireReason(reason);
        SagaStep step = actionable("skip", now, SagaState.RUNNING, SagaState.COMPENSATING, SagaState.FAILED);
        step.state = StepState.SKIPPED;
        step.skipReason = reason;
        step.nextAttemptAt = null;
        step.deadline = null;
        step.updatedAt = now;
        updatedAt = now;
        if (state == SagaState.RUNNING) {
            advance(now);
        } else {
            state = SagaState.COMPENSATING;
            continueCompensation(now);
        }
    }

    /** Ops: give the saga up; what its steps did is undone in reverse. */
    void cancel(String reason, Instant now) {
        requireReason(reason);
        SagaStep step = actionable("cancel", now, SagaState.RUNNING);
        step.lastError = "cancelled: " + reason;
        // a step whose request is out (waiting, or left running by a crashed runner) may have acted: undo it too
        fail(step, "cancelled: " + reason, step.state == StepState.WAITING || step.state == StepState.RUNNING, now);
        step.updatedAt = now;
        updatedAt = now;
    }

    private SagaStep actionable(String action, Instant now, SagaState... allowed) {
        if (!List.of(allowed).contains(state)) {
            throw new ConflictException("A " + state + " saga cannot be given " + action + "; allowed in "
                    + List.of(allowed));
        }
        if (leased(now)) {
            throw new ConflictException("A step of saga " + id + " is being worked right now; try again shortly");
        }
        return activeStep().orElseThrow(() -> new ConflictException("Saga " + id + " has no step to " + action));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why");
        }
    }

    private void succeeded(SagaStep step, Instant now) {
        step.state = StepState.DONE;
        step.compensable = true;
        step.lastError = null;
        step.deadline = null;
        advance(now);
    }

    private void advance(Instant now) {
        if (activeStep().isEmpty()) {
            state = SagaState.COMPLETED;
            nextRunAt = null;
        } else {
            nextRunAt = now;
        }
    }

    private void fail(SagaStep step, String reason, boolean mayHaveActed, Instant now) {
        step.state = StepState.FAILED;
        step.lastError = reason;
        step.compensable = mayHaveActed;
        step.deadline = null;
        step.nextAttemptAt = null;
        step.updatedAt = now;
        failedStepId = step.id;
        failureReason = reason;
        state = SagaState.COMPENSATING;
        updatedAt = now;
        continueCompensation(now);
    }

    private void continueCompensation(Instant now) {
        if (activeStep().isEmpty()) {
            state = SagaState.COMPENSATED;
            nextRunAt = null;
        } else {
            nextRunAt = now;
        }
    }

    private void stuck(SagaStep step, String reason) {
        step.lastError = reason;
        step.nextAttemptAt = null;
        state = SagaState.FAILED;
        nextRunAt = null;
    }

    SagaStep stepOf(UUID stepId) {
        return steps.stream().filter(step -> step.id.equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("step " + stepId + " is not in saga " + id));
    }

    SagaView view() {
        return new SagaView(id, reference, state, failedStepId, failureReason, createdAt, updatedAt,
                steps.stream().map(step -> step.view(id)).toList());
    }
}
