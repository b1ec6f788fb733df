package io.accord.orchestration.saga;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ScriptedStep} as a {@link StepHandler#transactional transactional} step (type {@value #TYPE}): the runner
 * calls it inside its own transaction. Besides the script's journal it notes, per call, the PostgreSQL transaction
 * the call ran in ({@code txid_current()}), or {@code 0} when it ran outside any transaction.
 */
public class TransactionalScriptedStep implements StepHandler {

    public static final String TYPE = "TEST_SCRIPTED_TRANSACTIONAL";

    private final ScriptedStep script = new ScriptedStep();
    private final JdbcClient jdbc;
    private final Map<UUID, List<Long>> transactions = new ConcurrentHashMap<>();

    public TransactionalScriptedStep(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
