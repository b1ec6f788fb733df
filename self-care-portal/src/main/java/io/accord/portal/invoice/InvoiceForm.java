package io.accord.portal.invoice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;

import io.accord.portal.gateway.Gateway;

/**
 * The invoice form as the settlement API takes it: the invoice's fields, and the lines entered in the form
 * ({@code <field><row>}, empty rows left out) as JSON lines or, when a PDF comes along (the API takes a PDF only
 * with a CSV of lines), as that CSV. A line's {@code side} ({@link #SIDES}) is sent only when chosen: left out,
 * settlement reads it from the amount's sign (docs/settlement-reconciliation.md, {@code SIDE}).
 */
final class InvoiceForm {

    static final int ROWS = 5;
    static final List<String> HEADER = List.of("offeringId", "usageType", "periodStart", "reference", "description",
            "quantity", "amount", "side");
    /** The sides a line may state, as settlement takes them; the form's empty choice leaves it to the sign. */
    static final List<String> SIDES = List.of("REVENUE_SHARE", "WHOLESALE");
    private static final List<String> FIELDS = List.of("periodId", "invoiceNumber", "invoiceDate", "currency");

    private InvoiceForm() {
    }

    static Map<String, String> fields(Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        FIELDS.forEach(field -> fields.put(field, form.getOrDefault(field, "").strip()));
        return fields;
    }

    static Map<String, Object> json(Map<String, String> form) {
        Map<String, Object> invoice = new LinkedHashMap<>(fields(form));
        invoice.put("lines", lines(form));
        return invoice;
    }

    static Gateway.Upload csv(Map<String, String> form) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (Map<String, String> line : lines(form)) {
            List<String> cells = new ArrayList<>();
            HEADER.forEach(column -> cells.add(quoted(line.getOrDefault(column, ""))));
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return Gateway.Upload.of("invoice-lines.csv", MediaType.parseMediaType("text/csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<Map<String, String>> lines(Map<String, String> form) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            Map<String, String> line = new LinkedHashMap<>();
            for (String column : HEADER) {
                String value = form.getOrDefault(column + row, "").strip();
                if (!value.isEmpty()) {
                    line.put(column, value);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
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
