package io.accord.orchestration.saga;

import io.accord.platform.problem.ConflictException;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.accord.orchestration.saga.ScriptedStep.done;
import static io.accord.orchestration.saga.ScriptedStep.step;
import static io.accord.orchestration.saga.TransactionalScriptedStep.transactional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Steps whose handlers only touch the database run inside the runner's transaction, with their outcome and the
 * steps after them; trouble inside rolls that transaction back and the step runs on its own, as any other.
 */
@AccordServiceTest
class TransactionalStepsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Sagas sagas;
    private final TransactionalScriptedStep inside;
    private final ScriptedStep outside;
    private final EndedSagas endedSagas;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TransactionalStepsTests(Sagas sagas, TransactionalScriptedStep inside, ScriptedStep outside,
                            EndedSagas endedSagas, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.sagas = sagas;
        this.inside = inside;
        this.outside = outside;
        this.endedSagas = endedSagas;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aSagaOfTransactionalStepsRunsInOneTransactionWithItsEnd() {
        SagaView saga = sagas.start("tx-happy", List.of(transactional(done("reserve")),
                transactional(done("allocate")), transactional(done("complete"))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPLETED);

        assertThat(inside.journal(saga.id())).containsExactly("execute:reserve", "execute:allocate",
                "execute:complete");
        List<Long> transactionIds = inside.transactions(saga.id());
        assertThat(transactionIds).doesNotContain(0L).hasSize(3);
        assertThat(transactionIds).as("one transaction for all steps").containsOnly(transactionIds.getFirst());
        assertThat(ended.steps()).allSatisfy(step -> {
            assertThat(step.state()).isEqualTo(StepState.DONE);
            assertThat(step.attempts()).isEqualTo(1);
        });
        assertThat(audited(saga.id())).containsExactly("started", "completed");
        assertThat(endedSagas.announcedInTransaction(saga.id())).isTrue();
    }

    @Test
    void aTransactionalStepThatThrowsIsRolledBackWithTheStepsBeforeItAndRunsOnItsOwn() {
        SagaView saga = sagas.start("tx-throw", List.of(transactional(done("reserve")),
                transactional(step("allocate", List.of("THROW", "DONE"), List.of())),
                transactional(done("complete"))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPLETED);

        // reserve and allocate rolled back; reserve again in a new transaction, then allocate: on its own, outside
        // (or, when another runner took the saga up first, inside that runner's transaction, where it now succeeds)
        assertThat(inside.journal(saga.id())).containsExactly("execute:reserve", "execute:allocate",
                "execute:reserve", "execute:allocate", "execute:complete");
        List<Long> transactionIds = inside.transactions(saga.id());
        assertThat(transactionIds.get(1)).isEqualTo(transactionIds.get(0)).isNotZero();
        assertThat(transactionIds.get(2)).isNotZero().isNotEqualTo(transactionIds.get(0));
        assertThat(transactionIds.get(3)).as("%s", transactionIds).isIn(0L, transactionIds.get(2));
        assertThat(transactionIds.get(4)).isNotZero();
        assertThat(ended.steps()).extracting(StepView::attempts).as("a rolled-back attempt never happened")
                .containsExactly(1, 1, 1);
    }

    @Test
    void aPermanentFailureInsideCompensatesInTheSameTransactionAuditingEachStateChange() {
        SagaView saga = sagas.start("tx-fail", List.of(transactional(done("reserve")),
                transactional(step("activate", List.of("FAIL"), List.of()))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPENSATED);

        assertThat(inside.journal(saga.id())).containsExactly("execute:reserve", "execute:activate",
                "compensate:reserve");
        assertThat(inside.transactions(saga.id())).containsOnly(inside.transactions(saga.id()).getFirst());
        assertThat(ended.failureReason()).isEqualTo("scripted permanent failure");
        assertThat(audited(saga.id())).containsExactly("started", "compensating", "compensated");
    }

    @Test
    void aStepOfAnotherKindBetweenTransactionalOnesRunsOutsideAndTheRestGoesOnWhenItsOutcomeIsRecorded() {
        SagaView saga = sagas.start("tx-mixed", List.of(transactional(done("reserve")), done("activate"),
                transactional(done("allocate")), transactional(done("complete"))));

        awaitState(saga.id(), SagaState.COMPLETED);

        assertThat(outside.journal(saga.id())).containsExactly("execute:activate");
        assertThat(inside.journal(saga.id())).containsExactly("execute:reserve", "execute:allocate",
                "execute:complete");
        List<Long> transactionIds = inside.transactions(saga.id());
        assertThat(transactionIds).doesNotContain(0L);
        assertThat(transactionIds.get(1)).isNotEqualTo(transactionIds.get(0)).isEqualTo(transactionIds.get(2));
    }

    @Test
    void cancellingASagaARunnerHoldsRightNowAnswersConflictInsteadOfWaiting() throws Exception {
        SagaView saga = sagas.start("tx-busy", List.of(transactional(done("reserve")),
                ScriptedStep.waiting("activate", 60_000)));
        awaitStep(saga.id(), 1, StepState.WAITING);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<?> runner = thread.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("select id from saga where id = :id for update").param("id", saga.id()).query(UUID.class)
                        .single();
                locked.countDown();
                awaitQuietly(release);
            }));
            try {
                assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

                assertThatThrownBy(() -> sagas.cancel(saga.id(), "customer changed their mind"))
                        .isInstanceOf(ConflictException.class).hasMessageContaining("being worked right now");
            } finally {
                release.countDown();
            }
            runner.get(10, TimeUnit.SECONDS);
        }

        assertThat(sagas.cancel(saga.id(), "customer changed their mind").state()).isEqualTo(SagaState.COMPENSATING);
        awaitState(saga.id(), SagaState.COMPENSATED);
    }

    private List<String> audited(UUID sagaId) {
        return jdbc.sql("select action from audit_event where resource_type = 'saga' and resource_id = :id order by id")
                .param("id", sagaId.toString()).query(String.class).list();
    }

    private SagaView awaitState(UUID sagaId, SagaState state) {
        return await().atMost(PATIENCE).until(() -> sagas.find(sagaId).orElseThrow(),
                saga -> saga.state() == state);
    }

    private StepView awaitStep(UUID sagaId, int position, StepState state) {
        return await().atMost(PATIENCE).until(() -> sagas.find(sagaId).orElseThrow().steps().get(position),
                step -> step.state() == state);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
