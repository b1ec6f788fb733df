package io.accord.platform.web;

import io.accord.platform.problem.InvalidValueException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimals as the services read them from callers (amounts, quantities, percentages, rates, tolerances): plain digits
 * with at most one decimal point, never an exponent. {@code new BigDecimal} (and Jackson) also read {@code 1e3},
 * {@code 1E+2} and {@code 5e-1}, which no partner or staff user writes for money or a share, and which hide the value's
 * real number of decimals: found on 2026-12-06 in settlement (payments, notes, invoice lines, CDR rows, tolerances),
 * and again on 2026-12-06 in orchestration (a quote's {@code "discountPercent": 1e1} was a 10 % discount, {@code 1e400}
 * answered "Infinity"), catalog (prices, shares) and onboarding (agreement rules). Every request body's
 * {@link BigDecimal} is read this way ({@link #module()}, registered by {@link StrictRequestBodies}); a field whose
 * refusal should also say how many decimals it takes uses {@link Amount}. CSV readers use {@link #parse}.
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
     * Every {@link BigDecimal} of a request body read as a plain decimal ({@link Decimal}): for the strict request
     * mapper only, since events and other services' answers are the platform's own writing.
     */
    public static JacksonModule module() {
        return new SimpleModule("accord-plain-decimals").addDeserializer(BigDecimal.class, new Decimal());
    }

    /** A request body's decimal, any field: a plain decimal as a JSON number or string, else the field's 400. */
    public static class Decimal extends StdScalarDeserializer<BigDecimal> {

        private final String mustBe;

        public Decimal() {
            this("must be a plain decimal number such as 12.50 (digits and at most one decimal point, no exponent "
                    + "such as 1e3)");
        }

        protected Decimal(String mustBe) {
            super(BigDecimal.class);
            this.mustBe = mustBe;
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
                        new InvalidValueException(mustBe));
            }
            return value;
        }

        private static String shown(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }

    /**
     * A request body's amount ({@code @JsonDeserialize(using = PlainDecimal.Amount.class)}): a JSON number or string
     * written as a plain decimal; anything else is the field's 400 saying what it must be. How many decimals the
     * amount may have is checked by the field's own rules ({@code @Digits}, the currency's minor unit).
     */
    public static final class Amount extends Decimal {

        public Amount() {
            super(mustBe("12.50", 6));
        }
    }
}
