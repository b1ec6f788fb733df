package io.accord.platform.problem;

/**
 * A value a parameter converter or a JSON deserializer read but refuses by a rule of its own, not for its format
 * (e.g. a time outside the supported range). The message says what the value must be ({@code "must be ..."}); the
 * problem handler answers 400 naming the parameter or field with it.
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String mustBe) {
        super(mustBe);
    }
}
