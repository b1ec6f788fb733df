package io.accord.platform.scheduling;

import java.time.Instant;

/** An item of a scheduled job that failed and has not been handled since ({@link JobItems}). */
record JobFailure(String job, String itemId, int attempts, Instant firstFailedAt, Instant lastFailedAt,
                  Instant nextAttemptAt, String lastError) {
}
