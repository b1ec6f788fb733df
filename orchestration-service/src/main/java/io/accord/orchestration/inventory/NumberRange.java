package io.accord.orchestration.inventory;

import io.accord.platform.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of numbered resources, {@code from} to {@code to} inclusive, e.g. MSISDNs {@code +4915100000000} to
 * {@code +4915100099999}. Both ends have the same form and length; the numbers keep their leading zeros. ICCID
 * ranges are given without the check digit (18 or 19 digits starting with 89): each generated ICCID gets its
 * Luhn digit appended.
 */
record NumberRange(ResourceType type, String prefix, int width, long first, long last) {

    private static final Pattern NUMBER = Pattern.compile("(\\+?)([0-9]{1,19})");

    /** Parses and checks a range request; a wrong end or an oversize range is a 400 naming the field. */
    static NumberRange of(ResourceType type, String from, String to, long maxSize) {
        if (!type.numbered()) {
            throw new InvalidInputException("from", type + " values are not numbers: import them from a CSV file");
        }
        Matcher start = number(type, "from", from);
        Matcher end = number(type, "to", to);
        if (!start.group(1).equals(end.group(1)) || start.group(2).length() != end.group(2).length()) {
            throw new InvalidInputException("to", "'to' must have the same form and number of digits as 'from'");
        }
        long first = Long.parseLong(start.group(2));
        long last = Long.parseLong(end.group(2));
        if (last < first) {
            throw new InvalidInputException("to", "'to' must not be before 'from'");
        }
        NumberRange range = new NumberRange(type, start.group(1), start.group(2).length(), first, last);
        if (range.size() > maxSize) {
            throw new InvalidInputException("to", "the range holds " + range.size() + " values, more than the limit of "
                    + maxSize + " per request: split it");
        }
        return range;
    }

    private static Matcher number(ResourceType type, String field, String value) {
        String given = value == null ? "" : value.strip();
        Matcher matcher = NUMBER.matcher(given);
        String full = type == ResourceType.ICCID && matcher.matches() ? given + Luhn.checkDigit(given) : given;
        var problem = type.problemWith(full);
        if (!matcher.matches() || problem.isPresent()) {
            String expected = type == ResourceType.ICCID
                    ? "an ICCID without its check digit (18 or 19 digits starting with 89)"
                    : problem.orElse("not a " + type + " number");
            throw new InvalidInputException(field, type == ResourceType.ICCID
                    ? "'" + given + "' is not " + expected : expected);
        }
        return matcher;
    }

    long size() {
        return last - first + 1;
    }

    /** The values from {@code offset} (0-based within the range), at most {@code count} of them. */
    List<String> values(long offset, int count) {
        List<String> values = new ArrayList<>(count);
        String format = "%0" + width + "d";
        for (long n = first + offset; n <= last && values.size() < count; n++) {
            String digits = String.format(format, n);
            values.add(type == ResourceType.ICCID ? digits + Luhn.checkDigit(digits) : prefix + digits);
        }
        return values;
    }
}
