package io.accord.rating.usage;

import io.accord.platform.retry.Backoffs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * CDR file jobs ({@code accord.rating.usage-files}, docs/rating-usage-api.md).
 *
 * @param inlineMaxSize a file up to this size is processed during its upload (answered 201, done) unless the client
 *                      sends {@code Prefer: respond-async}; a larger one is answered 202 and processed in the
 *                      background
 * @param maxSize       the largest file accepted (413 beyond)
 * @param chunkRows     data rows per ledger transaction (and checkpoint)
 * @param lease         how long a runner holds a job without committing a chunk before another may take it over
 * @param maxAttempts   runs ending in an unexpected error before the job is FAILED
 * @param retryBackoff  after the first failed run the job waits this long before it is taken again, doubling with
 *                      each further failed run (the platform's {@code Backoffs})
 * @param retryBackoffMax the longest wait between two runs
 * @param runnerEnabled whether this replica runs queued jobs in the background
 * @param failedRetention a FAILED job nobody resumed or cancelled for this long is cancelled and its stored file
 *                      deleted (checked every {@code expiry-interval}, default 1 h)
 */
@ConfigurationProperties("accord.rating.usage-files")
record UsageFileProperties(@DefaultValue("1MB") DataSize inlineMaxSize, @DefaultValue("2GB") DataSize maxSize,
                           @DefaultValue("1000") int chunkRows, @DefaultValue("60s") Duration lease,
                           @DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration retryBackoff,
                           @DefaultValue("5m") Duration retryBackoffMax, @DefaultValue("true") boolean runnerEnabled,
                           @DefaultValue("30d") Duration failedRetention) {

    /** The wait after {@code failedAttempts} failed runs in a row. */
    Duration backoffAfter(int failedAttempts) {
        return Backoffs.delayAfter(retryBackoff, retryBackoffMax, failedAttempts);
    }
}
