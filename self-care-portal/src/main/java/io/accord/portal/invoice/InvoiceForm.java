package io.accord.portal.invoice;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.layout.TypedAmounts;

/**
 * The invoice form as the settlement API takes it: the invoice's fields, and the lines entered in the form
 * ({@code <field><row>}, empty rows left out) as JSON lines or, when a PDF comes along (the API takes a PDF only
 * with a CSV of lines), as that CSV. A line's {@code side} ({@link #SIDES}) is sent only when chosen: left out,
 * settlement reads it from the amount's sign (docs/settlement-reconciliation.md, {@code SIDE}). Quantity and amount
 * are read in the user's language ({@link TypedAmounts}: German {@code 37.772} is 37772, {@code 13.220,20} is
 * 13220.20) and sent as plain decimals; until 2026-12-07 they went as typed, so German grouping became a decimal
 * point and a German decimal comma was refused in settlement's English.
 */
final class InvoiceForm {

    static final int ROWS = 5;
    static final List<String> HEADER = List.of("offeringId", "usageType", "periodStart", "reference", "description",
            "quantity", "amount", "side");
    /** The sides a line may state, as settlement takes them; the form's empty choice leaves it to the sign. */
    static final List<String> SIDES = List.of("REVENUE_SHARE", "WHOLESALE");
    private static final List<String> FIELDS = List.of("periodId", "invoiceNumber", "invoiceDate", "currency");
    /** The most decimals settlement takes in a line's quantity ({@code InvoiceLines}). */
    static final int QUANTITY_DECIMALS = 9;
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    /**
     * The form's lines as settlement takes them, the form row of each line (empty rows are left out), and the cells
     * the portal could not read: cell ({@code amount2}) → message key, with the decimals it takes.
     */
    record Lines(List<Map<String, String>> lines, List<Integer> rows, Map<String, Refusal> refused) {

        /**
         * The form cell a settlement violation belongs to, {@code null} if none: {@code lines[i].amount} of the JSON
         * lines, or field {@code amount} of CSV row {@code i + 1} when the portal wrote the CSV from the form.
         */
        String cellOf(GatewayProblem.Violation violation, boolean csvFromForm) {
            Matcher json = LINE_FIELD.matcher(violation.field());
            int index;
            String column;
            if (json.matches()) {
                index = Integer.parseInt(json.group(1));
                column = json.group(2);
            } else if (csvFromForm && violation.row() != null) {
                index = violation.row().intValue() - 1;
                column = violation.field();
            } else {
                return null;
            }
            return index >= 0 && index < rows.size() && HEADER.contains(column) ? column + rows.get(index) : null;
        }
    }

    /** Why the portal refused a cell: a message key and its argument (the decimals the value takes). */
    record Refusal(String key, int decimals) {
    }

    private InvoiceForm() {
    }

    static Map<String, String> fields(Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        FIELDS.forEach(field -> fields.put(field, form.getOrDefault(field, "").strip()));
        return fields;
    }

    static Map<String, Object> json(Map<String, String> form, Lines lines) {
        Map<String, Object> invoice = new LinkedHashMap<>(fields(form));
        invoice.put("lines", lines.lines());
        return invoice;
    }

    static Gateway.Upload csv(Lines lines) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (Map<String, String> line : lines.lines()) {
            List<String> cells = new ArrayList<>();
            HEADER.forEach(column -> cells.add(quoted(line.getOrDefault(column, ""))));
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return Gateway.Upload.of("invoice-lines.csv", MediaType.parseMediaType("text/csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The lines typed into the form, quantity and amount read in {@code locale} (the amount at the currency's minor
     * unit, a quantity with up to {@link #QUANTITY_DECIMALS} decimals, either may be negative) and written as plain
     * decimals for settlement.
     */
    static Lines lines(Map<String, String> form, Locale locale) {
        int amountDecimals = TypedAmounts.minorDigits(form.getOrDefault("currency", ""));
        List<Map<String, String>> lines = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (int row = 0; row < ROWS; row++) {
            Map<String, String> line = new LinkedHashMap<>();
            boolean typed = false;
            for (String column : HEADER) {
                String value = form.getOrDefault(column + row, "").strip();
                typed |= !value.isEmpty();
                if (value.isEmpty()) {
                    continue;
                }
                int decimals = "amount".equals(column) ? amountDecimals : QUANTITY_DECIMALS;
                if ("amount".equals(column) || "quantity".equals(column)) {
                    Optional<BigDecimal> number = TypedAmounts.parseSigned(value, locale, decimals);
                    if (number.isEmpty()) {
                        refused.put(column + row, new Refusal("invoices.error." + column, decimals));
                        continue;
                    }
                    value = number.get().toPlainString();
                }
                line.put(column, value);
            }
            if (typed) {
                lines.add(line);
                rows.add(row);
            }
        }
        return new Lines(lines, rows, refused);
    }

    /** A problem as one text: its detail and each violation with its row. */
    static String describe(io.accord.portal.gateway.GatewayProblem problem) {
        StringBuilder text = new StringBuilder(problem.detail() == null ? "" : problem.detail());
        problem.violations().forEach(v -> text.append(text.isEmpty() ? "" : " · ")
                .append(v.row() == null ? "" : "row " + v.row() + ", ").append(v.field()).append(": ")
                .append(v.message()));
        return text.toString();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String value) {
        return value.matches(".*[\",\r\n].*") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
