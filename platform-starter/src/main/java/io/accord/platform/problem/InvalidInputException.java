package io.accord.platform.problem;

/** Input that passed bean validation but breaks a business rule on one field: answers 400 naming it. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
