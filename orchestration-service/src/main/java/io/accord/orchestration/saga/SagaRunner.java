package io.accord.orchestration.saga;

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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs due saga steps. Safe with several replicas and several threads: a step is claimed in a short transaction
 * that locks its saga's row ({@code FOR UPDATE SKIP LOCKED}, so concurrent runners take different sagas) and
 * records a lease on it; the handler then runs outside any transaction, and its outcome is recorded only if the
 * lease is still this runner's. A runner that dies mid-step leaves the step RUNNING under a lease that expires;
 * the next runner resumes it as a new attempt. No step runs twice at the same time.
 *
 * <p>The schedule only triggers; the steps run on the runner's own threads, so a slow partner system delays
 * sagas, never the outbox relay on the shared scheduler thread.
 */
@Component
class SagaRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SagaRunner.class);

    private final SagaRepository sagas;
    private final SagaChanges changes;
    private final StepHandlers handlers;
    private final SagaProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService threads;
    private final AtomicInteger busy = new AtomicInteger();

    SagaRunner(SagaRepository sagas, SagaChanges changes, StepHandlers handlers, SagaProperties properties,
               PlatformTransactionManager transactionManager, Clock clock) {
        this.sagas = sagas;
        this.changes = changes;
        this.handlers = handlers;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
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

    /** Works due steps until none is left; returns how many handler calls it made. */
    int runDue() {
        int calls = 0;
        while (true) {
            Next next = advance(null, null, null);
            if (!next.found()) {
                return calls;
            }
            calls += next.calls();
            while (next.work() != null) {
                Saga.Work work = next.work();
                StepOutcome outcome = call(work.direction(), next.context());
                calls++;
                next = advance(work.sagaId(), work, outcome);
                calls += next.calls();
            }
        }
    }

    /**
     * One transaction of the runner on one saga (a due one when {@code sagaId} is null): records the outcome of the
     * step run outside (if any, and only under its own lease), then goes on as far as it can. Each next step whose
     * handler is {@link StepHandler#transactional transactional} runs right here, its outcome recorded in the same
     * transaction; the first other step is claimed under a lease and returned, to run outside. A transactional
     * step that throws, or leaves the transaction rollback-only, rolls the whole transaction back; it is then done
     * again with that step claimed for a run outside instead, as any other step.
     */
    private Next advance(UUID sagaId, Saga.Work done, StepOutcome outcome) {
        UUID runOutside = null;
        UUID target = sagaId;
        while (true) {
            try {
                UUID outside = runOutside;
                UUID locked = target;
                return transactions.execute(status -> advanceLocked(locked, done, outcome, outside, status));
            } catch (TransactionalStepAborted aborted) {
                log.debug("Saga {} step {} did not complete in the runner's transaction ({}); it runs on its own",
                        aborted.sagaId, aborted.stepId, aborted.getMessage());
                runOutside = aborted.stepId;
                target = aborted.sagaId;
            }
        }
    }

    private Next advanceLocked(UUID sagaId, Saga.Work done, StepOutcome outcome, UUID runOutside,
                               TransactionStatus status) {
        Instant now = clock.instant();
        Optional<Saga> found = sagaId == null ? sagas.lockDue(now) : sagas.lock(sagaId);
        if (found.isEmpty()) {
            return new Next(sagaId != null, null, null, 0);
        }
        Saga saga = found.get();
        SagaView before = saga.view();
        if (done != null && !saga.record(done, outcome, now)) {
            log.warn("Saga {} step {}: the lease ran out before the outcome {} came back; another runner has taken "
                    + "the step over, this outcome is dropped", done.sagaId(), done.step().id, outcome);
            return new Next(true, null, null, 0);
        }
        int calls = 0;
        boolean unsaved = true;
        // a step claimed and recorded here, or a waiting step timed out, leaves the saga due again at once
        for (int turn = 0; turn <= 3 * saga.steps.size() + 2; turn++) {
            Optional<Saga.Work> work = saga.claim(now, properties.lease());
            unsaved = true;
            if (work.isEmpty()) {
                if (saga.due(now)) {
                    continue;
                }
                break;
            }
            StepContext context = context(saga, work.get());
            Optional<StepHandler> handler = handlers.of(context.type());
            if (handler.isEmpty() || context.stepId().equals(runOutside) || !handler.get().transactional(context)) {
                changes.saved(saga, before, null);
                return new Next(true, work.get(), context, calls);
            }
            StepOutcome local = callInside(handler.get(), work.get().direction(), context, status);
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
        return new Next(true, null, null, calls);
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
            return StepOutcome.retry(failure.getMessage() != null ? failure.getMessage()
                    : failure.getClass().getSimpleName());
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
     * What a runner transaction left: {@code found} false when no saga was due; a claimed step to run outside
     * ({@code work}, null when none); the handler calls made inside.
     */
    private record Next(boolean found, Saga.Work work, StepContext context, int calls) {
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
