package io.accord.rating.rerate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A re-rate job as the API answers it.
 *
 * @param state    QUEUED, RUNNING, COMPLETED, FAILED or CANCELLED (stopped for good by ops or finance; what it
 *                 corrected before stays corrected)
 * @param progress what the job has done so far (committed with each batch)
 * @param nextAttemptAt after a failed batch, when the job is tried again (1 s after the first failure, doubling up to
 *                      a minute); {@code null} otherwise
 */
record RerateJobView(UUID id, String href, String requestId, String cause, String state, String partnerId,
                     String offeringId, String usageType, Instant from, Instant to, String priceVersionId,
                     String reason, Progress progress, List<NotRerated> notRerated, int attempts, String lastError,
                     Instant nextAttemptAt,
                     String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt) {

    /**
     * @param toExamine  the records in scope when the job started (an estimate for a price correction, which also
     *                   takes records rated with the old price while it runs)
     * @param examined   records looked at so far
     * @param reversed   records reversed (one REVERSAL row each)
     * @param rerated    replacements written (one RERATED row each; equals {@code reversed})
     * @param unchanged  records whose rating now comes to the same: left as they are
     * @param notRerated records that would not be rated now (no agreement, no price...): left as they are
     */
    record Progress(Long toExamine, long examined, long reversed, long rerated, long unchanged, long notRerated) {
    }

    /** A record left as it is, and why (the first few only). */
    record NotRerated(String ratedId, String source, String usageId, String reason, String detail) {
    }
}
