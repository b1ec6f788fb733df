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
        this(parameter, expectation, "The parameter '" + parameter + "' " + expectation + ".");
    }

    private InvalidParameterException(String parameter, String expectation, String detail) {
        super(detail);
        this.parameter = parameter;
        this.expectation = expectation;
    }

    /**
     * A query parameter the operation does not read, answered in the services' words (the starter's
     * {@code KnownQueryParameters}) so the same mistake reads the same at the gateway and behind it.
     *
     * @param read the query parameters the operation reads
     */
    static InvalidParameterException unknown(String parameter, java.util.Collection<String> read) {
        String message = "'" + parameter + "' is not a query parameter of this operation; "
                + (read.isEmpty() ? "it reads none" : "it reads " + String.join(", ", read))
                + " (see the API documentation at /swagger-ui.html)";
        return new InvalidParameterException(parameter, message, message);
    }

    public String parameter() {
        return parameter;
    }

    public String expectation() {
        return expectation;
    }
}
