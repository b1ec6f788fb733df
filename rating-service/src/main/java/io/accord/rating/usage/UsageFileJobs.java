package io.accord.rating.usage;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.csv.CsvCells;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.upload.SpooledBody;
import io.accord.platform.upload.UploadSpool;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CDR file uploads as jobs: the body is streamed into PostgreSQL (never held in memory), its header checked, and the
 * job either run during the request (a small file) or left to {@link UsageFileRunner} (202). A partner sees its own
 * jobs, staff all.
 */
class UsageFileJobs {

    private static final Logger log = LoggerFactory.getLogger(UsageFileJobs.class);

    private final UsageFileStore store;
    private final UsageFileRunner runner;
    private final UsageSubmissions submissions;
    private final UsageFileProperties properties;
    private final TransactionTemplate transactions;
    private final Tenancy tenancy;
    private final JsonMapper json;
    private final Clock clock;
    private final UploadSpool spool;
    private final AuditTrail audit;

    UsageFileJobs(UsageFileStore store, UsageFileRunner runner, UsageSubmissions submissions,
                  UsageFileProperties properties, TransactionTemplate transactions, Tenancy tenancy, JsonMapper json,
                  Clock clock, UploadSpool spool, AuditTrail audit) {
        this.store = store;
        this.runner = runner;
        this.submissions = submissions;
        this.properties = properties;
        this.transactions = transactions;
        this.tenancy = tenancy;
        this.json = json;
        this.clock = clock;
        this.spool = spool;
        this.audit = audit;
    }

    /** The job after its upload, and whether it already ran to its end (the file was small). */
    record Upload(UsageFileJob job, boolean processed) {
    }

    /**
     * @param async the client asked for the background even for a small file ({@code Prefer: respond-async})
     * @throws InvalidInputException          an empty file, or a header without a required column (nothing kept)
     * @throws MaxUploadSizeExceededException a file over the maximum size (nothing kept)
     */
    Upload upload(InputStream body, String fileName, boolean async) {
        UsageSubmissions.Submitter submitter = submissions.caller();
        UUID id = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // the file is received before the job's transaction begins: the client's pace holds no connection
        try (SpooledBody file = spool.receive(body, properties.maxSize().toBytes(),
                MaxUploadSizeExceededException::new)) {
            return upload(file, submitter, id, token, fileName, now, async);
        }
    }

