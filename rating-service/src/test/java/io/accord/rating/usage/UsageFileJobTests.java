package io.accord.rating.usage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file job's guarded transitions and its counts (plain unit test of the aggregate). */
class UsageFileJobTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static UsageFileJob queued() {
        return UsageFileJob.queued(UUID.randomUUID(), new UsageSubmissions.Submitter("p1", "p1", "user-1"), "cdr.csv",
                120, NOW);
    }

    @Test
    void chunksAddUpToTheRowsReadAndTheJobCompletes() {
        UsageFileJob job = queued().started(NOW).advanced(1_000, 990, 4, 3, 3).advanced(10, 10, 0, 0, 0);
        assertThat(job.rowsRead()).isEqualTo(1_010);
        assertThat(job.accepted()).isEqualTo(1_004);
        assertThat(job.rejected()).isEqualTo(6);
        UsageFileJob done = job.completed(NOW.plusSeconds(5));
        assertThat(done.state()).isEqualTo(UsageFileJob.State.COMPLETED);
        assertThat(done.done()).isTrue();
        assertThat(done.completedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void illegalTransitionsAreRefused() {
        assertThatThrownBy(() -> queued().advanced(1, 1, 0, 0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queued().completed(NOW)).isInstanceOf(IllegalStateException.class);
        UsageFileJob done = queued().started(NOW).completed(NOW);
        assertThatThrownBy(() -> done.started(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> done.attemptFailed("x", 5, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queued().started(NOW).advanced(3, 1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedAttemptsFailTheJobOnlyAtTheLimitAndAChunkDoneResetsThem() {
        UsageFileJob job = queued().started(NOW).advanced(1_000, 1_000, 0, 0, 0);
        for (int i = 0; i < 4; i++) {
            job = job.attemptFailed("connection refused", 5, NOW);
        }
        assertThat(job.state()).isEqualTo(UsageFileJob.State.RUNNING);
        assertThat(job.attempts()).isEqualTo(4);
        assertThat(job.advanced(1, 1, 0, 0, 0).attempts()).isZero();
        UsageFileJob failed = job.attemptFailed("connection refused", 5, NOW);
        assertThat(failed.state()).isEqualTo(UsageFileJob.State.FAILED);
        assertThat(failed.failure()).isEqualTo("stopped after 5 failed attempts at row 1001: connection refused");
    }

    @Test
    void onlyAFailedJobIsResumedAtItsCheckpointAndOnlyAJobNotFinishedIsCancelled() {
        UsageFileJob running = queued().started(NOW).advanced(1_000, 1_000, 0, 0, 0);
        assertThatThrownBy(running::resumed).isInstanceOf(IllegalStateException.class);
        UsageFileJob failed = running.attemptFailed("fuse", 1, NOW);
        UsageFileJob resumed = failed.resumed();
        assertThat(resumed.state()).isEqualTo(UsageFileJob.State.QUEUED);
        assertThat(resumed.rowsRead()).isEqualTo(1_000);
        assertThat(resumed.attempts()).isZero();
        assertThat(resumed.failure()).isNull();
        assertThat(resumed.done()).isFalse();
        assertThat(resumed.started(NOW).advanced(5, 5, 0, 0, 0).rated()).isEqualTo(1_005);

        UsageFileJob cancelled = failed.cancelled(NOW.plusSeconds(9));
        assertThat(cancelled.state()).isEqualTo(UsageFileJob.State.CANCELLED);
        assertThat(cancelled.done()).isTrue();
        assertThat(cancelled.failure()).as("why it had stopped stays").isEqualTo(failed.failure());
        assertThat(cancelled.completedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(queued().cancelled(NOW).rowsRead()).isZero();
        assertThatThrownBy(() -> cancelled.cancelled(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(cancelled::resumed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cancelled.started(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> running.completed(NOW).cancelled(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyAJobFailedBeforeTheCutoffExpires() {
        UsageFileJob failed = queued().started(NOW).attemptFailed("fuse", 1, NOW);
        Instant later = NOW.plusSeconds(60);

        UsageFileJob expired = failed.expired(later, later);
        assertThat(expired.state()).isEqualTo(UsageFileJob.State.CANCELLED);
        assertThat(expired.failure()).isEqualTo(failed.failure());
        assertThatThrownBy(() -> failed.expired(NOW, later)).as("failed at the cutoff itself")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.resumed().expired(later, later)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> expired.expired(later, later)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRowErrorKeepsTheFilesNulCharactersAsTheirEscape() {
        // PostgreSQL refused the error row (SQL state 22021) and the whole chunk failed with it
        UsageFileStore.RowError error = new UsageFileStore.RowError(1, 2, "INVALID", "u\u00001", "quantity", null,
                "quantity '\u0000x' is not a decimal number");

        assertThat(error.usageId()).isEqualTo("u\\u00001");
        assertThat(error.detail()).isEqualTo("quantity '\\u0000x' is not a decimal number");
        assertThat(error.field()).isEqualTo("quantity");
    }
}
