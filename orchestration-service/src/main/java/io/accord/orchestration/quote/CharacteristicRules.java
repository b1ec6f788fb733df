package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingLaunched.Characteristic;
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
     * @param item  the quote item's id, for the error's field
     * @param specs the characteristics of the specification(s) the item realises (a bundle: its components')
     * @param given the values the client chose, by characteristic name
     * @return every characteristic's value: the given ones, the fixed ones, in specification order
     */
    static Map<String, String> resolve(String item, List<Characteristic> specs, Map<String, String> given) {
        return resolve(ItemLabel.QUOTE, item, specs, given);
    }

    /** The same, naming the item as {@code label} says (a quote's or an order's). */
    static Map<String, String> resolve(ItemLabel label, String item, List<Characteristic> specs,
                                       Map<String, String> given) {
        Set<String> known = new java.util.HashSet<>();
        specs.forEach(spec -> known.add(spec.name()));
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw invalid(label, item, name, "is not a characteristic of the offering's specification");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Characteristic spec : specs) {
            String value = given.get(spec.name());
            if (!spec.configurable()) {
                if (value != null && !value.equals(spec.fixedValue())) {
                    throw invalid(label, item, spec.name(), "has the fixed value '" + spec.fixedValue()
                            + "', which cannot be overridden");
                }
                if (spec.fixedValue() != null) {
                    values.put(spec.name(), spec.fixedValue());
                }
                continue;
            }
            if (value == null || value.isBlank()) {
                if (spec.mandatory()) {
                    throw invalid(label, item, spec.name(), "is mandatory");
                }
                continue;
            }
            values.put(spec.name(), check(label, item, spec, value));
        }
        return values;
    }

    /** The value as kept: as given, except an INTEGER's, written as its digits ({@code 2.0} is kept as 2). */
    private static String check(ItemLabel label, String item, Characteristic spec, String value) {
        String type = spec.valueType() == null ? "STRING" : spec.valueType();
        switch (type) {
            case "NUMBER" -> number(label, item, spec, value, parse(label, item, spec, value, "a NUMBER"));
            case "INTEGER" -> {
                BigDecimal number = parse(label, item, spec, value, "an INTEGER, a whole number");
                long whole;
                try {
                    whole = number.longValueExact();
                } catch (ArithmeticException notWhole) {
                    throw invalid(label, item, spec.name(), "is an INTEGER: a whole number (of at most 18 digits), "
                            + "not " + value);
                }
                number(label, item, spec, value, number);
                return Long.toString(whole);
            }
            case "BOOLEAN" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw invalid(label, item, spec.name(), "is a BOOLEAN: true or false, not '" + value + "'");
                }
            }
            default -> {
                List<String> allowed = spec.allowedValues() == null ? List.of() : spec.allowedValues();
                if (("ENUM".equals(type) || !allowed.isEmpty()) && !allowed.contains(value)) {
                    throw invalid(label, item, spec.name(), "is one of " + allowed + ", not '" + value + "'");
                }
            }
        }
        return value;
    }

    private static BigDecimal parse(ItemLabel label, String item, Characteristic spec, String value, String type) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            throw invalid(label, item, spec.name(), "is " + type + ", not '" + value + "'");
        }
    }

    /** Within the specification's range (and among its allowed values, if any). */
    private static void number(ItemLabel label, String item, Characteristic spec, String value, BigDecimal number) {
        if (spec.min() != null && number.compareTo(new BigDecimal(spec.min())) < 0
                || spec.max() != null && number.compareTo(new BigDecimal(spec.max())) > 0) {
            throw invalid(label, item, spec.name(), "is between " + (spec.min() == null ? "-∞" : spec.min()) + " and "
                    + (spec.max() == null ? "∞" : spec.max()) + (spec.unit() == null ? "" : " " + spec.unit())
                    + ", not " + value);
        }
        List<String> allowed = spec.allowedValues() == null ? List.of() : spec.allowedValues();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> new BigDecimal(a).compareTo(number) == 0)) {
            throw invalid(label, item, spec.name(), "is one of " + allowed + ", not " + value);
        }
    }

    static InvalidInputException invalid(String item, String characteristic, String problem) {
        return invalid(ItemLabel.QUOTE, item, characteristic, problem);
    }

    static InvalidInputException invalid(ItemLabel label, String item, String characteristic, String problem) {
        String field = label.field(item) + ".product.productCharacteristic[" + characteristic + "]";
        return new InvalidInputException(field, label.noun(item) + ": characteristic '" + characteristic + "' "
                + problem);
    }
}
