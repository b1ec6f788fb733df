package io.accord.settlement.money;

import io.accord.platform.problem.InvalidValueException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimals as settlement reads them from callers (amounts, quantities, tolerances, rates): plain digits with at most
 * one decimal point, never an exponent. {@code new BigDecimal} also reads {@code 1e3}, {@code 1E+2} and {@code 5e-1}
 * (found on 2026-12-06: a payment, a credit note line, invoice lines, CDR rows and usage-match tolerances took them),
 * which no partner or finance user writes for money and which hides the value's real number of decimals.
 */
public final class PlainDecimal {

    /** {@link BigDecimal}'s own syntax without the exponent: an optional sign, digits, an optional fraction. */
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private PlainDecimal() {
    }

    /** The value of a plain decimal (surrounding blanks ignored), {@code null} for anything else. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return PLAIN.matcher(stripped).matches() ? new BigDecimal(stripped) : null;
    }

    /** What a decimal must look like, for a refusal: "must be a plain decimal number such as 12.50, ...". */
    public static String mustBe(String example, int maxDecimals) {
        return "must be a plain decimal number such as " + example + " (digits and at most one decimal point, no "
                + "exponent such as 1e3), with at most " + maxDecimals + " decimals";
    }

    /**
     * A request body's amount ({@code @JsonDeserialize(using = PlainDecimal.Amount.class)}): a JSON number or string
     * written as a plain decimal; anything else is the field's 400 saying what it must be. How many decimals the
     * amount may have is checked by the field's own rules ({@code @Digits}, the currency's minor unit).
     */
    public static final class Amount extends StdScalarDeserializer<BigDecimal> {

        static final String MUST_BE = mustBe("12.50", 6);

        public Amount() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            String text = parser.getString();
            BigDecimal value = parse(text);
            if (value == null) {
                throw DatabindException.from(context, "'" + shown(text) + "' is not a plain decimal",
                        new InvalidValueException(MUST_BE));
            }
            return value;
        }

        private static String shown(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
