package io.accord.platform.problem;

/**
 * The request is well-formed but clashes with the resource's state (an illegal lifecycle transition, a
 * duplicate): answers 409. Aggregates throw it from their guarded transitions.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
