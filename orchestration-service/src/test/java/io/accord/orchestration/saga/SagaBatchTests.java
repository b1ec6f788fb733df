package io.accord.orchestration.saga;

import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.accord.orchestration.saga.ScriptedStep.done;
import static io.accord.orchestration.saga.ScriptedStep.step;
import static io.accord.orchestration.saga.ScriptedStep.with;
import static io.accord.orchestration.saga.TransactionalScriptedStep.transactional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several due sagas in one runner transaction ({@code batch-size}, 16 here): one commit for all of them, and one
 * saga's trouble rolls back only its own part (a savepoint), or the batch when the whole transaction is doomed, after
 * which every saga ends exactly as it would have alone. The sagas of a test are started in one transaction, so that
 * they are due together and one runner takes them into one batch, in the order of their references.
 */
@AccordServiceTest
class SagaBatchTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Sagas sagas;
    private final TransactionalScriptedStep inside;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SagaBatchTests(Sagas sagas, TransactionalScriptedStep inside, JdbcClient jdbc,
                   PlatformTransactionManager transactionManager) {
        this.sagas = sagas;
        this.inside = inside;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void dueSagasRunInOneTransactionAndCommitTogether() {
        String run = UUID.randomUUID().toString();
        List<UUID> started = startTogether(
                List.of(transactional(done("reserve")), transactional(done("complete"))),
                List.of(transactional(done("reserve")), transactional(done("complete"))),
                List.of(transactional(done("reserve")), transactional(done("complete"))));

        started.forEach(id -> awaitState(id, SagaState.COMPLETED));

        List<Long> transactionIds = started.stream().flatMap(id -> inside.transactions(id).stream()).toList();
        assertThat(transactionIds).hasSize(6).doesNotContain(0L);
        assertThat(transactionIds).as("one transaction for the batch (run %s)", run)
                .containsOnly(transactionIds.getFirst());
        started.forEach(id -> assertThat(audited(id)).containsExactly("started", "completed"));
    }

    @Test
    void aSagaThatFailsMidBatchIsRolledBackAloneAndEndsAsItWouldAlone() {
        List<UUID> started = startTogether(
                List.of(transactional(done("a-reserve")), transactional(done("a-complete"))),
                // its activation fails for good, and the compensation of its reserve throws once: rolled back to the
                // saga's savepoint with its "compensating" entry, then done again with the compensation run outside
                List.of(transactional(step("b-reserve", List.of("DONE"), List.of("THROW", "DONE"))),
                        transactional(step("b-activate", List.of("FAIL"), List.of()))),
                List.of(transactional(done("c-reserve")), transactional(done("c-complete"))));
        UUID first = started.get(0);
        UUID failing = started.get(1);
        UUID last = started.get(2);

        awaitState(first, SagaState.COMPLETED);
        awaitState(last, SagaState.COMPLETED);
        SagaView compensated = awaitState(failing, SagaState.COMPENSATED);

        // the others ran once, in the batch transaction the failing saga's first try ran in, and were not undone
        long batch = inside.transactions(failing).getFirst();
        assertThat(inside.journal(first)).containsExactly("execute:a-reserve", "execute:a-complete");
        assertThat(inside.journal(last)).containsExactly("execute:c-reserve", "execute:c-complete");
        assertThat(inside.transactions(first)).containsOnly(batch);
        assertThat(inside.transactions(last)).containsOnly(batch);
        assertThat(audited(first)).containsExactly("started", "completed");
        assertThat(audited(last)).containsExactly("started", "completed");
        // the failing saga: as with one saga per transaction (TransactionalStepsTests), the step whose handler threw
        // (here the reserve step, in its compensation) runs outside when the saga is done again after the commit (or,
        // when another runner took the saga up first, inside that runner's transaction, where it now succeeds)
        assertThat(inside.journal(failing)).containsExactly("execute:b-reserve", "execute:b-activate",
                "compensate:b-reserve", "execute:b-reserve", "execute:b-activate", "compensate:b-reserve");
        List<Long> transactionIds = inside.transactions(failing);
        assertThat(transactionIds.subList(0, 3)).containsOnly(batch);
        assertThat(transactionIds.get(4)).as("%s", transactionIds).isNotZero().isNotEqualTo(batch)
                .isEqualTo(transactionIds.get(5));
        assertThat(transactionIds.get(3)).as("%s", transactionIds).isIn(0L, transactionIds.get(4));
        assertThat(compensated.failureReason()).isEqualTo("scripted permanent failure");
        assertThat(compensated.steps()).extracting(StepView::state)
                .containsExactly(StepState.COMPENSATED, StepState.FAILED);
        assertThat(compensated.steps()).extracting(StepView::attempts).as("a rolled-back attempt never happened")
                .containsExactly(1, 1);
        assertThat(audited(failing)).as("the rolled-back part's audit entry is gone")
                .containsExactly("started", "compensating", "compensated");
    }

    @Test
    void aFailureThatDoomsTheTransactionRollsTheBatchBackAndEverySagaEndsAsItWouldAlone() {
        List<UUID> started = startTogether(
                List.of(transactional(done("a-reserve")), transactional(done("a-complete"))),
                List.of(transactional(done("b-reserve")),
                        transactional(with(done("b-allocate"), "rollbackOnlyCalls", 1)),
                        transactional(done("b-complete"))),
                List.of(transactional(done("c-reserve")), transactional(done("c-complete"))));

        List<SagaView> ended = started.stream().map(id -> awaitState(id, SagaState.COMPLETED)).toList();

        UUID doomed = started.get(1);
        assertThat(inside.journal(doomed)).startsWith("execute:b-reserve", "execute:b-allocate")
                .endsWith("execute:b-allocate", "execute:b-complete").hasSize(5);
        List<Long> transactionIds = inside.transactions(doomed);
        assertThat(transactionIds.get(0)).isEqualTo(transactionIds.get(1));
        assertThat(transactionIds.get(2)).isNotZero().isNotEqualTo(transactionIds.get(0));
        // on its own, outside (or, when another runner took the saga up first, inside that runner's transaction,
        // where it now succeeds), as with one saga per transaction
        assertThat(transactionIds.get(3)).as("%s", transactionIds).isIn(0L, transactionIds.get(2));
        for (SagaView saga : ended) {
            assertThat(saga.steps()).extracting(StepView::attempts).as("rolled-back attempts never happened")
                    .containsOnly(1);
            assertThat(audited(saga.id())).containsExactly("started", "completed");
        }
    }

    @Test
    void aBatchWhoseDatabaseSessionDiesCommitsNothingAndIsDoneAgainInFull() {
        List<UUID> started = startTogether(
                List.of(transactional(done("a-reserve")), transactional(done("a-complete"))),
                List.of(transactional(done("b-reserve")),
                        transactional(with(done("b-complete"), "dropConnectionCalls", 1))),
                List.of(transactional(done("c-reserve")), transactional(done("c-complete"))));

        List<SagaView> ended = started.stream().map(id -> awaitState(id, SagaState.COMPLETED)).toList();

        for (SagaView saga : ended) {
            assertThat(saga.steps()).extracting(StepView::attempts).containsOnly(1);
            assertThat(audited(saga.id())).as("nothing of the lost transaction stayed")
                    .containsExactly("started", "completed");
        }
        // the step that lost the connection got no further than noting its transaction; all was done again
        assertThat(inside.journal(started.get(1))).containsExactly("execute:b-reserve", "execute:b-reserve",
                "execute:b-complete");
        List<Long> lost = inside.transactions(started.get(1));
        assertThat(lost.get(0)).isEqualTo(lost.get(1));
        assertThat(lost.get(2)).isNotEqualTo(lost.get(0)).isEqualTo(lost.get(3));
        assertThat(inside.journal(started.get(0))).as("the batch's first saga, lost with it, ran again")
                .containsExactly("execute:a-reserve", "execute:a-complete", "execute:a-reserve", "execute:a-complete");
    }

    /**
     * Starts one saga per list of steps in one transaction, with references in the order given, all due at the first
     * one's start: each start dates its saga by the clock, so a runner whose poll read the clock between two starts
     * (and queried after the commit) would otherwise take the earlier sagas alone and another runner the rest.
     */
    @SafeVarargs
    private List<UUID> startTogether(List<StepDefinition>... steps) {
        String run = UUID.randomUUID().toString();
        return transactions.execute(status -> {
            List<UUID> ids = new java.util.ArrayList<>();
            for (int i = 0; i < steps.length; i++) {
                ids.add(sagas.start("batch-" + run + "-" + i, steps[i]).id());
            }
            jdbc.sql("update saga set next_run_at = (select min(next_run_at) from saga where id in (:ids))"
                    + " where id in (:ids)").param("ids", ids).update();
            return ids;
        });
    }

    private List<String> audited(UUID sagaId) {
        return jdbc.sql("select action from audit_event where resource_type = 'saga' and resource_id = :id order by id")
                .param("id", sagaId.toString()).query(String.class).list();
    }

    private SagaView awaitState(UUID sagaId, SagaState state) {
        return await().atMost(PATIENCE).until(() -> sagas.find(sagaId).orElseThrow(),
                saga -> saga.state() == state);
    }
}
