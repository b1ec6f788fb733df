package io.accord.orchestration.inventory;

import io.accord.platform.csv.CsvFailures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the items of a CSV file: a header row naming the column {@code value}, then one resource per row.
 * Every row is checked against the resource type and against the rows before it; the result lists every
 * problem with its row (the header is row 1, as a spreadsheet numbers it) and column, so the whole file can be
 * fixed at once.
 */
final class CsvItems {

    static final String VALUE = "value";

    private CsvItems() {
    }

    record Row(long row, String value) {
    }

    record Problem(long row, String column, String message) {

        String field() {
            return row == 0 ? "file" : "row " + row + ", " + column;
        }
    }

    record Parsed(List<Row> rows, List<Problem> problems) {
    }

    static Parsed parse(String content, ResourceType type, int maxRows) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> columns = parser.getHeaderNames();
            if (!columns.contains(VALUE)) {
                problems.add(new Problem(1, "header", "the header row must name the column '" + VALUE
                        + "'; found " + columns));
                return new Parsed(rows, problems);
            }
            columns.stream().filter(column -> !VALUE.equals(column)).forEach(column -> problems.add(
                    new Problem(1, column, "unknown column '" + column + "': the only column is '" + VALUE + "'")));
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                long row = parser.getCurrentLineNumber();
                if (rows.size() >= maxRows) {
                    problems.add(new Problem(0, "file", "more than " + maxRows + " rows: split the file"));
                    break;
                }
                String value = record.isMapped(VALUE) && record.isSet(VALUE) ? record.get(VALUE) : "";
                var problem = type.problemWith(value);
                if (problem.isPresent()) {
                    problems.add(new Problem(row, VALUE, problem.get()));
                } else if (seen.containsKey(value)) {
                    problems.add(new Problem(row, VALUE, "'" + value + "' duplicates row " + seen.get(value)));
                } else {
                    seen.put(value, row);
                }
                rows.add(new Row(row, value));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException malformed) {
            problems.add(new Problem(0, "file", "not a readable CSV file: " + CsvFailures.describe(malformed)));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "file", "the file has no rows below its header"));
        }
        return new Parsed(rows, problems);
    }
}
