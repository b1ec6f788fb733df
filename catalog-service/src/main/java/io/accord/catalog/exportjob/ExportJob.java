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
 */
record ExportJob(UUID id, PartnerId owner, boolean allOwners, FileFormat format, JobStatus status, Integer rowCount,
                 Long fileSize, String errorLog, String createdBy, Instant creationDate, Instant completionDate,
                 Instant lastUpdate) {

    static ExportJob requested(UUID id, PartnerId owner, boolean allOwners, FileFormat format, String createdBy,
                               Instant now) {
        if (allOwners && owner != null) {
            throw new IllegalArgumentException("an export of all owners names none");
        }
        return new ExportJob(id, owner, allOwners, format, JobStatus.NOT_STARTED, null, null, null, createdBy, now,
                null, now);
    }

    ExportJob written(int rows, long bytes, Instant now) {
        requireUnfinished();
        return new ExportJob(id, owner, allOwners, format, JobStatus.SUCCEEDED, rows, bytes, null, createdBy,
                creationDate, now, now);
    }

    ExportJob failed(String reason, Instant now) {
        requireUnfinished();
        return new ExportJob(id, owner, allOwners, format, JobStatus.FAILED, null, null, reason, createdBy,
                creationDate, now, now);
    }

    private void requireUnfinished() {
        if (status.finished()) {
            throw new IllegalStateException("export job " + id + " has ended " + status.label());
        }
    }
}
