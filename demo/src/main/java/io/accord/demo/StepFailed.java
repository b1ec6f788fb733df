package io.accord.demo;

/** A step of the journey did not come out as it should: the message says what and where to look. */
public final class StepFailed extends RuntimeException {

    public StepFailed(String message) {
        super(message);
    }
}
