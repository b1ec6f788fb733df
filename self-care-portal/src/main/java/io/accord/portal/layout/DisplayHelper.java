package io.accord.portal.layout;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link Display} and {@link Codes} for templates, in the user's language: {@code ${@display.money(amount,
 * currency)}}, {@code ${@display.total(…)}}, {@code ${@display.amount(…)}}, {@code ${@display.number(…)}},
 * {@code ${@display.percent(…)}}, {@code ${@display.instant(…)}}, {@code ${@display.instantUtc(…)}},
 * {@code ${@display.date(…)}}, {@code ${@display.datetime(…)}} (the ISO value of a {@code <time>}) and {@code ${@display.code('Kind', value)}}.
 */
@Component("display")
public class DisplayHelper {

    private final MessageSource messages;

    DisplayHelper(MessageSource messages) {
        this.messages = messages;
    }

    /** {@link Display#money}. */
    public String money(Object amount, String currency) {
        return Display.money(amount, currency);
    }

    /** {@link Display#total}: a sum of money at the currency's minor unit. */
    public String total(Object amount, String currency) {
        return Display.total(amount, currency, locale());
    }

    /** {@link Display#amount(Object, String, java.util.Locale)} in the user's language: the amount alone. */
    public String amount(Object amount, String currency) {
        return Display.amount(amount, currency, locale());
    }

    /** {@link TypedAmounts#editable}: an amount as a form's starting value, the way the form reads it back. */
    public String editable(Object amount) {
        return TypedAmounts.editable(amount, locale());
    }

    /** {@link Display#number}. */
    public String number(Object value) {
        return Display.number(value, locale());
    }

    /** {@link Display#quantity}: a usage quantity at the decimals its unit has (a JSON value or text unit). */
    public String quantity(Object value, Object unit) {
        return Display.quantity(value, text(unit), locale());
    }

    /** {@link Display#percent}. */
    public String percent(Object value) {
        return Display.percent(value, locale());
    }

    /** {@link Display#instant}: a JSON value or text. */
    public String instant(Object iso) {
        return Display.instant(text(iso));
    }

    /** {@link Display#date}: a JSON value or text, the day only ({@code 2026-12-07}, German {@code 07.12.2026}). */
    public String date(Object iso) {
        return Display.date(text(iso));
    }

    /**
     * {@link Dates#machine}: the ISO value for {@code <time th:datetime="${@display.datetime(x)}">}; {@code null} (no
     * attribute) when the value is no date or instant.
     */
    public String datetime(Object iso) {
        return Dates.machine(text(iso));
    }

    /** {@link Display#instantUtc}: a JSON value or text, with its zone ({@code 2026-12-01 09:00 UTC}). */
    public String instantUtc(Object iso) {
        return Display.instantUtc(text(iso));
    }

    private static String text(Object value) {
        return value instanceof tools.jackson.databind.JsonNode node
                ? (node.isMissingNode() || node.isNull() ? "" : node.asString()) : value == null ? "" : value.toString();
    }

    /**
     * A service's code as words in the user's language: the text {@code code.<kind>.<value>}, else the code made
     * readable ({@link Codes#humanised}); blank is empty. The value is a string or a JSON value.
     */
    public String code(String kind, Object value) {
        String code = value instanceof tools.jackson.databind.JsonNode node
                ? (node.isMissingNode() || node.isNull() ? "" : node.asString()) : value == null ? "" : value.toString();
        code = code.strip();
        if (code.isEmpty()) {
            return "";
        }
        return messages.getMessage(Codes.key(kind, code), null, Codes.humanised(code), locale());
    }

    /** As {@link #code}, but a value without a text stays as it came (a free text such as a signer's name). */
    public String codeOrAsIs(String kind, Object value) {
        String code = value instanceof tools.jackson.databind.JsonNode node
                ? (node.isMissingNode() || node.isNull() ? "" : node.asString()) : value == null ? "" : value.toString();
        code = code.strip();
        return code.isEmpty() ? "" : messages.getMessage(Codes.key(kind, code), null, code, locale());
    }

    /** The codes of a list (a JSON array or a collection) as words, joined by {@code ", "}. */
    public String codes(String kind, Iterable<?> values) {
        java.util.List<String> shown = new java.util.ArrayList<>();
        if (values != null) {
            values.forEach(value -> shown.add(code(kind, value)));
        }
        return String.join(", ", shown);
    }

    /**
     * A statement line as the user's language names it, on the statement page and in the dispute form's choice of
     * lines: settlement's label in English; in another language (settlement writes its labels in English) by its
     * offering's name, usage type and reference, else by its line type.
     */
    public String statementLine(String label, String offeringName, String usageType, String reference, String type) {
        if ("en".equals(locale().getLanguage())) {
            return label == null || label.isBlank() ? code("StatementLineType", type) : label;
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String part : new String[] {offeringName, code("UsageType", usageType), reference}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? code("StatementLineType", type) : String.join(" · ", parts);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
