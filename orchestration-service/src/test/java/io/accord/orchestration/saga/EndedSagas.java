package io.accord.orchestration.saga;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Listens to {@link SagaEnded} as orders will: remembers each ended saga and whether a transaction was open. */
public class EndedSagas {

    private final Map<UUID, SagaState> ended = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> inTransaction = new ConcurrentHashMap<>();

    @EventListener
    void on(SagaEnded event) {
        ended.put(event.saga().id(), event.saga().state());
        inTransaction.put(event.saga().id(), TransactionSynchronizationManager.isActualTransactionActive());
    }

    public SagaState stateOf(UUID sagaId) {
        return ended.get(sagaId);
    }

    public boolean announcedInTransaction(UUID sagaId) {
        return inTransaction.getOrDefault(sagaId, false);
    }
}
