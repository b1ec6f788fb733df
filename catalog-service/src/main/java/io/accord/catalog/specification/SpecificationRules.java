package io.accord.catalog.specification;

import io.accord.contracts.catalog.ResourceTypes;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The rules a specification must follow; every broken one is reported with its field. */
final class SpecificationRules {

    /**
     * The resource types orchestration's inventory keeps pools of: an order for an offering naming any other type
     * failed at fulfilment, so no specification may name one.
     */
    private static final List<String> RESOURCE_TYPES = ResourceTypes.CODES;
    private static final String KNOWN = String.join(", ", RESOURCE_TYPES);
    private static final String PLAIN_LIMIT = "must be a number with at most " + SpecificationDraft.MAX_PLAIN_SCALE
            + " decimals and no exponent above " + SpecificationDraft.MAX_PLAIN_SCALE;

    private SpecificationRules() {
    }

    static void check(SpecificationDraft spec, String at, BiConsumer<String, String> errors) {
        if (spec.externalId() != null && (spec.externalId().isBlank() || spec.externalId().length() > 100)) {
            errors.accept(at + ".externalId", "externalId must have 1 to 100 characters");
        }
        if (spec.name() == null || spec.name().isBlank()) {
            errors.accept(at + ".name", "name is mandatory");
        } else if (spec.name().length() > 200) {
            errors.accept(at + ".name", "at most 200 characters");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.characteristics().size(); i++) {
            SpecificationDraft.Characteristic characteristic = spec.characteristics().get(i);
            String field = at + ".characteristics[" + i + "]";
            if (characteristic == null) {
                errors.accept(field, "a characteristic must not be null");
                continue;
            }
            if (characteristic.name() == null || characteristic.name().isBlank()) {
                errors.accept(field + ".name", "name is mandatory");
            } else if (!names.add(characteristic.name())) {
                errors.accept(field + ".name", "characteristic '" + characteristic.name() + "' appears twice");
            }
            characteristic(characteristic, field, errors);
        }
        resourceTypes(spec.fulfilment().resourceTypes(), at + ".fulfilment.resourceTypes", errors);
    }

    /** Each type one the inventory knows, and each at most once (fulfilment reserves one resource per type). */
    private static void resourceTypes(List<String> types, String at, BiConsumer<String, String> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            String field = at + "[" + i + "]";
            if (type == null || !RESOURCE_TYPES.contains(type)) {
                errors.accept(field, "unknown resource type " + (type == null ? "null" : "'" + type + "'")
                        + "; known types: " + KNOWN);
            } else if (!seen.add(type)) {
                errors.accept(field, "resource type '" + type + "' is listed twice; list each of " + KNOWN
                        + " at most once");
            }
        }
    }

    private static void characteristic(SpecificationDraft.Characteristic c, String at,
                                       BiConsumer<String, String> errors) {
        if (c.valueType() == null) {
            errors.accept(at + ".valueType", "valueType is mandatory: STRING, NUMBER, INTEGER, BOOLEAN or ENUM");
            return;
        }
        boolean number = c.numeric();
        // a bound like 1E+999999999 would take gigabytes to write out plainly (views, export): refused first (a
        // non-short-circuit | reports both bounds)
        if (unwritable(c.min(), at + ".min", errors) | unwritable(c.max(), at + ".max", errors)) {
            return;
        }
        if ((c.min() != null || c.max() != null) && !number) {
            errors.accept(at + ".min", "a range applies to NUMBER and INTEGER characteristics only");
        }
        if (c.valueType() == SpecificationDraft.ValueType.INTEGER) {
            if (c.min() != null && !whole(c.min())) {
                errors.accept(at + ".min", "an INTEGER's range is of whole numbers (at most 18 digits), not "
                        + c.min().toPlainString());
            }
            if (c.max() != null && !whole(c.max())) {
                errors.accept(at + ".max", "an INTEGER's range is of whole numbers (at most 18 digits), not "
                        + c.max().toPlainString());
            }
        }
        if (c.min() != null && c.max() != null && c.min().compareTo(c.max()) > 0) {
            errors.accept(at + ".max", "max must not be below min");
        }
        if (c.valueType() == SpecificationDraft.ValueType.ENUM && c.allowedValues().isEmpty()) {
            errors.accept(at + ".allowedValues", "an ENUM characteristic lists its allowed values");
        }
        if (!c.allowedValues().isEmpty() && (number || c.valueType() == SpecificationDraft.ValueType.BOOLEAN)) {
            errors.accept(at + ".allowedValues", "allowed values apply to STRING and ENUM characteristics");
        }
        if (c.configurable() && c.fixedValue() != null) {
            errors.accept(at + ".fixedValue", "a characteristic configurable at order time has no fixed value");
        }
        if (!c.configurable()) {
            if (c.fixedValue() == null) {
                errors.accept(at + ".fixedValue", "a characteristic not configurable at order time needs a fixedValue");
            } else {
                String problem = problemWith(c, c.fixedValue());
                if (problem != null) {
                    errors.accept(at + ".fixedValue", problem);
                }
            }
        }
    }

    private static boolean unwritable(BigDecimal bound, String field, BiConsumer<String, String> errors) {
        if (bound != null && Math.abs(bound.scale()) > SpecificationDraft.MAX_PLAIN_SCALE) {
            errors.accept(field, PLAIN_LIMIT);
            return true;
        }
        return false;
    }

    /** Whether {@code number} is a whole number an INTEGER characteristic takes: one that fits in a long. */
    private static boolean whole(BigDecimal number) {
        try {
            number.longValueExact();
            return true;
        } catch (ArithmeticException fractionOrTooLarge) {
            return false;
        }
    }

    /** Why {@code value} is not a valid value of the characteristic, or {@code null} when it is. */
    static String problemWith(SpecificationDraft.Characteristic c, String value) {
        switch (c.valueType()) {
            case BOOLEAN -> {
                return "true".equals(value) || "false".equals(value) ? null : "must be true or false";
            }
            case NUMBER, INTEGER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return c.valueType() == SpecificationDraft.ValueType.INTEGER ? "must be a whole number"
                            : "must be a number";
                }
                if (Math.abs(number.scale()) > SpecificationDraft.MAX_PLAIN_SCALE) {
                    return PLAIN_LIMIT;
                }
                if (c.valueType() == SpecificationDraft.ValueType.INTEGER && !whole(number)) {
                    return "must be a whole number (at most 18 digits)";
                }
                if (c.min() != null && number.compareTo(c.min()) < 0) {
                    return "must be at least " + c.min().toPlainString();
                }
                if (c.max() != null && number.compareTo(c.max()) > 0) {
                    return "must be at most " + c.max().toPlainString();
                }
                return null;
            }
            default -> {
                return c.allowedValues().isEmpty() || c.allowedValues().contains(value) ? null
                        : "must be one of " + c.allowedValues();
            }
        }
    }
}
