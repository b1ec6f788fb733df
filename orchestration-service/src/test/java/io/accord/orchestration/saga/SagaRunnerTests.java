package io.accord.orchestration.saga;

import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.accord.orchestration.saga.ScriptedStep.done;
import static io.accord.orchestration.saga.ScriptedStep.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runner against real PostgreSQL, with real step handler beans scripted per saga. */
@AccordServiceTest
class SagaRunnerTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Sagas sagas;
    private final SagaRunner runner;
    private final ScriptedStep handler;
    private final EndedSagas endedSagas;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SagaRunnerTests(Sagas sagas, SagaRunner runner, ScriptedStep handler, EndedSagas endedSagas, JdbcClient jdbc,
                    PlatformTransactionManager transactionManager) {
        this.endedSagas = endedSagas;
        this.sagas = sagas;
        this.runner = runner;
        this.handler = handler;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void runsTheStepsInOrderToCompletion() {
        SagaView saga = sagas.start("order-happy", List.of(done("reserve"), done("activate"), done("complete")));

        SagaView ended = awaitState(saga.id(), SagaState.COMPLETED);

        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "execute:activate",
                "execute:complete");
        assertThat(ended.steps()).extracting(StepView::state).containsOnly(StepState.DONE);
        assertThat(sagas.findByReference("order-happy")).extracting(SagaView::id).contains(saga.id());
        assertThat(audited(saga.id())).containsExactly("started", "completed");
        // the trail keeps the saga's and its steps' states, not the steps' payloads
        String completed = jdbc.sql("select after_state::text from audit_event where resource_type = 'saga' and "
                + "resource_id = :id and action = 'completed'").param("id", saga.id().toString()).query(String.class)
                .single();
        assertThat(completed).contains("\"state\": \"COMPLETED\"", "\"type\": \"" + ScriptedStep.TYPE + "\"",
                "\"state\": \"DONE\"", "\"attempts\": 1").doesNotContain("payload", "execute");
        assertThat(endedSagas.stateOf(saga.id())).isEqualTo(SagaState.COMPLETED);
        assertThat(endedSagas.announcedInTransaction(saga.id())).isTrue();
    }

    @Test
    void retriesARetryableFailureWithBackoffThenSucceeds() {
        SagaView saga = sagas.start("order-retry", List.of(
                step("activate", List.of("RETRY", "THROW", "DONE"), List.of())
                        .withRetries(5, Duration.ofMillis(100), Duration.ofMillis(200))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPLETED);

        assertThat(ended.steps().getFirst().attempts()).isEqualTo(3);
        assertThat(handler.executions(ended.steps().getFirst().id())).isEqualTo(3);
    }

    /** A handler's exception is retried; if it keeps coming, the reason says its kind, never its text. */
    @Test
    void aStepThatKeepsThrowingFailsWithTheKindOfErrorNotItsText() {
        SagaView saga = sagas.start("order-throws", List.of(step("activate", List.of("THROW", "THROW"), List.of())
                .withRetries(2, Duration.ofMillis(100), Duration.ofMillis(100))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPENSATED);

        assertThat(ended.failureReason()).isEqualTo("gave up after 2 attempts: internal error (details in the"
                + " orchestration service's log under saga " + saga.id() + ")");
    }

    @Test
    void aSagaTheRunnerCannotAdvanceIsCountedAndPutOffWhileOthersRun() {
        SagaView broken = sagas.start("order-unreadable", List.of(step("activate", List.of("RETRY", "DONE"), List.of())
                .withRetries(5, Duration.ofSeconds(2), Duration.ofSeconds(2))));
        awaitStep(broken.id(), 0, StepState.PENDING);
        // due again in 2 s, by then without the rows of its steps: no step to claim, a failure of the runner's own
        List<String> steps = jdbc.sql("select cast(row_to_json(s) as text) from saga_step s where saga_id = :id")
                .param("id", broken.id()).query(String.class).list();
        jdbc.sql("delete from saga_step where saga_id = :id").param("id", broken.id()).update();
        boolean repaired = false;
        try {
            // each of the runner's workers that took it meanwhile counts its failure: read the count once the
            // workers' transactions have all committed (the same over two polls), they queue on the count's row
            AtomicInteger seen = new AtomicInteger(-1);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                int now = runnerFailures(broken.id());
                return now >= 1 && now == seen.getAndSet(now);
            });
            int failures = seen.get();
            String reason = jdbc.sql("select last_error from job_item_failure where job = :job and item_id = :id")
                    .param("job", SagaRunner.JOB).param("id", broken.id().toString()).query(String.class).single();
            assertThat(reason).contains("has no step");

            // the others run meanwhile, and the broken one is left alone until its next attempt, a minute later
            SagaView healthy = sagas.start("order-beside", List.of(done("activate")));
            awaitState(healthy.id(), SagaState.COMPLETED);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> runnerFailures(broken.id()) == failures);

            // repaired, ops retry it from the fallout queue: the runner's back-off is lifted with the step's
            for (String step : steps) {
                jdbc.sql("insert into saga_step select * from json_populate_record(null::saga_step,"
                                + " cast(:row as json))")
                        .param("row", step).update();
            }
            sagas.retry(broken.id());
            assertThat(jdbc.sql("select next_attempt_at <= now() from job_item_failure where job = :job"
                            + " and item_id = :id").param("job", SagaRunner.JOB).param("id", broken.id().toString())
                    .query(Boolean.class).optional()).as("due at once, or handled already").isNotEqualTo(
                            java.util.Optional.of(false));
            awaitState(broken.id(), SagaState.COMPLETED);
            repaired = true;
            assertThat(runnerFailures(broken.id())).as("its record goes when it ends").isZero();
        } finally {
            if (!repaired) {
                jdbc.sql("update saga set state = 'COMPENSATED', next_run_at = null where id = :id")
                        .param("id", broken.id()).update();
            }
            jdbc.sql("delete from job_item_failure where job = :job and item_id = :id").param("job", SagaRunner.JOB)
                    .param("id", broken.id().toString()).update();
        }
    }

    private int runnerFailures(UUID sagaId) {
        return jdbc.sql("select coalesce(max(attempts), 0) from job_item_failure where job = :job and item_id = :id")
                .param("job", SagaRunner.JOB).param("id", sagaId.toString()).query(Integer.class).single();
    }

    @Test
    void aPermanentFailureCompensatesTheDoneStepsInReverseOrder() {
        SagaView saga = sagas.start("order-fail", List.of(done("reserve"), done("allocate"),
                step("activate", List.of("FAIL"), List.of())));

        SagaView ended = awaitState(saga.id(), SagaState.COMPENSATED);

        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "execute:allocate",
                "execute:activate", "compensate:allocate", "compensate:reserve");
        assertThat(ended.failedStepId()).isEqualTo(ended.steps().get(2).id());
        assertThat(ended.failureReason()).isEqualTo("scripted permanent failure");
        assertThat(audited(saga.id())).containsExactly("started", "compensating", "compensated");
        assertThat(endedSagas.stateOf(saga.id())).isEqualTo(SagaState.COMPENSATED);
    }

    @Test
    void aWaitingStepIsCompletedByItsAcknowledgement() {
        SagaView saga = sagas.start("order-ack", List.of(ScriptedStep.waiting("activate", 60_000),
                done("complete")));
        StepView waiting = awaitStep(saga.id(), 0, StepState.WAITING);

        sagas.acknowledge(saga.id(), waiting.id(), Acknowledgement.success());

        awaitState(saga.id(), SagaState.COMPLETED);
        assertThat(handler.journal(saga.id())).containsExactly("execute:activate", "execute:complete");
    }

    @Test
    void aWaitingStepWithoutAcknowledgementTimesOutAndIsCompensatedWithTheStepsBeforeIt() {
        SagaView saga = sagas.start("order-timeout", List.of(done("reserve"),
                step("activate", List.of("WAIT"), List.of())));

        SagaView ended = awaitState(saga.id(), SagaState.COMPENSATED);

        assertThat(ended.failureReason()).startsWith("no acknowledgement within");
        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "execute:activate",
                "compensate:activate", "compensate:reserve");
    }

    @Test
    void aStepLeftRunningByACrashedRunnerIsResumedOnceItsLeaseExpires() {
        Instant leaseEnd = Instant.now().plusSeconds(2);
        SagaView saga = transactions.execute(status -> {
            SagaView started = sagas.start("order-crash", List.of(done("reserve"), done("activate")));
            // what a runner that died inside the first step's handler leaves behind
            jdbc.sql("update saga set lease_token = :token, lease_until = :until where id = :id")
                    .param("token", UUID.randomUUID()).param("until", leaseEnd.atOffset(ZoneOffset.UTC))
                    .param("id", started.id()).update();
            jdbc.sql("update saga_step set state = 'RUNNING', attempts = 1 where saga_id = :id and position = 0")
                    .param("id", started.id()).update();
            return started;
        });

        SagaView ended = awaitState(saga.id(), SagaState.COMPLETED);

        StepView resumed = ended.steps().getFirst();
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(handler.executions(resumed.id())).isEqualTo(1);
        assertThat(jdbc.sql("select updated_at from saga_step where id = :id").param("id", resumed.id())
                .query(OffsetDateTime.class).single().toInstant()).isAfterOrEqualTo(leaseEnd);
    }

    @Test
    void concurrentRunnersNeverRunOneStepTwice() throws Exception {
        List<UUID> started = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            started.add(sagas.start("order-race-" + i, List.of(slow("a"), slow("b"), slow("c"))).id());
        }
        List<Callable<Integer>> runners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runners.add(runner::runDue);
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(runners.size())) {
            for (Future<Integer> done : pool.invokeAll(runners)) {
                done.get();
            }
        }

        started.forEach(id -> awaitState(id, SagaState.COMPLETED));
        assertThat(handler.overlaps()).isEmpty();
        for (UUID id : started) {
            assertThat(sagas.find(id).orElseThrow().steps()).allSatisfy(step -> {
                assertThat(handler.executions(step.id())).as("executions of %s", step.id()).isEqualTo(1);
                assertThat(step.attempts()).isEqualTo(1);
            });
        }
    }

    private static StepDefinition slow(String name) {
        return ScriptedStep.with(done(name), "holdMillis", 10);
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
}
