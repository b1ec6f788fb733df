package io.accord.catalog.exportjob;

import io.accord.catalog.importjob.FileFormat;
import io.accord.catalog.importjob.JobStatus;
import io.accord.contracts.value.PartnerId;

import java.time.Instant;
import java.util.UUID;

/**
 * An export job: whose offerings, in which format, and its file once written.
 *
 * @param owner     the partner whose offerings are exported, or {@code null} for the CSP's (or everyone's)
 * @param allOwners staff only: every owner's offerings
 * @param attempts  runs in a row that ended in an unexpected error; the job is written again after a back-off
 */
record ExportJob(UUID id, PartnerId owner, boolean allOwners, FileFormat format, JobStatus status, Integer rowCount,
                 Long fileSize, int attempts, String errorLog, String createdBy, Instant creationDate,
                 Instant completionDate, Instant lastUpdate) {

    static ExportJob requested(UUID id, PartnerId owner, boolean allOwners, FileFormat format, String createdBy,
                               Instant now) {
        if (allOwners && owner != null) {
            throw new IllegalArgumentException("an export of all owners names none");
        }
        return new ExportJob(id, owner, allOwners, format, JobStatus.NOT_STARTED, null, null, 0, null, createdBy, now,
                null, now);
    }

    ExportJob written(int rows, long bytes, Instant now) {
        requireUnfinished();
        return new ExportJob(id, owner, allOwners, format, JobStatus.SUCCEEDED, rows, bytes, 0, null, createdBy,
                creationDate, now, now);
    }

    /**
     * A run ended in an unexpected error (nothing of its file was kept): counted, the job is written again later, and
     * after {@code maxAttempts} such runs in a row it is FAILED.
     *
     * @param reason what the owner may read of the error: its kind, never its message
     */
    ExportJob attemptFailed(String reason, int maxAttempts, Instant now) {
        requireUnfinished();
        int failed = attempts + 1;
        if (failed < maxAttempts) {
            return new ExportJob(id, owner, allOwners, format, status, null, null, failed, reason, createdBy,
                    creationDate, null, now);
        }
        return new ExportJob(id, owner, allOwners, format, JobStatus.FAILED, null, null, failed,
                "stopped after " + failed + " failed attempts: " + reason, createdBy, creationDate, now, now);
    }

    private void requireUnfinished() {
        if (status.finished()) {
            throw new IllegalStateException("export job " + id + " has ended " + status.label());
        }
    }
}
