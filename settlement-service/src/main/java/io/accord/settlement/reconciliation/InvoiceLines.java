package io.accord.settlement.reconciliation;

import io.accord.platform.time.SupportedTimes;
import io.accord.platform.csv.CsvFailures;
import io.accord.platform.web.PlainDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice's lines, from JSON or from a CSV file (RFC 4180, UTF-8, header row), checked one by one: every problem
 * is collected with its field, and for CSV its data row and line, so the partner fixes them all at once.
 */
final class InvoiceLines {

    static final List<String> COLUMNS = List.of("offeringId", "usageType", "periodStart", "reference", "description",
            "quantity", "amount", "side");
    static final int MAX_LINES = 10_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

    private InvoiceLines() {
    }

    /**
     * A line as given, with where it came from: {@code field} prefix for JSON, row and line for CSV.
     *
     * @param malformed what is wrong with the CSV row's shape (its number of fields), {@code null} when nothing
     */
    record Numbered(InvoiceResources.InvoiceLineInput input, String prefix, Long row, Long line, String malformed) {

        Numbered(InvoiceResources.InvoiceLineInput input, String prefix, Long row, Long line) {
            this(input, prefix, row, line, null);
        }
    }

    /**
     * A checked line. {@code period} is {@link LineMatching#CURRENT} or {@link LineMatching#PRIOR}; {@code
     * statedSide} the side as the partner stated it ({@code null}: not stated).
     */
    record Valid(int lineNo, String offeringId, String usageType, LocalDate periodStart, String period,
                 String reference, String description, BigDecimal quantity, BigDecimal amount, String statedSide) {

        /** The side compared: as stated, else by the amount's sign. */
        String side() {
            return LineMatching.sideOf(statedSide, amount);
        }

        /** What the line says about money (its description aside): two invoices with the same are duplicates. */
        List<Object> content() {
            return java.util.Arrays.asList(offeringId, usageType, periodStart, reference, side(),
                    quantity == null ? null : quantity.stripTrailingZeros(), amount.stripTrailingZeros());
        }
    }

