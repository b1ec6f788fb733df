package io.accord.platform.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The shape of a cluster-wide scheduled job that works in rounds: a round runs the job's {@link Step}s in order at
 * one instant (the platform's {@link Clock} when scheduled, any instant in a test through {@link #runOnce}), logs
 * what each step did when it did anything, and answers the sum. A step usually selects its due items and hands them
 * to {@link JobItems}. The subclass declares its schedule and lock on one method, as their values are its own
 * ({@link SchedulingConfiguration}):
 * <pre>{@code
 * @Scheduled(fixedDelayString = "${accord.onboarding.retention.erasure-interval:1h}")
 * @SchedulerLock(name = LOCK)
 * Optional<Integer> eraseDue() {
 *     return scheduledRound();
 * }
 * }</pre>
 * The method answers an {@link Optional} so that ShedLock can answer a round it skipped (another replica holds the
 * lock) with an empty one. No method here is final: the lock's proxy is a subclass that passes each call on to the
 * job.
 */
public abstract class RoundJob {

    /**
     * One step of a round.
     *
     * @param done the log line when the step did anything, with one {@code {}} for how much
     * @param work the step at an instant: how much it did (erased, expired, launched...)
     */
    public record Step(String done, ToIntFunction<Instant> work) {
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Clock clock;
    private final List<Step> steps;

    protected RoundJob(Clock clock, Step... steps) {
        this.clock = clock;
        this.steps = List.of(steps);
    }

    /** One scheduled round at the clock's instant: what it did ({@link #runOnce}). */
    protected Optional<Integer> scheduledRound() {
        return Optional.of(runOnce(clock.instant()));
    }

    /** One round at {@code now}, whoever holds the lock: the steps in order, what they did summed. */
    public int runOnce(Instant now) {
        int total = 0;
        for (Step step : steps) {
            int done = step.work().applyAsInt(now);
            if (done > 0) {
                log.info(step.done(), done);
            }
            total += done;
        }
        return total;
    }
}
