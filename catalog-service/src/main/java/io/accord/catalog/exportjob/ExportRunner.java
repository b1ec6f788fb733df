package io.accord.catalog.exportjob;

import io.accord.catalog.importjob.CatalogFileWriter;
import io.accord.catalog.importjob.ImportProperties;
import io.accord.catalog.offering.Offerings;
import io.accord.catalog.offering.Owner;
import io.accord.platform.problem.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes export files in the background, each job once cluster-wide: a runner takes a job with a lease (row claim,
 * {@code FOR UPDATE SKIP LOCKED}) and writes the whole file and the job's end in one transaction, streaming the
 * offerings out of the database into stored chunks. A runner that dies leaves nothing behind; the job is written
 * again by the next runner once the lease has expired. A run that ends in an unexpected error (an outage, a defect)
 * leaves nothing behind either: it is counted on the job, which any runner writes again after a back-off, and after
 * {@code accord.catalog.import.max-attempts} such runs in a row the job is FAILED.
 */
@Component
class ExportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    static final Duration LEASE = Duration.ofMinutes(10);

    private final ExportJobStore store;
    private final Offerings offerings;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("catalog-export").daemon().factory());
    private final AtomicBoolean running = new AtomicBoolean();

    ExportRunner(ExportJobStore store, Offerings offerings, ImportProperties properties,
                 PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.offerings = offerings;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.catalog.import.poll-interval:1s}")
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    runDueJobs();
                } catch (RuntimeException failure) {
                    log.error("Export runner failed; it runs again at the next poll", failure);
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            running.set(false);
        }
    }

    private void runDueJobs() {
        while (true) {
            UUID token = UUID.randomUUID();
            Optional<UUID> due = transactions.execute(status -> store.claimNext(token, LEASE));
            if (due == null || due.isEmpty()) {
                return;
            }
            try {
                transactions.executeWithoutResult(status -> write(due.get(), token));
            } catch (RuntimeException failure) {
                attemptFailed(due.get(), token, failure);
            }
        }
    }

    /**
     * Counts a run that ended in an unexpected error (its transaction rolled back: nothing of the file is kept) and
     * lets the job go for its back-off, or fails it after the attempts allowed. Its owner (a partner) reads only the
     * kind of error; the error itself, naming our statements and even row values, is logged under the job's id. If
     * even this cannot be written (the database is down), the job is taken again once its lease has expired.
     */
    private void attemptFailed(UUID id, UUID token, RuntimeException failure) {
        log.error("Export job {} failed", id, failure);
        String reason = FailureKind.describe(failure, "catalog");
        try {
            transactions.executeWithoutResult(status -> {
                if (!store.lockLeased(id, token)) {
                    return;
                }
                ExportJob failed = store.find(id).orElseThrow().attemptFailed(reason, properties.maxAttempts(), now());
                if (failed.status().finished()) {
                    store.finish(failed);
                } else {
                    store.backOff(failed, token, properties.backoffAfter(failed.attempts()));
                }
            });
        } catch (RuntimeException unrecorded) {
            log.warn("Export job {}: the failed run could not be recorded; its lease expires on its own", id,
                    unrecorded);
        }
    }

    private void write(UUID id, UUID token) {
        if (!store.lockLeased(id, token)) {
            return;
        }
        ExportJob job = store.find(id).orElseThrow();
        store.files().delete(id);
        AtomicInteger rows = new AtomicInteger();
        CountingStream counted = new CountingStream(store.files().writer(id));
        try (CatalogFileWriter writer = CatalogFileWriter.of(job.format(), counted)) {
            Owner owner = job.allOwners() ? null
                    : job.owner() == null ? Owner.csp() : Owner.partner(job.owner().value());
            offerings.exportAll(owner, draft -> {
                writer.write(draft);
                rows.incrementAndGet();
            });
        }
        store.finish(job.written(rows.get(), counted.count, now()));
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }

    private static final class CountingStream extends FilterOutputStream {

        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
