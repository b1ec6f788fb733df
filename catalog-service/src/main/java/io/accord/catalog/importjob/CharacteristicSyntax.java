package io.accord.catalog.importjob;

import io.accord.catalog.specification.SpecificationDraft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One characteristic in the compact syntax of the {@code characteristics} cell:
 * {@code name:TYPE[:values=a|b][:min=n][:max=n][:unit=U][:mandatory][:configurable][:fixed=v]}, e.g.
 * {@code quality:ENUM:values=HD|UHD:mandatory:configurable}; characteristics are separated by {@code ;}.
 */
final class CharacteristicSyntax {

    private CharacteristicSyntax() {
    }

    static SpecificationDraft.Characteristic parse(CellReader cells, String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length < 2 || parts[0].isBlank()) {
            cells.problem(Columns.CHARACTERISTICS, "'" + entry + "' is not name:TYPE[:option...], e.g."
                    + " quality:ENUM:values=HD|UHD:configurable");
            return null;
        }
        SpecificationDraft.ValueType type = valueType(cells, parts[1].strip());
        List<String> values = List.of();
        BigDecimal min = null;
        BigDecimal max = null;
        String unit = null;
        String fixed = null;
        boolean mandatory = false;
        boolean configurable = false;
        for (int i = 2; i < parts.length; i++) {
            String option = parts[i].strip();
            int equals = option.indexOf('=');
            String key = equals < 0 ? option : option.substring(0, equals).strip();
            String value = equals < 0 ? null : option.substring(equals + 1).strip();
            switch (key) {
                case "mandatory" -> mandatory = true;
                case "configurable" -> configurable = true;
                case "values" -> values = CellReader.split(value, Columns.LIST_SEPARATOR);
                case "min" -> min = value == null ? null : cells.decimal(Columns.CHARACTERISTICS, value);
                case "max" -> max = value == null ? null : cells.decimal(Columns.CHARACTERISTICS, value);
                case "unit" -> unit = value;
                case "fixed" -> fixed = value;
                default -> cells.problem(Columns.CHARACTERISTICS, "unknown option '" + option + "' of characteristic '"
                        + parts[0].strip() + "'; the options are values=, min=, max=, unit=, fixed=, mandatory,"
                        + " configurable");
            }
        }
        return new SpecificationDraft.Characteristic(parts[0].strip(), type, values, min, max, unit, mandatory,
                configurable, fixed);
    }

    static String format(SpecificationDraft.Characteristic characteristic) {
        List<String> parts = new ArrayList<>();
        parts.add(characteristic.name());
        parts.add(characteristic.valueType() == null ? "" : characteristic.valueType().name());
        if (!characteristic.allowedValues().isEmpty()) {
            parts.add("values=" + String.join(Columns.LIST_SEPARATOR, characteristic.allowedValues()));
        }
        if (characteristic.min() != null) {
            parts.add("min=" + characteristic.min().toPlainString());
        }
        if (characteristic.max() != null) {
            parts.add("max=" + characteristic.max().toPlainString());
        }
        if (characteristic.unit() != null) {
            parts.add("unit=" + characteristic.unit());
        }
        if (characteristic.mandatory()) {
            parts.add("mandatory");
        }
        if (characteristic.configurable()) {
            parts.add("configurable");
        }
        if (characteristic.fixedValue() != null) {
            // a number stored before fixed values were kept plain (1E+2) is written plain too (100)
            parts.add("fixed=" + (characteristic.numeric() ? SpecificationDraft.plainNumber(characteristic.fixedValue())
                    : characteristic.fixedValue()));
        }
        return String.join(":", parts);
    }

    private static SpecificationDraft.ValueType valueType(CellReader cells, String text) {
        try {
            return SpecificationDraft.ValueType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            cells.problem(Columns.CHARACTERISTICS, "'" + text + "' is not a value type: "
                    + Arrays.toString(SpecificationDraft.ValueType.values()));
            return null;
        }
    }
}
