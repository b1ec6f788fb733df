package io.accord.catalog.importjob;

import io.accord.platform.retry.Backoffs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Import job settings, under {@code accord.catalog.import}. Export jobs run with the same poll interval and the same
 * retries ({@code maxAttempts}, {@code retryBackoff}, {@code retryBackoffMax}).
 *
 * @param maxFileSize     the largest file accepted; bigger answers 413 (the multipart limits follow it)
 * @param chunkRows       how many rows the runner imports per transaction (with their results and the checkpoint)
 * @param pollInterval    how often each replica looks for a job to run
 * @param lease           how long a runner holds a job without finishing a chunk; a runner that died is replaced
 *                        after this, and the job resumes from its checkpoint
 * @param maxAttempts     runs in a row ending in an unexpected error (not a bad row, not an unreadable file) before
 *                        the job is FAILED; a chunk done starts the count again
 * @param retryBackoff    after the first failed run the job waits this long before a runner takes it again,
 *                        doubling with each further failed run (the platform's {@code Backoffs})
 * @param retryBackoffMax the longest wait between two runs
 * @param runnerEnabled   whether this replica runs jobs at all
 */
@ConfigurationProperties("accord.catalog.import")
public record ImportProperties(@DefaultValue("64MB") DataSize maxFileSize,
                               @DefaultValue("500") int chunkRows,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("60s") Duration lease,
                               @DefaultValue("5") int maxAttempts,
                               @DefaultValue("5s") Duration retryBackoff,
                               @DefaultValue("5m") Duration retryBackoffMax,
                               @DefaultValue("true") boolean runnerEnabled) {

    public ImportProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("accord.catalog.import.max-attempts must be at least 1");
        }
        // a bad pair of waits fails at startup, not at the first failed run
        Backoffs.exponential(retryBackoff, retryBackoffMax);
    }

    /** The wait after {@code failedAttempts} failed runs in a row. */
    public Duration backoffAfter(int failedAttempts) {
        return Backoffs.delayAfter(retryBackoff, retryBackoffMax, failedAttempts);
    }
}
