package io.accord.orchestration.inventory;

import io.accord.platform.problem.InvalidInputException;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kinds of resources pools hold, each with the form its values must have. A pool, a reservation and a CSV
 * import name the type by its code; an unknown code is refused naming the known ones.
 */
enum ResourceType {

    MSISDN("an E.164 number: an optional '+', then 8 to 15 digits, the first not 0",
            "\\+?[1-9][0-9]{7,14}", true),
    ICCID("19 or 20 digits starting with 89, the last one the Luhn check digit", "89[0-9]{17,18}", true),
    IMSI("15 digits", "[0-9]{15}", true),
    LICENCE_KEY("8 to 64 letters, digits or dashes, starting with a letter or digit",
            "[A-Za-z0-9][A-Za-z0-9-]{7,63}", false);

    private final String form;
    private final Pattern pattern;
    private final boolean numbered;

    ResourceType(String form, String pattern, boolean numbered) {
        this.form = form;
        this.pattern = Pattern.compile(pattern);
        this.numbered = numbered;
    }

    /** The type of {@code code}, or a 400 naming {@code field} and the known codes. */
    static ResourceType of(String field, String code) {
        if (code != null) {
            for (ResourceType type : values()) {
                if (type.name().equals(code.strip())) {
                    return type;
                }
            }
        }
        throw new InvalidInputException(field, "unknown resource type '" + code + "'; known types: " + codes());
    }

    static String codes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** What is wrong with {@code value} as a resource of this type, or empty when it is valid. */
    Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is empty");
        }
        if (!pattern.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not " + form);
        }
        if (this == ICCID && !Luhn.isValid(value)) {
            return Optional.of("'" + value + "' has a wrong Luhn check digit (expected "
                    + Luhn.checkDigit(value.substring(0, value.length() - 1)) + ")");
        }
        return Optional.empty();
    }

    /** Whether values are numbers that ranges can be generated of; licence keys are imported only. */
    boolean numbered() {
        return numbered;
    }
}
