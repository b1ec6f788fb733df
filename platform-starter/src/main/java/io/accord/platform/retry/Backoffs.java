package io.accord.platform.retry;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/**
 * Accord's one retry policy: Spring's {@link ExponentialBackOff}, {@code first} after the first failure, doubling
 * with each further failure, never more than {@code max}, no jitter. The outbox relay, the inbox's Kafka error
 * handler and workers such as identity provisioning all take their delays from here, each with its own bounds.
 */
public final class Backoffs {

    static final double MULTIPLIER = 2.0;

    private Backoffs() {
    }

    /** Unbounded attempts: the caller decides when to give up (or never does). */
    public static ExponentialBackOff exponential(Duration first, Duration max) {
        if (first.toMillis() < 1 || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 1 ms <= first <= max, got first " + first + ", max " + max);
        }
        ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), MULTIPLIER);
        backOff.setMaxInterval(max.toMillis());
        return backOff;
    }

    /** The same policy, stopping after {@code retries} retries (for Kafka's {@code DefaultErrorHandler}). */
    public static ExponentialBackOff exponential(Duration first, Duration max, int retries) {
        ExponentialBackOff backOff = exponential(first, max);
        backOff.setMaxAttempts(retries);
        return backOff;
    }

    /**
     * The delay after the given number of failed attempts (1 = the first failure) for workers that keep the
     * attempt count on a row instead of holding a {@link BackOffExecution} in memory. Counts below 1 count as 1.
     */
    public static Duration delayAfter(ExponentialBackOff policy, long failedAttempts) {
        BackOffExecution execution = policy.start();
        long delay = execution.nextBackOff();
        // stops as soon as the cap is reached: after that every further delay is the cap
        for (long attempt = 2; attempt <= failedAttempts && delay < policy.getMaxInterval(); attempt++) {
            long next = execution.nextBackOff();
            if (next == BackOffExecution.STOP) {
                break;
            }
            delay = next;
        }
        return Duration.ofMillis(delay);
    }

    /** The delay after {@code failedAttempts} failed attempts under {@link #exponential(Duration, Duration)}. */
    public static Duration delayAfter(Duration first, Duration max, long failedAttempts) {
        return delayAfter(exponential(first, max), failedAttempts);
    }
}
