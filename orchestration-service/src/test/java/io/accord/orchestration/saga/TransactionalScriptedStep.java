package io.accord.orchestration.saga;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ScriptedStep} as a {@link StepHandler#transactional transactional} step (type {@value #TYPE}): the runner
 * calls it inside its own transaction. Besides the script's journal it notes, per call, the PostgreSQL transaction
 * the call ran in ({@code txid_current()}), or {@code 0} when it ran outside any transaction. Two more payload
 * fields script trouble in the runner's transaction for the first calls of a step: {@code "rollbackOnlyCalls": n}
 * lets an inner transactional call fail (caught, as {@code ReserveResourceStep} catches an empty pool), which leaves
 * the runner's transaction rollback-only; {@code "dropConnectionCalls": n} ends the transaction's database
 * connection (as a crash of the database session would).
 */
public class TransactionalScriptedStep implements StepHandler {

    public static final String TYPE = "TEST_SCRIPTED_TRANSACTIONAL";

    private final ScriptedStep script = new ScriptedStep();
    private final JdbcClient jdbc;
    private final TransactionTemplate inner;
    private final Map<UUID, List<Long>> transactions = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> callsInside = new ConcurrentHashMap<>();

    public TransactionalScriptedStep(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.inner = new TransactionTemplate(transactionManager);
    }

    /** The scripted step as a transactional one. */
    public static StepDefinition transactional(StepDefinition scripted) {
        return new StepDefinition(TYPE, scripted.payload(), scripted.maxAttempts(), scripted.firstBackoff(),
                scripted.maxBackoff());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean transactional(StepContext step) {
        return true;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        note(step);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            int call = callsInside.computeIfAbsent(step.stepId(), id -> new AtomicInteger()).incrementAndGet();
            if (call <= step.payload().path("dropConnectionCalls").asInt(0)) {
                jdbc.sql("select pg_terminate_backend(pg_backend_pid())").query(Boolean.class).single();
            }
            if (call <= step.payload().path("rollbackOnlyCalls").asInt(0)) {
                try {
                    inner.executeWithoutResult(status -> {
                        throw new IllegalStateException("scripted failure of an inner transactional call");
                    });
                } catch (IllegalStateException caught) {
                    // as a handler that catches an inner failure: the runner's transaction is rollback-only now
                }
            }
        }
        return script.execute(step);
    }

    @Override
    public StepOutcome compensate(StepContext step) {
        note(step);
        return script.compensate(step);
    }

    /** Every call for the saga in order, as {@code direction:name}. */
    public List<String> journal(UUID sagaId) {
        return script.journal(sagaId);
    }

    /** The database transaction of every call for the saga, in order (0: none). */
    public List<Long> transactions(UUID sagaId) {
        return List.copyOf(transactions.getOrDefault(sagaId, List.of()));
    }

    private void note(StepContext step) {
        long transaction = TransactionSynchronizationManager.isActualTransactionActive()
                ? jdbc.sql("select txid_current()").query(Long.class).single() : 0;
        transactions.computeIfAbsent(step.sagaId(), id -> Collections.synchronizedList(new ArrayList<>()))
                .add(transaction);
    }
}
