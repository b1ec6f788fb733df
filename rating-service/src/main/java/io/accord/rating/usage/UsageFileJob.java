package io.accord.rating.usage;

import io.accord.rating.ingest.UsageLedger;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDR file upload being processed (docs/rating-usage-api.md): QUEUED → RUNNING → COMPLETED, or FAILED when it
 * cannot go on; a FAILED job is resumed (QUEUED again, at its checkpoint), and a job not yet COMPLETED may be
 * CANCELLED (it stops at its checkpoint: the rows read stay done, the rest are never read). {@code rowsRead} is the checkpoint: the data rows whose outcome is committed; the counts add up to
 * it ({@code rated + suspended + duplicates + invalid = rowsRead}).
 */
record UsageFileJob(UUID id, String owner, String ownSource, String submittedBy, String fileName, long fileSize,
                    State state, long rowsRead, long rated, long suspended, long duplicates, long invalid,
                    int attempts, String failure, Instant createdAt, Instant startedAt, Instant completedAt) {

    enum State { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }

    static UsageFileJob queued(UUID id, UsageSubmissions.Submitter submitter, String fileName, long fileSize,
                               Instant now) {
        return new UsageFileJob(id, submitter.owner(), submitter.ownSource(), submitter.actor(), fileName, fileSize,
                State.QUEUED, 0, 0, 0, 0, 0, 0, null, now, null, null);
    }

    /** Nothing more happens to it on its own: completed, failed (until resumed) or cancelled. */
    boolean done() {
        return state == State.COMPLETED || state == State.FAILED || state == State.CANCELLED;
    }

    /** The submitter its rows are submitted as, whoever runs the job. */
    UsageSubmissions.Submitter submitter() {
        return new UsageSubmissions.Submitter(ownSource, owner, submittedBy, UsageLedger.Channel.FILE);
    }

    /** Accepted: rated or in suspense (a suspended row is kept and recycled once its cause is fixed). */
    long accepted() {
        return rated + suspended;
    }

    /** Rejected: not kept for rating, duplicates and invalid rows. */
    long rejected() {
        return duplicates + invalid;
    }

    UsageFileJob started(Instant now) {
        requireNotDone("start");
        return state == State.RUNNING ? this : new UsageFileJob(id, owner, ownSource, submittedBy, fileName, fileSize,
                State.RUNNING, rowsRead, rated, suspended, duplicates, invalid, attempts, failure, createdAt, now,
                null);
    }

    /** One more chunk's outcomes committed: {@code rows} more rows read. */
    UsageFileJob advanced(long rows, long rated, long suspended, long duplicates, long invalid) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("job " + id + " is " + state + ", not RUNNING: no chunk can be added");
        }
        if (rated + suspended + duplicates + invalid != rows) {
            throw new IllegalArgumentException("the outcomes of a chunk add up to its rows");
        }
        return new UsageFileJob(id, owner, ownSource, submittedBy, fileName, fileSize, state, rowsRead + rows,
                this.rated + rated, this.suspended + suspended, this.duplicates + duplicates, this.invalid + invalid,
                0, null, createdAt, startedAt, null);
    }

    UsageFileJob completed(Instant now) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("job " + id + " is " + state + ", not RUNNING: it cannot complete");
        }
        return new UsageFileJob(id, owner, ownSource, submittedBy, fileName, fileSize, State.COMPLETED, rowsRead,
                rated, suspended, duplicates, invalid, attempts, null, createdAt, startedAt, now);
    }

    /** A run ended in an unexpected error: counted, and after {@code maxAttempts} the job fails for good. */
    UsageFileJob attemptFailed(String reason, int maxAttempts, Instant now) {
        requireNotDone("fail");
        int failed = attempts + 1;
        boolean giveUp = failed >= maxAttempts;
        String why = reason == null ? "unexpected error" : reason.length() > 1_900 ? reason.substring(0, 1_900) : reason;
        return new UsageFileJob(id, owner, ownSource, submittedBy, fileName, fileSize,
                giveUp ? State.FAILED : state, rowsRead, rated, suspended, duplicates, invalid, failed,
                giveUp ? "stopped after " + failed + " failed attempts at row " + (rowsRead + 1) + ": " + why : why,
                createdAt, startedAt, giveUp ? now : null);
    }

    /** A FAILED job queued again: it goes on from its checkpoint, with a fresh count of attempts. */
    UsageFileJob resumed() {
        if (state != State.FAILED) {
            throw new IllegalStateException("job " + id + " is " + state + "; only a FAILED job is resumed");
        }
        return new UsageFileJob(id, owner, ownSource, submittedBy, fileName, fileSize, State.QUEUED, rowsRead, rated,
                suspended, duplicates, invalid, 0, null, createdAt, startedAt, null);
    }

    /**
     * Stopped for good at its checkpoint: the rows read stay done, the rest are never read. A failed job keeps its
     * failure (why it had stopped); who cancelled it is in the audit trail.
     */
    UsageFileJob cancelled(Instant now) {
        if (state == State.COMPLETED || state == State.CANCELLED) {
            throw new IllegalStateException("job " + id + " is " + state + "; it cannot be cancelled");
        }
        return new UsageFileJob(id, owner, ownSource, submittedBy, fileName, fileSize, State.CANCELLED, rowsRead,
                rated, suspended, duplicates, invalid, attempts, failure, createdAt, startedAt, now);
    }

    /**
     * A FAILED job nobody resumed or cancelled since {@code cutoff}: cancelled by the system (its failure kept; the
     * audit trail says EXPIRE).
     */
    UsageFileJob expired(Instant cutoff, Instant now) {
        if (state != State.FAILED || completedAt == null || !completedAt.isBefore(cutoff)) {
            throw new IllegalStateException("job " + id + " is " + state + " since " + completedAt
                    + "; only a job FAILED before " + cutoff + " expires");
        }
        return cancelled(now);
    }

    private void requireNotDone(String what) {
        if (done()) {
            throw new IllegalStateException("job " + id + " is " + state + ": it cannot " + what);
        }
    }
}