    static List<Numbered> fromJson(List<InvoiceResources.InvoiceLineInput> lines) {
        List<Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new Numbered(lines.get(i), "lines[" + i + "].", null, null));
        }
        return numbered;
    }

    /** Reads the CSV's lines; a malformed file or header is refused at once. */
    static List<Numbered> fromCsv(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        List<Numbered> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(name -> name.startsWith("\uFEFF") ? name.substring(1) : name).toList();
            List<String> unknown = header.stream().filter(name -> !COLUMNS.contains(name)).toList();
            List<String> twice = header.stream().filter(name -> header.indexOf(name) != header.lastIndexOf(name))
                    .distinct().toList();
            if (!twice.isEmpty()) {
                // said here: the parser's own refusal advised "use CSVFormat.Builder.setDuplicateHeaderMode()"
                throw InvoiceRejected.of("file", "The CSV header names the column(s) " + twice + " more than once");
            }
            if (header.isEmpty() || !header.contains("amount") || !unknown.isEmpty()) {
                throw InvoiceRejected.of("file", "The CSV header must name the columns " + COLUMNS
                        + " (amount required, the others optional)" + (unknown.isEmpty() ? "" : "; unknown: "
                        + unknown));
            }
            long row = 0;
            java.util.Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
                    // the rows before it are checked as well: one unclosed quote hid every other problem of the file
                    lines.add(new Numbered(null, "", row + 1, parser.getCurrentLineNumber(), "the file cannot be "
                            + "read as CSV from here on: " + CsvFailures.describe(unreadable)));
                    break;
                }
                row++;
                if (row > MAX_LINES) {
                    throw InvoiceRejected.of("file", "An invoice has at most " + MAX_LINES + " lines");
                }
                // a row of the wrong shape is one of the file's problems, reported with all the others
                String malformed = record.isConsistent() ? null
                        : "the row has " + record.size() + " fields, the header " + header.size();
                String[] values = new String[COLUMNS.size()];
                for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                    String value = record.get(i);
                    values[COLUMNS.indexOf(header.get(i))] = value == null || value.isEmpty() ? null : value;
                }
                lines.add(new Numbered(new InvoiceResources.InvoiceLineInput(values[0], values[1], values[2],
                        values[3], values[4], values[5], values[6], values[7]), "", row,
                        record.getParser().getCurrentLineNumber(), malformed));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw InvoiceRejected.of("file", "The CSV file cannot be read: " + CsvFailures.describe(unreadable));
        }
        return lines;
    }

    /**
     * Checks every line against the invoice's currency (amounts at its minor unit) and period start.
     *
     * @throws InvoiceRejected with every problem found
     */
    static List<Valid> check(List<Numbered> lines, int minorDigits, LocalDate periodStart,
                             List<InvoiceRejected.Violation> violations) {
        if (lines.isEmpty()) {
            violations.add(InvoiceRejected.Violation.of("lines", "An invoice needs at least one line"));
        }
        if (lines.size() > MAX_LINES) {
            violations.add(InvoiceRejected.Violation.of("lines", "An invoice has at most " + MAX_LINES + " lines"));
            return List.of();
        }
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Numbered numbered = lines.get(i);
            Checker check = new Checker(numbered, violations);
            InvoiceResources.InvoiceLineInput line = numbered.input();
            if (line == null) {
                if (numbered.malformed() != null) {
                    check.fail("file", numbered.malformed());
                } else {
                    check.fail("", "a line is required");
                }
                continue;
            }
            if (numbered.malformed() != null) {
                check.fail("file", numbered.malformed());
            }
            String offering = check.text("offeringId", line.offeringId(), 200);
            String usageType = check.text("usageType", line.usageType(), 64);
            String reference = check.text("reference", line.reference(), 200);
            String description = check.text("description", line.description(), 500);
            BigDecimal quantity = line.quantity() == null ? null : check.decimal("quantity", line.quantity(), 9);
            BigDecimal amount = line.amount() == null ? check.fail("amount", "amount is required")
                    : check.decimal("amount", line.amount(), minorDigits);
            String side = check.side(line.side());
            LocalDate start = null;
            String period = LineMatching.CURRENT;
            if (line.periodStart() != null) {
                try {
                    start = LocalDate.parse(line.periodStart().strip());
                    if (!SupportedTimes.contains(start)) {
                        check.fail("periodStart", "periodStart must be " + SupportedTimes.RANGE + ", not '"
                                + line.periodStart() + "'");
                    } else if (start.isAfter(periodStart)) {
                        check.fail("periodStart", "periodStart " + start + " is after the invoice period's start "
                                + periodStart + "; a line is about the invoice's period or an earlier one");
                    } else if (start.isBefore(periodStart)) {
                        period = LineMatching.PRIOR;
                    }
                } catch (DateTimeParseException bad) {
                    check.fail("periodStart", "periodStart must be an ISO date (e.g. 2026-03-01), not '"
                            + line.periodStart() + "'");
                }
            }
            if (check.ok()) {
                valid.add(new Valid(i + 1, offering, usageType, start, period, reference, description, quantity,
                        amount, side));
            }
        }
        return valid;
    }

    /** Collects the problems of one line. */
    private static final class Checker {
        private final Numbered line;
        private final List<InvoiceRejected.Violation> violations;
        private boolean ok = true;

        Checker(Numbered line, List<InvoiceRejected.Violation> violations) {
            this.line = line;
            this.violations = violations;
        }

        <T> T fail(String field, String message) {
            ok = false;
            String where = line.row() == null ? "" : "row " + line.row() + " (line " + line.line() + "): ";
            violations.add(new InvoiceRejected.Violation(line.prefix() + field, where + message, line.row(),
                    line.line()));
            return null;
        }

        String text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.strip().length() > max) {
                return fail(field, field + " is longer than " + max + " characters");
            }
            return value.strip();
        }

        /** REVENUE_SHARE or WHOLESALE (any case), {@code null} when not given. */
        String side(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String side = value.strip().toUpperCase(java.util.Locale.ROOT);
            if (!LineMatching.SIDES.contains(side)) {
                return fail("side", "side must be one of " + LineMatching.SIDES + " (REVENUE_SHARE: your supply to "
                        + "us, WHOLESALE: ours to you), or left out to read it from the amount's sign, not '"
                        + value + "'");
            }
            return side;
        }

        BigDecimal decimal(String field, String value, int maxScale) {
            try {
                BigDecimal number = PlainDecimal.parse(value);
                if (number == null) {
                    return fail(field, field + " " + PlainDecimal.mustBe("123.45", maxScale) + ", not '" + value
                            + "'");
                }
                if (number.stripTrailingZeros().scale() > maxScale) {
                    return fail(field, field + " '" + value + "' has more than " + maxScale + " decimals");
                }
                if (number.abs().compareTo(new BigDecimal("1E15")) >= 0) {
                    return fail(field, field + " '" + value + "' is too large");
                }
                return number.setScale(Math.max(maxScale, 0), java.math.RoundingMode.UNNECESSARY);
            } catch (NumberFormatException | ArithmeticException bad) {
                return fail(field, field + " must be a decimal number (e.g. 123.45), not '" + value + "'");
            }
        }

        boolean ok() {
            return ok;
        }
    }
}
