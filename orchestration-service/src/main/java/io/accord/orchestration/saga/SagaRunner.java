package io.accord.orchestration.saga;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
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
            Claim claim = transactions.execute(status -> claimNext());
            if (claim == null || !claim.found()) {
                return calls;
            }
            if (claim.work().isPresent()) {
                run(claim.work().get(), claim.context());
                calls++;
            }
        }
    }

    private Claim claimNext() {
        Optional<Saga> due = sagas.lockDue(clock.instant());
        if (due.isEmpty()) {
            return new Claim(false, Optional.empty(), null);
        }
        Saga saga = due.get();
        SagaView before = saga.view();
        Optional<Saga.Work> work = saga.claim(clock.instant(), properties.lease());
        changes.saved(saga, before, null);
        return new Claim(true, work, work.map(claimed -> new StepContext(saga.id, claimed.step().id, saga.reference,
                claimed.step().type, claimed.step().payload, claimed.step().attempts)).orElse(null));
    }

    private void run(Saga.Work work, StepContext context) {
        StepOutcome outcome = call(work.direction(), context);
        transactions.executeWithoutResult(status -> {
            Saga saga = sagas.lock(work.sagaId()).orElseThrow();
            SagaView before = saga.view();
            if (saga.record(work, outcome, clock.instant())) {
                changes.saved(saga, before, null);
            } else {
                log.warn("Saga {} step {}: the lease ran out before the outcome {} came back; another runner has "
                        + "taken the step over, this outcome is dropped", work.sagaId(), context.stepId(), outcome);
            }
        });
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

    private record Claim(boolean found, Optional<Saga.Work> work, StepContext context) {
    }
}
