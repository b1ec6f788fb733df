package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingLaunched.Characteristic;
import io.accord.orchestration.quote.ItemLabel.ItemPath;
import io.accord.platform.problem.InvalidInputException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an item's characteristic values against its specification: known name, type ({@code STRING},
 * {@code NUMBER} (a decimal), {@code INTEGER} (a whole number), {@code BOOLEAN}, {@code ENUM}), allowed values,
 * the range of a NUMBER or INTEGER, mandatory ones given, fixed values not overridden. Errors are 400s naming the
 * item and the characteristic. Plain Java, no Spring.
 */
final class CharacteristicRules {

    private CharacteristicRules() {
    }

    /**
     * @param item  the quote or order item as the client sent it, for the error's field
     * @param specs the characteristics of the specification(s) the item realises (a bundle: its components')
     * @param given the values the client chose, by characteristic name
     * @return every characteristic's value: the given ones, the fixed ones, in specification order
     */
    static Map<String, String> resolve(ItemPath item, List<Characteristic> specs, Map<String, String> given) {
        Set<String> known = new java.util.HashSet<>();
        specs.forEach(spec -> known.add(spec.name()));
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw invalid(item, name, "is not a characteristic of the offering's specification");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Characteristic spec : specs) {
            String value = given.get(spec.name());
            if (!spec.configurable()) {
                if (value != null && !value.equals(spec.fixedValue())) {
                    throw invalid(item, spec.name(), "has the fixed value '" + spec.fixedValue()
                            + "', which cannot be overridden");
                }
                if (spec.fixedValue() != null) {
                    values.put(spec.name(), spec.fixedValue());
                }
                continue;
            }
            if (value == null || value.isBlank()) {
                if (spec.mandatory()) {
                    throw invalid(item, spec.name(), "is mandatory");
                }
                continue;
            }
            values.put(spec.name(), check(item, spec, value));
        }
        return values;
    }

    /** The value as kept: as given, except an INTEGER's, written as its digits ({@code 2.0} is kept as 2). */
    private static String check(ItemPath item, Characteristic spec, String value) {
        String type = spec.valueType() == null ? "STRING" : spec.valueType();
        switch (type) {
            case "NUMBER" -> number(item, spec, value, parse(item, spec, value, "a NUMBER"));
            case "INTEGER" -> {
                BigDecimal number = parse(item, spec, value, "an INTEGER, a whole number");
                long whole;
                try {
                    whole = number.longValueExact();
                } catch (ArithmeticException notWhole) {
                    throw invalid(item, spec.name(), "is an INTEGER: a whole number (of at most 18 digits), "
                            + "not " + value);
                }
                number(item, spec, value, number);
                return Long.toString(whole);
            }
            case "BOOLEAN" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw invalid(item, spec.name(), "is a BOOLEAN: true or false, not '" + value + "'");
                }
            }
            default -> {
                List<String> allowed = spec.allowedValues() == null ? List.of() : spec.allowedValues();
                if (("ENUM".equals(type) || !allowed.isEmpty()) && !allowed.contains(value)) {
                    throw invalid(item, spec.name(), "is one of " + allowed + ", not '" + value + "'");
                }
            }
        }
        return value;
    }

    private static BigDecimal parse(ItemPath item, Characteristic spec, String value, String type) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            throw invalid(item, spec.name(), "is " + type + ", not '" + value + "'");
        }
    }

    /** Within the specification's range (and among its allowed values, if any). */
    private static void number(ItemPath item, Characteristic spec, String value, BigDecimal number) {
        if (spec.min() != null && number.compareTo(new BigDecimal(spec.min())) < 0
                || spec.max() != null && number.compareTo(new BigDecimal(spec.max())) > 0) {
            throw invalid(item, spec.name(), "is between " + (spec.min() == null ? "-∞" : spec.min()) + " and "
                    + (spec.max() == null ? "∞" : spec.max()) + (spec.unit() == null ? "" : " " + spec.unit())
                    + ", not " + value);
        }
        List<String> allowed = spec.allowedValues() == null ? List.of() : spec.allowedValues();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> new BigDecimal(a).compareTo(number) == 0)) {
            throw invalid(item, spec.name(), "is one of " + allowed + ", not " + value);
        }
    }

    /** Names the characteristic by its position in the client's array (the array itself for one not sent). */
    static InvalidInputException invalid(ItemPath item, String characteristic, String problem) {
        return invalid(item.characteristic(characteristic), item, characteristic, problem);
    }

    /** Names the characteristic sent at {@code position} of the item's array. */
    static InvalidInputException invalid(ItemPath item, int position, String characteristic, String problem) {
        return invalid(item.characteristic(position), item, characteristic, problem);
    }

    private static InvalidInputException invalid(String field, ItemPath item, String characteristic,
                                                 String problem) {
        return new InvalidInputException(field, item.noun() + ": characteristic '" + characteristic + "' " + problem);
    }
}
