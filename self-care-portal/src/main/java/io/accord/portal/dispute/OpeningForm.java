package io.accord.portal.dispute;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import io.accord.portal.layout.TypedAmounts;

/**
 * The dispute opening form as typed: the statement lines chosen (checkboxes {@code lineId}, any number of one
 * statement: dispute-service takes several {@code StatementLine}s in one dispute), the amount disputed on each
 * ({@code lineAmount-<lineId>}, starting at the line's amount), or none chosen and one {@code amount} for the whole
 * statement. Each line goes to the service with its amount ({@code relatedEntity[].disputedAmount}), the dispute's
 * amount their sum (the split used to be lost: the service kept only the sum).
 */
record OpeningForm(List<String> lineIds, Map<String, String> lineAmounts, String category, String amount,
                   String description) {

    static final String LINE_AMOUNT = "lineAmount-";

    static final OpeningForm EMPTY = new OpeningForm(List.of(), Map.of(), "", "", "");

    static OpeningForm of(MultiValueMap<String, String> parameters) {
        LinkedHashSet<String> lines = new LinkedHashSet<>();
        List<String> chosen = parameters.getOrDefault("lineId", List.of());
        chosen.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(lines::add);
        Map<String, String> amounts = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(LINE_AMOUNT) && !values.isEmpty()) {
                amounts.put(name.substring(LINE_AMOUNT.length()), values.getFirst());
            }
        });
        return new OpeningForm(List.copyOf(lines), amounts, first(parameters, "category"),
                first(parameters, "amount"), first(parameters, "description"));
    }

    /** The statement page's link of one line: that line chosen with the amount it named (none: the whole statement). */
    static OpeningForm ofLine(String lineId, String amount) {
        if (lineId.isEmpty()) {
            return new OpeningForm(List.of(), Map.of(), "", amount, "");
        }
        // no amount named: the line starts at its own
        return new OpeningForm(List.of(lineId), amount.isBlank() ? Map.of() : Map.of(lineId, amount), "", "", "");
    }

    public boolean chosen(String lineId) {
        return lineIds.contains(lineId);
    }

    /** Whether an amount was typed (or named) for the line; else the form starts it at the line's amount. */
    public boolean typed(String lineId) {
        return lineAmounts.containsKey(lineId);
    }

    public String lineAmount(String lineId) {
        return lineAmounts.getOrDefault(lineId, "");
    }

    /**
     * The amount disputed on each chosen line in the user's language, or the field's error key under
     * {@code lineAmount-<id>}: a positive amount with at most the currency's decimals. One chosen line without an
     * amount of its own takes {@code amount} (the form's single field, as it was sent before lines had their own).
     */
    Map<String, BigDecimal> amounts(Locale locale, int decimals, Map<String, String> errors) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String lineId : lineIds) {
            String typed = lineIds.size() == 1 && !typed(lineId) ? amount : lineAmount(lineId);
            BigDecimal value = TypedAmounts.parse(typed, locale, decimals).orElse(null);
            if (value == null || value.signum() <= 0) {
                errors.put(LINE_AMOUNT + lineId, "disputes.error.amount");
            } else {
                amounts.put(lineId, value);
            }
        }
        return amounts;
    }

    private static String first(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null ? "" : value;
    }
}
