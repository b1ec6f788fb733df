package io.accord.catalog.importjob;

import io.accord.contracts.value.PartnerId;

import java.time.Instant;
import java.util.UUID;

/**
 * An import job as stored: what was uploaded, how to import it, and how far the runner is. The runner moves it
 * through its phases with the guarded transitions below; each returns the job's next state or throws.
 *
 * @param owner     the partner whose offerings the rows are, or {@code null} for the CSP's own offerings
 * @param nextRow   the checkpoint: the first row (1-based) of the current phase not yet done
 * @param totalRows the rows in the file, known after the {@code COUNT} phase
 * @param attempts  runs in a row that ended in an unexpected error since the job last moved on (a chunk done)
 */
record ImportJob(UUID id, PartnerId owner, FileFormat format, ImportMode mode, boolean dryRun, JobStatus status,
                 ImportPhase phase, int nextRow, Integer totalRows, String fileName, String contentType,
                 long fileSize, int attempts, String errorLog, String createdBy, Instant creationDate,
                 Instant completionDate, Instant lastUpdate) {

    static ImportJob submitted(UUID id, PartnerId owner, FileFormat format, ImportMode mode, boolean dryRun,
                               String fileName, String contentType, String createdBy, Instant now) {
        return new ImportJob(id, owner, format, mode, dryRun, JobStatus.NOT_STARTED, ImportPhase.COUNT, 1, null,
                fileName, contentType, 0, 0, null, createdBy, now, null, now);
    }

    /** After the count pass: validate first (dry run, all-or-nothing), or write straight away. */
    ImportJob counted(int rows, Instant now) {
        require(ImportPhase.COUNT);
        ImportPhase next = dryRun || mode == ImportMode.allOrNothing ? ImportPhase.VALIDATE : ImportPhase.WRITE;
        return with(JobStatus.RUNNING, next, 1, rows, 0, null, null, now);
    }

    ImportJob advancedTo(int nextRow, Instant now) {
        requireNotEnded();
        if (phase != ImportPhase.VALIDATE && phase != ImportPhase.WRITE) {
            throw new IllegalStateException("job " + id + " is not processing rows but " + phase);
        }
        if (nextRow < this.nextRow) {
            throw new IllegalStateException("job " + id + " cannot go back from row " + this.nextRow);
        }
        return with(JobStatus.RUNNING, phase, nextRow, totalRows, 0, null, null, now);
    }

    /** The end of the validation pass: a dry run ends; all-or-nothing writes only if no row was invalid. */
    ImportJob validated(long invalidRows, Instant now) {
        require(ImportPhase.VALIDATE);
        if (dryRun) {
            return with(JobStatus.SUCCEEDED, ImportPhase.DONE, nextRow, totalRows, 0,
                    invalidRows == 0 ? null : invalidRows + " of " + totalRows + " rows are invalid (dry run)", now,
                    now);
        }
        if (invalidRows > 0) {
            return with(JobStatus.FAILED, ImportPhase.DONE, nextRow, totalRows, 0, invalidRows + " of " + totalRows
                    + " rows are invalid; nothing was imported (allOrNothing)", now, now);
        }
        return with(JobStatus.RUNNING, ImportPhase.WRITE, 1, totalRows, 0, null, null, now);
    }

    ImportJob written(long invalidRows, Instant now) {
        require(ImportPhase.WRITE);
        String log = invalidRows == 0 ? null : invalidRows + " of " + totalRows + " rows are invalid and were not"
                + " imported" + (mode == ImportMode.allOrNothing ? " (they changed after the validation pass)" : "");
        JobStatus end = mode == ImportMode.allOrNothing && invalidRows > 0 ? JobStatus.FAILED : JobStatus.SUCCEEDED;
        return with(end, ImportPhase.DONE, nextRow, totalRows, 0, log, now, now);
    }

    /** The file cannot be read: nothing of it is imported. Only before the write phase. */
    ImportJob unreadable(String reason, Instant now) {
        requireNotEnded();
        return with(JobStatus.FAILED, ImportPhase.DONE, nextRow, totalRows, attempts, reason, now, now);
    }

    /**
     * A run ended in an unexpected error (not a bad row, not an unreadable file): counted, the job stays at its
     * checkpoint to be run again, and after {@code maxAttempts} such runs in a row it is FAILED where it stands
     * (its phase and checkpoint kept, so its progress shows how far it got).
     *
     * @param reason what the owner may read of the error: its kind, never its message
     */
    ImportJob attemptFailed(String reason, int maxAttempts, Instant now) {
        requireNotEnded();
        int failed = attempts + 1;
        if (failed < maxAttempts) {
            return with(status, phase, nextRow, totalRows, failed, reason, null, now);
        }
        return with(JobStatus.FAILED, phase, nextRow, totalRows, failed, "stopped after " + failed
                + " failed attempts at row " + nextRow + ": " + reason, now, now);
    }

    /**
     * Whether the job stopped after its attempts at an unexpected error (its phase and checkpoint kept), not at the
     * end of its file: such a job is resumed once the cause is fixed.
     */
    boolean resumable() {
        return status == JobStatus.FAILED && phase != ImportPhase.DONE;
    }

    /** A job FAILED after its attempts goes on from its checkpoint, with a fresh count of attempts. */
    ImportJob resumed(Instant now) {
        if (!resumable()) {
            throw new IllegalStateException("job " + id + " is " + status.label() + " in phase " + phase
                    + "; only a job that failed after its attempts is resumed");
        }
        return with(phase == ImportPhase.COUNT ? JobStatus.NOT_STARTED : JobStatus.RUNNING, phase, nextRow, totalRows,
                0, null, null, now);
    }

    /** Rows done in the current phase (or in the phase it stopped in, after failed attempts). */
    int rowsDone() {
        return phase == ImportPhase.DONE ? totalRows == null ? 0 : totalRows : nextRow - 1;
    }

    private void require(ImportPhase expected) {
        requireNotEnded();
        if (phase != expected) {
            throw new IllegalStateException("job " + id + " is in phase " + phase + ", not " + expected);
        }
    }

    private void requireNotEnded() {
        if (phase == ImportPhase.DONE || status.finished()) {
            throw new IllegalStateException("job " + id + " has ended");
        }
    }

    private ImportJob with(JobStatus status, ImportPhase phase, int nextRow, Integer totalRows, int attempts,
                           String errorLog, Instant completionDate, Instant now) {
        return new ImportJob(id, owner, format, mode, dryRun, status, phase, nextRow, totalRows, fileName,
                contentType, fileSize, attempts, errorLog, createdBy, creationDate, completionDate, now);
    }
}