    private Upload upload(SpooledBody file, UsageSubmissions.Submitter submitter, UUID id, UUID token,
                          String fileName, Instant now, boolean async) {
        long size = transactions.execute(status -> {
            store.create(UsageFileJob.queued(id, submitter, fileName, 0, now), token, properties.lease());
            long copied;
            try (InputStream received = file.open()) {
                copied = copy(received, store.files().writer(id));
            } catch (IOException unclosable) {
                throw new UncheckedIOException(unclosable);
            }
            if (copied == 0) {
                throw new InvalidInputException("file", "the file is empty; it needs a header row");
            }
            try (InputStream stored = store.files().reader(id)) {
                UsageFileReader.open(stored, submitter.ownSource(), json); // the header, checked before we answer
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            store.sized(id, copied);
            return copied;
        });
        boolean inline = !async && size <= properties.inlineMaxSize().toBytes();
        if (inline) {
            runner.run(id, token, Integer.MAX_VALUE);
        } else {
            transactions.executeWithoutResult(status -> store.release(id, token));
            runner.poll();
        }
        UsageFileJob job = store.find(id, UsageFileStore.EVERYONE).orElseThrow();
        return new Upload(job, job.done());
    }

    /** The received file into the job's chunks; its size and the client were dealt with when it was received. */
    private static long copy(InputStream received, OutputStream target) {
        try (OutputStream out = target) {
            return received.transferTo(out);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Queues a FAILED job again (after its cause is fixed): a runner goes on from its checkpoint, so no row is read
     * twice. Audited.
     *
     * @throws NotFoundException a job the caller may not see
     * @throws ConflictException a job that is not FAILED
     */
    UsageFileJob resume(UUID id) {
        UsageFileJob resumed = change(id, "RESUME", job -> {
            if (job.state() != UsageFileJob.State.FAILED) {
                throw new ConflictException("usage file job " + id + " is " + job.state()
                        + "; only a FAILED job is resumed");
            }
            return job.resumed();
        });
        runner.poll();
        return resumed;
    }

    /**
     * Stops a job that is not COMPLETED for good at its checkpoint (a runner working on it stops before its next
     * chunk) and deletes its stored file: the rows read stay done (rated, in suspense, ...), the rest are never read.
     * Audited.
     *
     * @throws NotFoundException a job the caller may not see
     * @throws ConflictException a job already COMPLETED or CANCELLED
     */
    UsageFileJob cancel(UUID id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return change(id, "CANCEL", job -> {
            if (job.state() == UsageFileJob.State.COMPLETED || job.state() == UsageFileJob.State.CANCELLED) {
                throw new ConflictException("usage file job " + id + " is " + job.state() + "; it cannot be cancelled");
            }
            store.files().delete(id);
            return job.cancelled(now);
        });
    }

    /**
     * Cancels the FAILED jobs nobody resumed or cancelled within {@code failed-retention} (default 30 days) and
     * deletes their stored files (up to 2 GB each): a job failed that long ago is not coming back, and its file
     * would stay in PostgreSQL for ever. The rows it read stay done, as for a cancel; audited as {@code EXPIRE} by
     * the system. Once cluster-wide (ShedLock), each job in a transaction of its own.
     */
    @Scheduled(fixedDelayString = "${accord.rating.usage-files.expiry-interval:1h}",
            initialDelayString = "${accord.rating.usage-files.expiry-initial-delay:1m}")
    @SchedulerLock(name = "rating-usage-file-expiry")
    void expireFailed() {
        Instant cutoff = clock.instant().minus(properties.failedRetention());
        List<UUID> due;
        do {
            due = store.failedBefore(cutoff, 100);
            for (UUID id : due) {
                try {
                    change(id, "EXPIRE", UsageFileStore.EVERYONE, job -> {
                        UsageFileJob expired = job.expired(cutoff, clock.instant().truncatedTo(ChronoUnit.MICROS));
                        store.files().delete(id);
                        return expired;
                    });
                    log.info("Usage file job {} failed before {} and was never resumed: cancelled, its file deleted",
                            id, cutoff);
                } catch (IllegalStateException resumedMeanwhile) {
                    log.info("Usage file job {} was changed since it was found expired; left as it is", id);
                }
            }
        } while (due.size() == 100);
    }

    /** A user's change of a job, under its row lock (after any chunk in flight), its lease taken from any runner. */
    private UsageFileJob change(UUID id, String action, java.util.function.UnaryOperator<UsageFileJob> change) {
        return change(id, action, visibleOwner(), change);
    }

    private UsageFileJob change(UUID id, String action, String owner,
                                java.util.function.UnaryOperator<UsageFileJob> change) {
        return transactions.execute(status -> {
            UsageFileJob before = store.lockForChange(id, owner)
                    .orElseThrow(() -> new NotFoundException("UsageFileJob", id));
            UsageFileJob after = change.apply(before);
            store.clearLease(id);
            store.update(after, clock.instant().truncatedTo(ChronoUnit.MICROS));
            audit.record(before.owner().isEmpty() ? null : PartnerId.of(before.owner()), "UsageFileJob",
                    id.toString(), action, audited(before), audited(after));
            return after;
        });
    }

    private static Map<String, Object> audited(UsageFileJob job) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", job.state().name());
        state.put("rowsRead", job.rowsRead());
        state.put("attempts", job.attempts());
        state.put("failure", job.failure());
        return state;
    }

    Optional<UsageFileJob> find(UUID id) {
        return store.find(id, visibleOwner());
    }

    /** The caller's jobs (staff: all), of one state if given, newest first. */
    org.springframework.data.domain.Page<UsageFileJob> list(UsageFileJob.State state,
                                                            org.springframework.data.domain.Pageable page) {
        return store.page(visibleOwner(), state, page);
    }

    /** Writes the job's row errors as CSV, page by page from the database: never all in memory. */
    void writeErrors(UUID id, OutputStream out) throws IOException {
        out.write("row,line,outcome,usageId,field,reason,detail\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long after = 0;
        while (true) {
            List<UsageFileStore.RowError> page = store.errors(id, after, 5_000);
            StringBuilder text = new StringBuilder();
            for (UsageFileStore.RowError error : page) {
                text.append(error.row()).append(',').append(error.line()).append(',').append(error.outcome())
                        // a value a spreadsheet would run as a formula gets a leading quote mark (partners' texts)
                        .append(',').append(CsvCells.text(error.usageId()))
                        .append(',').append(CsvCells.text(error.field()))
                        .append(',').append(CsvCells.text(error.reason()))
                        .append(',').append(CsvCells.text(error.detail())).append("\r\n");
                after = error.row();
            }
            out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (page.size() < 5_000) {
                return;
            }
        }
    }

    /** Staff see every job ({@code *}); a partner its own; anyone else none. */
    private String visibleOwner() {
        if (tenancy.isStaff()) {
            return UsageFileStore.EVERYONE;
        }
        return tenancy.partnerId().map(PartnerId::toString).orElse("\u0000none");
    }
}
