package io.accord.gateway.problem;

/**
 * A query parameter the gateway checks itself (rather than a service) has a bad value. Answered 400
 * {@code validation-error} with a {@code violations} entry naming the parameter, as the services answer theirs.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String expectation;

    /** @param expectation what the value must be, e.g. {@code "must be between 1 and 500"} */
    public InvalidParameterException(String parameter, String expectation) {
        super("The parameter '" + parameter + "' " + expectation + ".");
        this.parameter = parameter;
        this.expectation = expectation;
    }

    public String parameter() {
        return parameter;
    }

    public String expectation() {
        return expectation;
    }
}
