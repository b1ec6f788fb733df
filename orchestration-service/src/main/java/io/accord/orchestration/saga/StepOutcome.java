package io.accord.orchestration.saga;

import java.time.Duration;

/** What a {@link StepHandler} reports for one attempt of a step or of its compensation. */
public sealed interface StepOutcome {

    /** The step is done. */
    static StepOutcome done() {
        return new Done();
    }

    /** The request went out; an external acknowledgement through {@link Sagas#acknowledge} must come within timeout. */
    static StepOutcome waitingForAck(Duration timeout) {
        return new WaitingForAck(timeout);
    }

    /** It did not work this time and may on another attempt (after the step's backoff, up to its cap). */
    static StepOutcome retry(String reason) {
        return new RetryableFailure(reason);
    }

    /** It will never work: the saga compensates (or, for a compensation, waits for ops). */
    static StepOutcome fail(String reason) {
        return new PermanentFailure(reason);
    }

    record Done() implements StepOutcome {
    }

    record WaitingForAck(Duration timeout) implements StepOutcome {
        public WaitingForAck {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("an acknowledgement timeout must be positive, got " + timeout);
            }
        }
    }

    record RetryableFailure(String reason) implements StepOutcome {
    }

    record PermanentFailure(String reason) implements StepOutcome {
    }
}
