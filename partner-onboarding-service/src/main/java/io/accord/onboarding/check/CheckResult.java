package io.accord.onboarding.check;

import java.util.Objects;

/**
 * The result of one automated check, as a partner manager reads it in the review queue.
 *
 * @param check  the check's stable name, one of {@link CheckNames#ALL}
 * @param reason why it passed or failed, in words, naming the offending value
 */
public record CheckResult(String check, Outcome outcome, String reason) {

    public enum Outcome {
        PASSED, FAILED
    }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public static CheckResult passed(String check, String reason) {
        return new CheckResult(check, Outcome.PASSED, reason);
    }

    public static CheckResult failed(String check, String reason) {
        return new CheckResult(check, Outcome.FAILED, reason);
    }

    public boolean isPassed() {
        return outcome == Outcome.PASSED;
    }
}
