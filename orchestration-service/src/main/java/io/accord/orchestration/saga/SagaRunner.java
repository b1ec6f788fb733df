package io.accord.orchestration.saga;

import io.accord.platform.problem.FailureKind;
import io.accord.platform.scheduling.JobItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs due saga steps. Safe with several replicas and several threads: a worker locks a batch of due sagas in one
 * transaction ({@code FOR UPDATE SKIP LOCKED}, so concurrent runners take different sagas), runs the steps that only
 * touch this database right there, each saga under a savepoint of its own, and commits once. Any other step is
 * claimed under a lease on its saga; its handler then runs outside any transaction, and its outcome is recorded only
 * if the lease is still this runner's. A runner that dies mid-step leaves the step RUNNING under a lease that
 * expires; the next runner resumes it as a new attempt. No step runs twice at the same time.
 *
 * <p>A saga the runner cannot advance at all (its rows cannot be read, saving it fails: not a step's failure, which
 * its retries and compensation handle) is rolled back alone and recorded through the platform's {@link JobItems}
 * (job {@value #JOB}): counted with its reason in {@code job_item_failure}, left out of the due sagas until its next
 * attempt (1 min doubling to 1 h) and listed for ops; the record goes when the saga ends.
 *
 * <p>The schedule only triggers; the steps run on the runner's own threads, so a slow partner system delays
 * sagas, never the outbox relay on the shared scheduler thread.
 */
@Component
class SagaRunner implements DisposableBean {

    /** The runner's name in {@code job_item_failure}. */
    static final String JOB = "orchestration-saga-runner";
    private static final Logger log = LoggerFactory.getLogger(SagaRunner.class);

    private final SagaRepository sagas;
    private final SagaChanges changes;
    private final StepHandlers handlers;
    private final SagaProperties properties;
    private final Savepoints savepoints;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JobItems jobItems;
    private final ExecutorService threads;
    private final AtomicInteger busy = new AtomicInteger();
    /**
     * This replica's workers take due sagas one after the other: the first takes up to a batch, the next what is
     * left. (Taken at once, {@code SKIP LOCKED} shared even three due sagas among the workers that a wake-up started
     * together, three transactions where one does.) The rows stay locked by the taker's transaction afterwards.
     */
    private final Object taking = new Object();

    SagaRunner(SagaRepository sagas, SagaChanges changes, StepHandlers handlers, SagaProperties properties,
               Savepoints savepoints, PlatformTransactionManager transactionManager, Clock clock,
               JobItems jobItems) {
        this.sagas = sagas;
        this.changes = changes;
        this.handlers = handlers;
        this.properties = properties;
        this.savepoints = savepoints;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.jobItems = jobItems;
        this.threads = Executors.newFixedThreadPool(properties.workers(),
                Thread.ofPlatform().name("saga-runner-", 0).daemon().factory());
    }

    @Scheduled(fixedDelayString = "${accord.orchestration.saga.poll-interval:250ms}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        while (busy.get() < properties.workers()) {
            busy.incrementAndGet();
            try {
                threads.execute(() -> {
                    try {
                        runDue();
                    } catch (RuntimeException failure) {
                        // the database, not a handler (whose failures are outcomes): try again at the next poll
                        log.error("Saga runner failed; it runs again at the next poll", failure);
                    } finally {
                        busy.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                busy.decrementAndGet();
                return;
            }
        }
    }

    /**
     * Looks for due steps as soon as the caller's transaction commits (a started saga, an acknowledgement, an ops
     * action), instead of at the next poll.
     */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poll();
                }
            });
        }
    }

    /**
     * An ops retry of the saga: the runner's own back-off after a failure to advance it (if any) is lifted too, in
     * the caller's transaction.
     */
    void dueNow(UUID sagaId) {
        jobItems.dueNow(JOB, sagaId);
    }

    /** Works due steps until none is left; returns how many handler calls it made. */
    int runDue() {
        int calls = 0;
        Set<UUID> skipped = new HashSet<>();
        Map<UUID, RuntimeException> failed = new HashMap<>();
        while (true) {
            Batch batch;
            try {
                batch = transactions.execute(status -> advanceBatch(status, skipped, failed));
            } catch (TransactionalStepAborted aborted) {
                // the batch's first saga (it has no savepoint of its own), or a failure that left the whole
                // transaction rollback-only: all rolled back; that saga goes on with the step run outside, as with
                // one saga per transaction, and the others are taken again by the next batch
                log.debug("Saga {} step {} did not complete in the runner's transaction ({}); it runs on its own",
                        aborted.sagaId, aborted.stepId, aborted.getMessage());
                batch = new Batch(true, null, List.of(new FollowUp(aborted.sagaId, aborted.stepId)), 0);
            } catch (SagaFailed sagaFailed) {
                skipped.add(sagaFailed.sagaId);
                log.error("Saga {} could not be advanced (its batch is rolled back); the runner leaves it until its "
                        + "next attempt", sagaFailed.sagaId, sagaFailed.getCause());
                failed.put(sagaFailed.sagaId, (RuntimeException) sagaFailed.getCause());
                continue;
            } finally {
                // after the rollback: the failure is counted in a transaction of its own
                failed.forEach((sagaId, failure) -> jobItems.failed(JOB, sagaId, failure));
                failed.clear();
            }
            if (!batch.found()) {
                return calls;
            }
            calls += batch.calls();
            if (batch.claimed() != null) {
                calls += runOutside(batch.claimed());
            }
            for (FollowUp followUp : batch.followUps()) {
                Next next = advance(followUp.sagaId(), null, null, followUp.stepToRunOutside());
                calls += next.calls() + runOutside(next);
            }
        }
    }

    /**
     * Runs a claimed step outside, records its outcome and goes on with its saga, for as long as it claims; returns
     * the handler calls made since {@code next} (not those counted in it).
     */
    private int runOutside(Next next) {
        int calls = 0;
        while (next.work() != null) {
            Saga.Work work = next.work();
            StepOutcome outcome = call(work.direction(), next.context());
            calls++;
            next = advance(work.sagaId(), work, outcome, null);
            calls += next.calls();
        }
        return calls;
    }

    /**
     * One runner transaction on a batch of due sagas ({@code batch-size}), each under a savepoint of its own (but the
     * first, whose trouble rolls the whole transaction back as it would alone): their transactional steps run, their
     * outcomes and ends are recorded, and one commit takes it all. A saga whose transactional step aborts is rolled
     * back to its savepoint and goes on after the commit with that step run outside; a saga whose work fails
     * otherwise is rolled back to its savepoint and left until the next poll. A failure that leaves the whole
     * transaction rollback-only (an inner {@code @Transactional} that failed) rolls back the batch instead. At most
     * one step to run outside is claimed here (it runs right after the commit, well within its lease); the sagas of
     * other such steps claim theirs after the commit, each right before its run.
     */
    private Batch advanceBatch(TransactionStatus status, Set<UUID> skipped, Map<UUID, RuntimeException> failed) {
        Instant now;
        List<Saga> due;
        synchronized (taking) {
            now = clock.instant();
            due = sagas.lockDue(now, properties.batchSize(), skipped);
        }
        if (due.isEmpty()) {
            return new Batch(false, null, List.of(), 0);
        }
        int calls = 0;
        Next claimed = null;
        List<FollowUp> followUps = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Saga saga = due.get(i);
            Savepoint savepoint = i == 0 ? null : savepoints.set();
            try {
                Next next = work(saga, null, null, null, claimed == null, now, status);
                savepoints.flush(status);
                calls += next.calls();
                if (next.work() != null) {
                    claimed = next;
                } else if (next.outsideDue()) {
                    followUps.add(new FollowUp(saga.id, null));
                }
            } catch (TransactionalStepAborted aborted) {
                if (savepoint == null || status.isRollbackOnly()) {
                    throw aborted;
                }
                savepoints.rollbackTo(savepoint);
                log.debug("Saga {} step {} did not complete in the runner's transaction ({}); it runs on its own",
                        aborted.sagaId, aborted.stepId, aborted.getMessage());
                followUps.add(new FollowUp(aborted.sagaId, aborted.stepId));
            } catch (RuntimeException failure) {
                if (savepoint == null || status.isRollbackOnly()) {
                    throw new SagaFailed(saga.id, failure);
                }
                savepoints.rollbackTo(savepoint);
                skipped.add(saga.id);
                failed.put(saga.id, failure);
                log.error("Saga {} could not be advanced; the rest of its batch goes on, the runner leaves it until"
                        + " its next attempt", saga.id, failure);
            }
        }
        return new Batch(true, claimed, followUps, calls);
    }

    /**
     * One runner transaction on one saga: records the outcome of the step run outside (if any, and only under its
     * own lease), then goes on as far as it can (see {@link #work}). A transactional step that throws, or leaves the
     * transaction rollback-only, rolls the whole transaction back; it is then done again with that step claimed for
     * a run outside instead, as any other step.
     */
    private Next advance(UUID sagaId, Saga.Work done, StepOutcome outcome, UUID stepToRunOutside) {
        UUID runOutside = stepToRunOutside;
        while (true) {
            try {
                UUID outside = runOutside;
                return transactions.execute(status -> sagas.lock(sagaId)
                        .map(saga -> work(saga, done, outcome, outside, true, clock.instant(), status))
                        .orElse(new Next(true, null, null, 0, false)));
            } catch (TransactionalStepAborted aborted) {
                log.debug("Saga {} step {} did not complete in the runner's transaction ({}); it runs on its own",
                        aborted.sagaId, aborted.stepId, aborted.getMessage());
                runOutside = aborted.stepId;
            }
        }
    }

    /**
     * Goes on with a locked saga as far as it can in the current transaction. Each next step whose handler is
     * {@link StepHandler#transactional transactional} runs right here, its outcome recorded in the same transaction;
     * the first other step (or {@code runOutside}) is claimed under a lease and returned, to run outside, when
     * {@code claimOutside}; otherwise the saga is left due with it ({@link Next#outsideDue}).
     */
    private Next work(Saga saga, Saga.Work done, StepOutcome outcome, UUID runOutside, boolean claimOutside,
                      Instant now, TransactionStatus status) {
        SagaView before = saga.view();
        if (done != null && !saga.record(done, outcome, now)) {
            log.warn("Saga {} step {}: the lease ran out before the outcome {} came back; another runner has taken "
                    + "the step over, this outcome is dropped", done.sagaId(), done.step().id, outcome);
            return new Next(true, null, null, 0, false);
        }
        int calls = 0;
        boolean unsaved = done != null;
        // a step claimed and recorded here, or a waiting step timed out, leaves the saga due again at once
        for (int turn = 0; turn <= 3 * saga.steps.size() + 2; turn++) {
            Optional<Saga.Work> claimable = saga.claimable(now);
            if (claimable.isPresent() && !runsInside(saga, claimable.get(), runOutside)) {
                if (!claimOutside) {
                    if (unsaved) {
                        changes.saved(saga, before, null);
                    }
                    return new Next(true, null, null, calls, true);
                }
                Saga.Work work = saga.claim(now, properties.lease()).orElseThrow();
                changes.saved(saga, before, null);
                return new Next(true, work, context(saga, work), calls, false);
            }
            Optional<Saga.Work> work = saga.claim(now, properties.lease());
            unsaved = true;
            if (work.isEmpty()) {
                if (saga.due(now)) {
                    continue;
                }
                break;
            }
            StepContext context = context(saga, work.get());
            StepOutcome local = callInside(handlers.of(context.type()).orElseThrow(), work.get().direction(),
                    context, status);
            calls++;
            saga.record(work.get(), local, now);
            if (saga.state != before.state()) {
                // every change of the saga's state is audited (and its end announced) in its own save, as before
                before = changes.saved(saga, before, null);
                unsaved = false;
            }
        }
        if (unsaved) {
            changes.saved(saga, before, null);
        }
        return new Next(true, null, null, calls, false);
    }

    /** Whether the claimable step runs in the runner's transaction: its handler says so, and it is not to run outside. */
    private boolean runsInside(Saga saga, Saga.Work claimable, UUID runOutside) {
        SagaStep step = claimable.step();
        Optional<StepHandler> handler = handlers.of(step.type);
        return handler.isPresent() && !step.id.equals(runOutside) && handler.get().transactional(
                new StepContext(saga.id, step.id, saga.reference, step.type, step.payload, saga.nextAttempt(claimable)));
    }

    /** A transactional step's handler, in the runner's transaction: any trouble rolls that back (see advance). */
    private StepOutcome callInside(StepHandler handler, Saga.Direction direction, StepContext context,
                                   TransactionStatus status) {
        StepOutcome outcome;
        try {
            outcome = direction == Saga.Direction.EXECUTE ? handler.execute(context) : handler.compensate(context);
        } catch (RuntimeException failure) {
            throw new TransactionalStepAborted(context, "threw " + failure);
        }
        if (outcome == null || status.isRollbackOnly()) {
            throw new TransactionalStepAborted(context, outcome == null ? "answered nothing"
                    : "a failure inside it marked the transaction rollback-only");
        }
        return outcome;
    }

    private static StepContext context(Saga saga, Saga.Work work) {
        return new StepContext(saga.id, work.step().id, saga.reference, work.step().type, work.step().payload,
                work.step().attempts);
    }

    private StepOutcome call(Saga.Direction direction, StepContext context) {
        Optional<StepHandler> handler = handlers.of(context.type());
        if (handler.isEmpty()) {
            return StepOutcome.fail("no handler for step type " + context.type());
        }
        try {
            StepOutcome outcome = direction == Saga.Direction.EXECUTE ? handler.get().execute(context)
                    : handler.get().compensate(context);
            return outcome != null ? outcome : StepOutcome.fail("handler " + context.type() + " answered nothing");
        } catch (RuntimeException failure) {
            log.warn("Saga {} step {} ({}, {}) attempt {} threw; retried like a retryable failure", context.sagaId(),
                    context.stepId(), context.type(), direction, context.attempt(), failure);
            // its kind only: the reason reaches the order item's stateReason, which the partner reads, and an
            // exception's text names our statements and tables; the whole of it is in the log just written
            return StepOutcome.retry(FailureKind.of(failure) + " (details in the orchestration service's log under"
                    + " saga " + context.sagaId() + ")");
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    /**
     * What a runner transaction left of a saga: {@code found} false when there was none; a claimed step to run
     * outside ({@code work}, null when none); the handler calls made inside; {@code outsideDue} when a step to run
     * outside is due but was not claimed (a batch claims one at most).
     */
    private record Next(boolean found, Saga.Work work, StepContext context, int calls, boolean outsideDue) {
    }

    /**
     * What a batch transaction left: {@code found} false when no saga was due; the one step it claimed to run
     * outside; the sagas to go on with one by one after the commit; the handler calls made inside.
     */
    private record Batch(boolean found, Next claimed, List<FollowUp> followUps, int calls) {
    }

    /** A saga of a batch to go on with on its own, with the step that must run outside ({@code null}: its due one). */
    private record FollowUp(UUID sagaId, UUID stepToRunOutside) {
    }

    /** Work on a saga failed (not a step's handler, whose failures are outcomes) and rolled its batch back. */
    private static final class SagaFailed extends RuntimeException {

        private final UUID sagaId;

        SagaFailed(UUID sagaId, RuntimeException failure) {
            super(failure.getMessage(), failure);
            this.sagaId = sagaId;
        }
    }

    /** A transactional step that could not complete in the runner's transaction, which is rolled back. */
    private static final class TransactionalStepAborted extends RuntimeException {

        private final UUID sagaId;
        private final UUID stepId;

        TransactionalStepAborted(StepContext context, String why) {
            super(why, null, false, false);
            this.sagaId = context.sagaId();
            this.stepId = context.stepId();
        }
    }
}
