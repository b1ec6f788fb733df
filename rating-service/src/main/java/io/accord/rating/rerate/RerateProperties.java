package io.accord.rating.rerate;

import io.accord.platform.retry.Backoffs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Re-rating (docs/rating-rerating.md).
 *
 * @param enabled          run re-rate jobs and the volume-tier finalisation on this replica
 * @param batchSize        records per batch (one transaction)
 * @param pollInterval     how often open jobs are looked for
 * @param runBudget        how long one round works on jobs before yielding the scheduler thread
 * @param maxAttempts      consecutive failed batches before a job is FAILED
 * @param retryBackoff     how long a job waits after its first failed batch, doubling with each further one
 * @param retryBackoffMax  the longest wait between two attempts
 * @param modelWait        how long a batch waits for the read models to be current
 * @param volumeFinalisation how often ended volume-tier periods are looked for
 * @param volumeGrace      how long after a tier period ends it is made final (late usage may still arrive)
 */
@ConfigurationProperties("accord.rating.rerate")
record RerateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
                        @DefaultValue("1s") Duration pollInterval, @DefaultValue("2s") Duration runBudget,
                        @DefaultValue("20") int maxAttempts, @DefaultValue("1s") Duration retryBackoff,
                        @DefaultValue("1m") Duration retryBackoffMax, @DefaultValue("30s") Duration modelWait,
                        @DefaultValue("1h") Duration volumeFinalisation, @DefaultValue("0s") Duration volumeGrace) {

    /** The wait after {@code failedAttempts} failed batches in a row. */
    Duration backoffAfter(int failedAttempts) {
        return Backoffs.delayAfter(retryBackoff, retryBackoffMax, failedAttempts);
    }
}
