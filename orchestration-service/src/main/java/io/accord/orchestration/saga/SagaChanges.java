package io.accord.orchestration.saga;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.scheduling.JobItems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Saves a changed saga with its audit entry, and announces its end ({@link SagaEnded}) in the same transaction.
 * The trail gets the starts, the ops actions, the acknowledgements and every change of the saga's state, not each
 * retry of a step (those stay on the step: attempts and last error). An entry's documents are the saga's state and
 * its steps' ({@link Audited}), not the steps' payloads: those repeat what the order's and the product's own entries
 * hold, and were three quarters of the bytes of an order's trail (`GET /sagas/{id}` shows them).
 */
@Component
class SagaChanges {

    static final String RESOURCE_TYPE = "saga";

    private final SagaRepository sagas;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JobItems jobItems;

    SagaChanges(SagaRepository sagas, AuditTrail audit, ApplicationEventPublisher events, JobItems jobItems) {
        this.sagas = sagas;
        this.audit = audit;
        this.events = events;
        this.jobItems = jobItems;
    }

    void started(Saga saga) {
        sagas.insert(saga);
        audit.record(null, RESOURCE_TYPE, saga.id.toString(), "started", null, Audited.of(saga.view()));
    }

    /** @param action the ops or external action that caused the change; {@code null} for the runner's own work */
    SagaView saved(Saga saga, SagaView before, String action) {
        sagas.update(saga);
        SagaView after = saga.view();
        boolean stateChanged = before.state() != after.state();
        if (action != null || stateChanged) {
            audit.record(null, RESOURCE_TYPE, saga.id.toString(),
                    action != null ? action : after.state().name().toLowerCase(), Audited.of(before),
                    Audited.of(after));
        }
        if (stateChanged && (after.state().isFinal() || after.state() == SagaState.FAILED)) {
            events.publishEvent(new SagaEnded(after));
        }
        if (stateChanged && after.state().isFinal()) {
            // a failure of the runner's on this saga, if any, is over with it
            jobItems.handled(SagaRunner.JOB, saga.id);
        }
        return after;
    }

    /** A saga as its audit entries show it. */
    record Audited(UUID id, String reference, SagaState state, UUID failedStepId, String failureReason,
                   List<Step> steps) {

        /** A step as the saga's audit entries show it. */
        record Step(UUID id, int position, String type, StepState state, int attempts, String lastError,
                    String skipReason) {
        }

        static Audited of(SagaView saga) {
            return new Audited(saga.id(), saga.reference(), saga.state(), saga.failedStepId(), saga.failureReason(),
                    saga.steps().stream().map(step -> new Step(step.id(), step.position(), step.type(), step.state(),
                            step.attempts(), step.lastError(), step.skipReason())).toList());
        }
    }
}
