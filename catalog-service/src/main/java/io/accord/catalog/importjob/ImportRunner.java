package io.accord.catalog.importjob;

import io.accord.platform.problem.FailureKind;
import io.accord.platform.security.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs import jobs in the background, each once cluster-wide: a runner takes a job with a lease (row claim in
 * PostgreSQL, {@code FOR UPDATE SKIP LOCKED}), streams the stored file and imports it chunk by chunk. Each chunk's
 * offerings, row results and the job's checkpoint ({@code next_row}) commit in one transaction, under the job's row
 * lock and only while the lease is held; so after a crash another runner (or this one after a restart) resumes
 * at the checkpoint when the lease has expired, and no row is imported twice. A run that ends in an unexpected error
 * (an outage, a deadlock, a defect) is counted on the job, which any runner takes again from its checkpoint after a
 * back-off; after {@code max-attempts} such runs in a row the job is FAILED.
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobStore store;
    private final RowImporter importer;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Tenancy tenancy;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("catalog-import").daemon().factory());
    private final ReentrantLock working = new ReentrantLock();
    private volatile boolean paused;
    private volatile boolean stopping;

    ImportRunner(ImportJobStore store, RowImporter importer, ImportProperties properties,
                 PlatformTransactionManager transactionManager, Clock clock, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.store = store;
        this.importer = importer;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Only triggers: the jobs run on the runner's own thread, so a long import never holds the scheduler. */
    @Scheduled(fixedDelayString = "${accord.catalog.import.poll-interval:1s}")
    void poll() {
        if (!properties.runnerEnabled() || paused || stopping || working.isLocked()) {
            return;
        }
        try {
            thread.execute(this::runDueJobs);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Import runner is shutting down");
        }
    }

    private void runDueJobs() {
        if (!working.tryLock()) {
            return;
        }
        try {
            while (!paused && !stopping) {
                UUID token = UUID.randomUUID();
                Optional<UUID> job = transactions.execute(status -> store.claimNext(token, properties.lease()));
                if (job == null || job.isEmpty()) {
                    return;
                }
                runClaimed(job.get(), token, Integer.MAX_VALUE, true);
            }
        } catch (RuntimeException failure) {
            log.error("Import runner failed; it runs again at the next poll", failure);
        } finally {
            working.unlock();
        }
    }

    /**
     * Runs one job for at most {@code chunkBudget} chunks, then lets it go (its lease released) where it is: the
     * next run resumes at the checkpoint. The scheduled runner gives no budget; tests stop a job half-way with one.
     *
     * @return whether the job was free to take
     */
    boolean run(UUID job, int chunkBudget) {
        UUID token = UUID.randomUUID();
        if (!Boolean.TRUE.equals(transactions.execute(status -> store.claim(job, token, properties.lease())))) {
            return false;
        }
        runClaimed(job, token, chunkBudget, false);
        return true;
    }

    private void runClaimed(UUID id, UUID token, int chunkBudget, boolean scheduled) {
        try {
            new JobRun(id, token, chunkBudget, scheduled).run();
        } catch (LeaseLost lost) {
            log.warn("Import job {} was taken over by another runner; this one stops", id);
        } finally {
            try {
                transactions.executeWithoutResult(status -> store.release(id, token));
            } catch (RuntimeException unreleased) {
                log.warn("Import job {}: lease not released, it expires on its own", id, unreleased);
            }
        }
    }

    /** Stops this replica taking jobs (and a running one after its current chunk) until {@link #resume()}. */
    void pause() {
        paused = true;
        working.lock();
        working.unlock();
    }

    void resume() {
        paused = false;
    }

    @Override
    public void destroy() {
        stopping = true;
        thread.shutdown();
    }

    /** One runner's turn at one job. */
    private final class JobRun {

        private final UUID id;
        private final UUID token;
        private final boolean scheduled;
        private int budget;
        /** The job as this run last committed it: where a failure is recorded. */
        private ImportJob at;

        JobRun(UUID id, UUID token, int budget, boolean scheduled) {
            this.id = id;
            this.token = token;
            this.budget = budget;
            this.scheduled = scheduled;
        }

        /** Whether to go on with another chunk: within the budget, and this replica not pausing or stopping. */
        private boolean goOn() {
            return budget > 0 && !stopping && !(scheduled && paused);
        }

        void run() {
            at = store.find(id).orElseThrow();
            ImportJob job = at;
            try {
                if (job.phase() == ImportPhase.COUNT) {
                    int rows = count(job);
                    job = inTransaction(locked -> locked.counted(rows, now()), job.phase(), job.nextRow());
                }
                while (job.phase() != ImportPhase.DONE && goOn()) {
                    job = runPhase(job);
                }
            } catch (FileFormatException unreadable) {
                // the file itself: final, and its message is about the partner's own file
                recordEnd(locked -> locked.unreadable(unreadable.getMessage(), now()));
            } catch (LeaseLost lost) {
                throw lost;
            } catch (RuntimeException failure) {
                // not a bad row (those are INVALID results) but an outage or a defect: the chunk in flight rolled
                // back, the job is run again from its checkpoint after a back-off. Its owner (a partner) reads only
                // the kind of error; the error itself, naming our statements and even row values, is logged here.
                log.error("Import job {} failed at row {}", id, at.nextRow(), failure);
                String reason = FailureKind.describe(failure, "catalog");
                ImportJob failed = recordEnd(locked -> locked.attemptFailed(reason, properties.maxAttempts(), now()));
                if (failed != null && !failed.status().finished()) {
                    backOff(failed.attempts());
                }
            }
        }

        /**
         * Writes how the run ended on the job, where this run left it. If even that cannot be written (the database
         * is down), the job stays as it was and is taken again once its lease has expired.
         *
         * @return the job as written, or {@code null} if it could not be
         */
        private ImportJob recordEnd(java.util.function.UnaryOperator<ImportJob> end) {
            try {
                return inTransaction(end, at.phase(), at.nextRow());
            } catch (LeaseLost lost) {
                throw lost;
            } catch (RuntimeException unrecorded) {
                log.warn("Import job {}: how its run ended could not be recorded; its lease expires on its own", id,
                        unrecorded);
                return null;
            }
        }

        /** Lets the job go until the back-off after {@code attempts} failed runs has passed. */
        private void backOff(int attempts) {
            try {
                transactions.executeWithoutResult(status -> store.backOff(id, token,
                        properties.backoffAfter(attempts)));
            } catch (RuntimeException notLetGo) {
                log.warn("Import job {}: not let go for its back-off; its lease expires on its own", id, notLetGo);
            }
        }

        /** Reads the file once through: its rows, each externalId once, and whether it can be read at all. */
        private int count(ImportJob job) {
            Map<String, Integer> seen = new HashMap<>();
            int rows = 0;
            try (ItemReader reader = job.format().reader(store.files().reader(id))) {
                for (ImportItem item = reader.next(); item != null; item = reader.next()) {
                    rows++;
                    String externalId = item.externalId();
                    Integer earlier = externalId == null ? null : seen.putIfAbsent(externalId, item.row());
                    if (earlier != null) {
                        throw new FileFormatException("externalId " + externalId + " is on rows " + earlier + " and "
                                + item.row() + " (line " + item.line() + "); an offering appears once per file"
                                + (job.format() == FileFormat.CSV ? ", its price lines one after the other" : ""));
                    }
                }
            }
            return rows;
        }

        /** Imports chunks of the current phase from its checkpoint, until the phase ends or the budget is spent. */
        private ImportJob runPhase(ImportJob job) {
            ImportPhase phase = job.phase();
            try (ItemReader reader = job.format().reader(store.files().reader(id))) {
                for (int skipped = 1; skipped < job.nextRow(); skipped++) {
                    reader.next();
                }
                while (job.phase() == phase && goOn()) {
                    List<ImportItem> items = new ArrayList<>(properties.chunkRows());
                    ImportItem item = null;
                    while (items.size() < properties.chunkRows() && (item = reader.next()) != null) {
                        items.add(item);
                    }
                    boolean ended = item == null;
                    job = inTransaction(locked -> importChunk(locked, items, ended), phase, job.nextRow());
                    budget--;
                }
            }
            return job;
        }

        private ImportJob importChunk(ImportJob job, List<ImportItem> items, boolean ended) {
            boolean validateOnly = job.phase() == ImportPhase.VALIDATE;
            if (!items.isEmpty()) {
                // on behalf of whoever uploaded the file: the audit trail names them (name and id), and a change of
                // a launched offering it proposes is theirs, which four-eyes keeps them from approving
                List<List<RowResult>> imported = new ArrayList<>(1);
                tenancy.actingAs(job.createdBy(), store.createdById(id),
                        () -> imported.add(importer.importRows(job, items, validateOnly)));
                List<RowResult> results = imported.getFirst();
                store.saveResults(id, results);
                store.addOutcomes(id, results.stream().collect(java.util.stream.Collectors.groupingBy(
                        RowResult::outcome, java.util.stream.Collectors.counting())));
            }
            ImportJob next = job.advancedTo(job.nextRow() + items.size(), now());
            if (ended) {
                long invalid = store.invalidRows(id);
                next = validateOnly ? next.validated(invalid, now()) : next.written(invalid, now());
                if (next.phase() == ImportPhase.WRITE) {
                    store.resetOutcomes(id);
                } else if (validateOnly && !next.dryRun() && next.status() == JobStatus.FAILED) {
                    store.skipValidRows(id);
                }
            }
            return next;
        }

        /**
         * Applies a step to the job in one transaction under its row lock, if this run still holds the lease and the
         * job is where this run left it (phase and checkpoint); else nothing is written and the run stops.
         */
        private ImportJob inTransaction(java.util.function.UnaryOperator<ImportJob> step, ImportPhase phase,
                                        int nextRow) {
            ImportJob done = transactions.execute(status -> {
                ImportJob locked = store.lockLeased(id, token, properties.lease()).orElseThrow(LeaseLost::new);
                if (locked.phase() != phase || locked.nextRow() != nextRow) {
                    throw new LeaseLost();
                }
                ImportJob next = step.apply(locked);
                store.update(next);
                return next;
            });
            at = done;
            return done;
        }
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** This run no longer holds the job: another runner took it over after the lease expired. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
