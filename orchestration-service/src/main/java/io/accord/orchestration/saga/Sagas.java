package io.accord.orchestration.saga;

import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The saga engine's entry point: start a saga of steps for a business reference (an order id), feed external
 * acknowledgements into waiting steps, read sagas, and the ops actions on stuck or failed ones. The steps
 * themselves are run by the saga runner through the {@link StepHandler} beans; the end of a saga is announced as
 * {@link SagaEnded}.
 */
@Service
public class Sagas {

    private static final int MAX_REFERENCE = 200;

    private final SagaRepository sagas;
    private final SagaChanges changes;
    private final StepHandlers handlers;
    private final SagaProperties properties;
    private final SagaRunner runner;
    private final Clock clock;

    Sagas(SagaRepository sagas, SagaChanges changes, StepHandlers handlers, SagaProperties properties,
          SagaRunner runner, Clock clock) {
        this.runner = runner;
        this.sagas = sagas;
        this.changes = changes;
        this.handlers = handlers;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts a saga in the caller's transaction (so it exists exactly when the caller's change does); the runner
     * picks its first step up once that commits.
     *
     * @throws InvalidInputException when there is no step, or a step type has no handler
     */
    @Transactional
    public SagaView start(String reference, List<StepDefinition> steps) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
            throw new InvalidInputException("reference", "a saga needs a reference of 1 to 200 characters");
        }
        Instant now = clock.instant();
        List<SagaStep> planned = new ArrayList<>();
        for (StepDefinition step : steps) {
            if (handlers.of(step.type()).isEmpty()) {
                throw new InvalidInputException("steps[" + planned.size() + "].type",
                        "no handler for step type " + step.type());
            }
            planned.add(SagaStep.pending(planned.size(), step.type(), step.payload(),
                    step.maxAttempts() != null ? step.maxAttempts() : properties.maxAttempts(),
                    step.firstBackoff() != null ? step.firstBackoff() : properties.firstBackoff(),
                    step.maxBackoff() != null ? step.maxBackoff() : properties.maxBackoff(), now));
        }
        Saga saga = Saga.start(reference, planned, now);
        changes.started(saga);
        runner.wakeAfterCommit();
        return saga.view();
    }

    /**
     * The external answer to a step waiting for one: success completes it, failure fails it (and the saga
     * compensates).
     *
     * @throws NotFoundException when there is no such saga or step
     * @throws io.accord.platform.problem.ConflictException when the step is not waiting (timed out, already acked)
     */
    @Transactional
    public SagaView acknowledge(UUID sagaId, UUID stepId, Acknowledgement outcome) {
        return change(sagaId, outcome.succeeded() ? "acknowledged" : "refused", saga -> {
            if (saga.steps.stream().noneMatch(step -> step.id.equals(stepId))) {
                throw new NotFoundException("Saga step", stepId);
            }
            saga.acknowledge(stepId, outcome, clock.instant());
        });
    }

    @Transactional(readOnly = true)
    public Optional<SagaView> find(UUID sagaId) {
        return sagas.find(sagaId).map(Saga::view);
    }

    /** The step with this id, wherever it is. */
    @Transactional(readOnly = true)
    public Optional<StepView> findStep(UUID stepId) {
        return sagas.sagaOfStep(stepId).flatMap(sagas::find).flatMap(saga -> saga.view().step(stepId));
    }

    /** The sagas started for a business reference, oldest first. */
    @Transactional(readOnly = true)
    public List<SagaView> findByReference(String reference) {
        return sagas.findByReference(reference).stream().map(Saga::view).toList();
    }

    /**
     * Failed and compensated sagas, and running ones whose current step keeps failing: the ops fallout queue,
     * only those in {@code states} unless it is empty.
     */
    @Transactional(readOnly = true)
    public Page<SagaView> fallout(Set<SagaState> states, Pageable page) {
        return sagas.fallout(states, page).map(Saga::view);
    }

    /**
     * Ops: run the current step (or compensation) now, with its full retry budget again; a back-off of the runner
     * after it could not advance the saga is lifted too.
     */
    @Transactional
    public SagaView retry(UUID sagaId) {
        SagaView retried = change(sagaId, "retried", saga -> saga.retry(clock.instant()));
        runner.dueNow(sagaId);
        return retried;
    }

    /** Ops: leave the current step (or compensation) out, saying why, and go on. */
    @Transactional
    public SagaView skip(UUID sagaId, String reason) {
        return change(sagaId, "skipped", saga -> saga.skip(reason, clock.instant()));
    }

    /**
     * Ops: give a running saga up; what its steps did is undone in reverse. Does not wait for a runner working the
     * saga at this moment (409, try again): an order's cancellation holds the order's lock here, which that runner
     * may be about to take, so waiting could deadlock.
     */
    @Transactional
    public SagaView cancel(UUID sagaId, String reason) {
        return change(sagaId, "cancelled", saga -> saga.cancel(reason, clock.instant()), false);
    }

    private SagaView change(UUID sagaId, String action, Consumer<Saga> transition) {
        return change(sagaId, action, transition, true);
    }

    private SagaView change(UUID sagaId, String action, Consumer<Saga> transition, boolean waitForRunner) {
        runner.wakeAfterCommit();
        Saga saga = (waitForRunner ? sagas.lock(sagaId) : sagas.lockIfFree(sagaId)).orElseThrow(() ->
                sagas.find(sagaId).isPresent() ? new ConflictException("A step of saga " + sagaId
                        + " is being worked right now; try again shortly") : new NotFoundException("Saga", sagaId));
        SagaView before = saga.view();
        transition.accept(saga);
        return changes.saved(saga, before, action);
    }
}
