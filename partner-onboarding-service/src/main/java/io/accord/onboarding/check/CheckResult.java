package io.accord.onboarding.check;

import java.util.Objects;

/**
 * The result of one automated check, as a partner manager reads it in the review queue.
 *
 * @param check      the check's stable name, one of {@link CheckNames#ALL}
 * @param reasonCode why, as a stable code of {@link ReasonCodes} for clients to branch on and localise
 * @param reason     why it passed or failed, in words, naming the offending value
 */
public record CheckResult(String check, Outcome outcome, String reasonCode, String reason) {

    public enum Outcome {
        PASSED, FAILED
    }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (reasonCode == null) {
            reasonCode = ReasonCodes.derive(check, outcome == Outcome.PASSED, reason);
        }
    }

    public static CheckResult passed(String check, String reasonCode, String reason) {
        return new CheckResult(check, Outcome.PASSED, reasonCode, reason);
    }

    public static CheckResult failed(String check, String reasonCode, String reason) {
        return new CheckResult(check, Outcome.FAILED, reasonCode, reason);
    }

    /** With the code {@link ReasonCodes#derive derived} from the reason's wording. */
    public static CheckResult passed(String check, String reason) {
        return passed(check, null, reason);
    }

    /** With the code {@link ReasonCodes#derive derived} from the reason's wording. */
    public static CheckResult failed(String check, String reason) {
        return failed(check, null, reason);
    }

    public boolean isPassed() {
        return outcome == Outcome.PASSED;
    }
}
