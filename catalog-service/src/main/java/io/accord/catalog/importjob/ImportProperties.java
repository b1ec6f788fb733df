package io.accord.catalog.importjob;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Import job settings, under {@code accord.catalog.import}.
 *
 * @param maxFileSize  the largest file accepted; bigger answers 413 (the multipart limits follow it)
 * @param chunkRows    how many rows the runner imports per transaction (with their results and the checkpoint)
 * @param pollInterval how often each replica looks for a job to run
 * @param lease        how long a runner holds a job without finishing a chunk; a runner that died is replaced
 *                     after this, and the job resumes from its checkpoint
 * @param runnerEnabled whether this replica runs jobs at all
 */
@ConfigurationProperties("accord.catalog.import")
record ImportProperties(@DefaultValue("64MB") DataSize maxFileSize,
                        @DefaultValue("500") int chunkRows,
                        @DefaultValue("1s") Duration pollInterval,
                        @DefaultValue("60s") Duration lease,
                        @DefaultValue("true") boolean runnerEnabled) {
}
