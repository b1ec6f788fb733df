package io.accord.demo;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling with a deadline: the platform is asynchronous (events between services), the demo waits for outcomes. */
final class Waits {

    private Waits() {
    }

    /** The first non-null answer of {@code probe}, polled every {@code every} for at most {@code atMost}. */
    static <T> T until(String what, Duration atMost, Duration every, Supplier<T> probe) {
        long deadline = System.nanoTime() + atMost.toNanos();
        StepFailed last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (StepFailed e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new StepFailed(what + ": not within " + atMost.toSeconds() + " s"
                        + (last != null ? " (last answer: " + last.getMessage() + ")" : ""));
            }
            sleep(every);
        }
    }

    static <T> T until(String what, Duration atMost, Supplier<T> probe) {
        return until(what, atMost, Duration.ofMillis(500), probe);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }
}
