package io.accord.rating.usage;

import io.accord.platform.problem.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs CDR file jobs, each once cluster-wide: a runner takes a job under a lease (row claim in PostgreSQL,
 * {@code FOR UPDATE SKIP LOCKED}), streams the stored file from its checkpoint and submits it chunk by chunk through
 * {@link UsageSubmissions} (the TMF635 batch path: the usage ledger, its duplicate index, accumulators and rollups).
 * Each chunk's ledger writes, row errors and the job's checkpoint commit in one transaction, and only while the lease
 * is held and the checkpoint is where this run left it; so after a crash another runner (or this one after a
 * restart) resumes at the checkpoint once the lease has expired, and no row is submitted twice.
 */
class UsageFileRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsageFileRunner.class);

    private final UsageFileStore store;
    private final UsageSubmissions submissions;
    private final UsageFileProperties properties;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("rating-usage-files").daemon().factory());
    private final AtomicBoolean working = new AtomicBoolean();
    private volatile boolean stopping;

    UsageFileRunner(UsageFileStore store, UsageSubmissions submissions, UsageFileProperties properties,
                    TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.store = store;
        this.submissions = submissions;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Only triggers: the jobs run on the runner's own thread, so a long file never holds the scheduler. */
    @Scheduled(fixedDelayString = "${accord.rating.usage-files.poll-interval:1s}")
    void poll() {
        if (!properties.runnerEnabled() || stopping || working.get()) {
            return;
        }
        try {
            thread.execute(this::runDueJobs);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Usage file runner is shutting down");
        }
    }

    private void runDueJobs() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            while (!stopping) {
                UUID token = UUID.randomUUID();
                Optional<UUID> job = transactions.execute(status -> store.claimNext(token, properties.lease()));
                if (job == null || job.isEmpty()) {
                    return;
                }
                run(job.get(), token, Integer.MAX_VALUE);
            }
        } catch (RuntimeException failure) {
            log.error("Usage file runner failed; it runs again at the next poll", failure);
        } finally {
            working.set(false);
        }
    }

    /**
     * Runs a job this caller holds the lease of ({@code token}) for at most {@code chunkBudget} chunks, then lets it
     * go where it is (lease released): the next run resumes at the checkpoint. The upload runs a small file to its
     * end this way; tests stop a job half-way with a budget.
     */
    void run(UUID job, UUID token, int chunkBudget) {
        try {
            new JobRun(job, token, chunkBudget).run();
        } catch (LeaseLost lost) {
            log.warn("Usage file job {} was cancelled or taken over by another runner; this one stops", job);
        } finally {
            try {
                transactions.executeWithoutResult(status -> store.release(job, token));
            } catch (RuntimeException unreleased) {
                log.warn("Usage file job {}: lease not released, it expires on its own", job, unreleased);
            }
        }
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
        private int budget;

        JobRun(UUID id, UUID token, int budget) {
            this.id = id;
            this.token = token;
            this.budget = budget;
        }

        void run() {
            UsageFileJob job = step(current -> current.started(now()), null);
            try (InputStream file = store.files().reader(id)) {
                UsageFileReader reader = UsageFileReader.open(file, job.ownSource(), json);
                reader.skip(job.rowsRead());
                while (budget > 0 && !stopping) {
                    List<UsageFileReader.Row> rows = reader.next(properties.chunkRows());
                    if (rows.isEmpty()) {
                        UsageFileJob completed = step(current -> current.completed(now()), job.rowsRead());
                        transactions.executeWithoutResult(status -> store.files().delete(id));
                        log.info("Usage file job {} completed: {} rows, {} rated, {} suspended, {} duplicates,"
                                        + " {} invalid", id, completed.rowsRead(), completed.rated(),
                                completed.suspended(), completed.duplicates(), completed.invalid());
                        return;
                    }
                    job = submit(job, rows);
                    budget--;
                }
            } catch (LeaseLost lost) {
                throw lost;
            } catch (IOException | RuntimeException | Error failure) {
                // not a bad row (those are reported per row) but an outage or a defect: retried a few times. An Error
                // counts as an attempt too: on 2026-12-06 a row's quantity made BigDecimal throw OutOfMemoryError,
                // which passed by this, left the job RUNNING with no attempt counted, and the runner took it again
                // every second while every other job waited
                log.error("Usage file job {} failed at row {}", id, job.rowsRead() + 1, failure);
                String reason = FailureKind.describe(failure, "rating");
                try {
                    long at = job.rowsRead();
                    UsageFileJob failed = step(current -> current.attemptFailed(reason, properties.maxAttempts(),
                            now()), at);
                    // the next attempt waits twice as long each time (any runner may take it then)
                    if (!failed.done()) {
                        transactions.executeWithoutResult(status -> store.backOff(id, token,
                                properties.backoffAfter(failed.attempts())));
                    }
                } catch (RuntimeException unrecorded) {
                    log.warn("Usage file job {}: the failed attempt could not be recorded", id, unrecorded);
                }
            }
        }

        /** Submits one chunk; its row errors and the job's new checkpoint commit in the ledger's transaction. */
        private UsageFileJob submit(UsageFileJob job, List<UsageFileReader.Row> rows) {
            List<TmfUsageInput.Read> reads = new ArrayList<>(rows.size());
            for (UsageFileReader.Row row : rows) {
                reads.add(row.read());
            }
            UsageFileJob[] advanced = new UsageFileJob[1];
            submissions.submitRead(reads, job.submitter(), results -> {
                UsageFileJob locked = locked(job.rowsRead());
                long[] counts = new long[4];
                List<UsageFileStore.RowError> errors = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    UsageSubmissions.Result result = results.get(i);
                    counts[result.outcome().ordinal()]++;
                    if (result.outcome() != UsageSubmissions.Outcome.RATED) {
                        UsageFileReader.Row row = rows.get(i);
                        // a duplicate of an earlier row of the same chunk names that row
                        String detail = result.original() != null && result.original().index() != null
                                ? result.detail() + "; the first copy, which is taken, is row "
                                        + rows.get(result.original().index()).number()
                                : result.detail();
                        errors.add(new UsageFileStore.RowError(row.number(), row.line(), result.outcome().name(),
                                result.usageId() != null ? result.usageId() : row.usageId(),
                                UsageFileReader.column(result.field()), result.reason(), detail));
                    }
                }
                store.saveErrors(id, errors);
                advanced[0] = locked.advanced(rows.size(), counts[0], counts[1], counts[2], counts[3]);
                store.update(advanced[0], now());
            });
            return advanced[0];
        }

        /**
         * Applies a change to the job in its own transaction, under the lease, at the checkpoint expected
         * ({@code null}: wherever it is, when a run starts).
         */
        private UsageFileJob step(java.util.function.UnaryOperator<UsageFileJob> change, Long rowsRead) {
            return transactions.execute(status -> {
                UsageFileJob next = change.apply(rowsRead == null ? lockedAnywhere() : locked(rowsRead));
                store.update(next, now());
                return next;
            });
        }

        /** The job locked under this run's lease (renewed), at the start: wherever its checkpoint is. */
        private UsageFileJob lockedAnywhere() {
            return store.lockLeased(id, token, properties.lease()).orElseThrow(LeaseLost::new);
        }

        /** The job locked under this run's lease, if its checkpoint is where this run left it. */
        private UsageFileJob locked(long rowsRead) {
            UsageFileJob locked = lockedAnywhere();
            if (locked.rowsRead() != rowsRead) {
                throw new LeaseLost();
            }
            return locked;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** This run no longer holds the job: another runner took it over after the lease expired. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
