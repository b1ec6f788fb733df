package io.accord.platform.scheduling;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link RoundJob}'s round runs its steps in order at one instant and answers what they did in all. */
class RoundJobTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final List<String> calls = new ArrayList<>();

    @Test
    void aRoundRunsEachStepInOrderAtOneInstantAndSumsWhatTheyDid() {
        ProbeJob job = new ProbeJob(Clock.fixed(NOW, ZoneOffset.UTC), calls);
        Instant later = NOW.plusSeconds(3600);

        assertThat(job.runOnce(later)).isEqualTo(5);

        assertThat(calls).containsExactly("erase@" + later, "expire@" + later);
    }

    @Test
    void aScheduledRoundRunsAtTheClocksInstant() {
        ProbeJob job = new ProbeJob(Clock.fixed(NOW, ZoneOffset.UTC), calls);

        assertThat(job.run()).contains(5);

        assertThat(calls).containsExactly("erase@" + NOW, "expire@" + NOW);
    }

    /** Two steps: the first did 2 things, the second 3. */
    static class ProbeJob extends RoundJob {

        ProbeJob(Clock clock, List<String> calls) {
            super(clock, new Step("Erased {}", now -> {
                calls.add("erase@" + now);
                return 2;
            }), new Step("Expired {}", now -> {
                calls.add("expire@" + now);
                return 3;
            }));
        }

        Optional<Integer> run() {
            return scheduledRound();
        }
    }
}
