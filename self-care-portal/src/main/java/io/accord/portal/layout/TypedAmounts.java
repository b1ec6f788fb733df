package io.accord.portal.layout;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as users type them into forms, read in their language: German {@code 1.234,50} (a point groups thousands,
 * a comma is the decimal mark), English {@code 1,234.50}; the plain forms {@code 1000}, {@code 1000.50} (English)
 * and {@code 1000,50} (German) too. What could be read two ways is refused, not guessed: a mark in the wrong place
 * ({@code 1,5} in English, {@code 1.5} in German, {@code 1,00,000}), more decimals than allowed, a sign, an exponent.
 * Until 2026-12-07 every form replaced a comma by a point, so English {@code 1,000} became 1.00 and German
 * {@code 1.000} became 1.00, and German {@code 62.015,72} (the way the page itself shows a total) was refused.
 * {@link #editable} writes an amount the way this reads it back (the value a form starts with). Quantities are read
 * the same way with more decimals ({@link #parseSigned} where a value may be negative); a leading zero before a
 * grouping mark ({@code 0.500} in German) is refused as the other language's decimal.
 */
public final class TypedAmounts {

    /** The most digits before the decimal mark: settlement's amounts have 18. */
    private static final int INTEGER_DIGITS = 18;

    private TypedAmounts() {
    }

    /**
     * The amount typed, in the user's language ({@code locale}), with at most {@code maxDecimals} decimals; empty when
     * it is blank, not a non-negative number written that language's way, or has more decimals.
     */
    public static Optional<BigDecimal> parse(String typed, Locale locale, int maxDecimals) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        char decimal = decimalMark(locale);
        char grouping = decimal == ',' ? '.' : ',';
        String mark = Pattern.quote(String.valueOf(decimal));
        String plain = "\\d{1," + INTEGER_DIGITS + "}";
        String grouped = "\\d{1,3}(?:" + Pattern.quote(String.valueOf(grouping)) + "\\d{3})+";
        Pattern pattern = Pattern.compile("(?:" + plain + "|" + grouped + ")(?:" + mark + "(\\d+))?");
        var matcher = pattern.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String decimals = matcher.group(1);
        if (decimals != null && decimals.length() > maxDecimals) {
            return Optional.empty();
        }
        String written = decimals == null ? text : text.substring(0, text.length() - decimals.length() - 1);
        if (written.indexOf(grouping) >= 0 && written.charAt(0) == '0') {
            // "0.500" in German, "0,500" in English: no one groups a leading zero; it is the other language's decimal
            return Optional.empty();
        }
        String integer = written.replace(String.valueOf(grouping), "");
        if (integer.length() > INTEGER_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(decimals == null ? integer : integer + "." + decimals));
    }

    /**
     * As {@link #parse}, with an optional leading minus ({@code -} or the pages' {@code −}): an invoice line's amount
     * or quantity may be negative (a credit). A plus sign, a sign after the number or a lone sign is refused.
     */
    public static Optional<BigDecimal> parseSigned(String typed, Locale locale, int maxDecimals) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.startsWith("-") || text.startsWith("\u2212")) {
            return text.length() < 2 || !Character.isDigit(text.charAt(1)) ? Optional.empty()
                    : parse(text.substring(1), locale, maxDecimals).map(BigDecimal::negate);
        }
        return parse(text, locale, maxDecimals);
    }

    /** The most decimals an amount of money in a currency takes: its minor unit (2 for EUR, 0 for JPY; 2 if unknown). */
    public static int minorDigits(String currency) {
        try {
            String code = currency == null ? "" : currency.strip();
            int digits = code.isEmpty() ? 2 : java.util.Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /**
     * An amount (a JSON value, a number or its text) as a form's starting value that {@link #parse} reads back: the
     * language's decimal mark, no grouping, its significant decimals ({@code 62015.720} → {@code 62015,72} in
     * German); blank or no number as it came.
     */
    public static String editable(Object value, Locale locale) {
        String text = value instanceof tools.jackson.databind.JsonNode node
                ? (node.isMissingNode() || node.isNull() ? "" : node.asString("")) : value == null ? "" : value.toString();
        text = text.strip();
        BigDecimal amount;
        try {
            amount = text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
        if (amount == null) {
            return "";
        }
        String plain = amount.stripTrailingZeros().toPlainString();
        if (plain.contains(".") && amount.scale() >= 2 && plain.length() - plain.indexOf('.') - 1 < 2) {
            plain = amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        }
        return plain.replace('.', decimalMark(locale));
    }

    /** A hint how to type an amount, as the language writes it: {@code 1,234.50} / {@code 1.234,50}. */
    public static String example(Locale locale) {
        return decimalMark(locale) == ',' ? "1.234,50" : "1,234.50";
    }

    private static char decimalMark(Locale locale) {
        char mark = DecimalFormatSymbols.getInstance(locale == null ? Locale.ENGLISH : locale).getDecimalSeparator();
        return mark == ',' ? ',' : '.';
    }
}
