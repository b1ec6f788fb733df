package io.accord.orchestration.saga;

import io.accord.platform.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves a changed saga with its audit entry, and announces its end ({@link SagaEnded}) in the same transaction.
 * The trail gets the starts, the ops actions, the acknowledgements and every change of the saga's state, not each
 * retry of a step (those stay on the step: attempts and last error).
 */
@Component
class SagaChanges {

    static final String RESOURCE_TYPE = "saga";

    private final SagaRepository sagas;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    SagaChanges(SagaRepository sagas, AuditTrail audit, ApplicationEventPublisher events) {
        this.sagas = sagas;
        this.audit = audit;
        this.events = events;
    }

    void started(Saga saga) {
        sagas.insert(saga);
        audit.record(null, RESOURCE_TYPE, saga.id.toString(), "started", null, saga.view());
    }

    /** @param action the ops or external action that caused the change; {@code null} for the runner's own work */
    SagaView saved(Saga saga, SagaView before, String action) {
        sagas.update(saga);
        SagaView after = saga.view();
        boolean stateChanged = before.state() != after.state();
        if (action != null || stateChanged) {
            audit.record(null, RESOURCE_TYPE, saga.id.toString(),
                    action != null ? action : after.state().name().toLowerCase(), before, after);
        }
        if (stateChanged && (after.state().isFinal() || after.state() == SagaState.FAILED)) {
            events.publishEvent(new SagaEnded(after));
        }
        return after;
    }
}
