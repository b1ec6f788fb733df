package io.accord.catalog.importjob;

import io.accord.platform.csv.CsvFailures;
import io.accord.platform.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV catalog file (RFC 4180, UTF-8, a header line naming {@link Columns}): consecutive lines with the same
 * {@code externalId} are one offering, each line adding one price. Only the current offering's lines are held.
 */
final class CsvItemReader implements ItemReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private CSVRecord lookahead;
    private int row;

    CsvItemReader(InputStream in) {
        try {
            Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                    64 * 1024));
            this.parser = CSVParser.parse(reader, FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            throw new FileFormatException("The CSV header cannot be read: " + CsvFailures.describe(unreadable),
                    unreadable);
        }
        this.header = parser.getHeaderNames();
        checkHeader(header);
        this.records = parser.iterator();
    }

    /** The header names the documented columns only, and the required ones. */
    static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new FileFormatException("The file has no CSV header line; see docs/catalog-import.md");
        }
        List<String> unknown = header.stream().filter(name -> !Columns.ALL.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new FileFormatException("Unknown CSV columns " + unknown + "; the columns are " + Columns.ALL);
        }
        List<String> missing = Columns.REQUIRED.stream().filter(name -> !header.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new FileFormatException("The CSV header lacks the required columns " + missing);
        }
    }

    @Override
    public ImportItem next() {
        CSVRecord first = read();
        if (first == null) {
            return null;
        }
        row++;
        List<RowProblem> problems = new ArrayList<>();
        Cells offering = cells(first, Columns.OFFERING, true, problems);
        List<Cells> prices = new ArrayList<>();
        addPrice(first, prices, problems);
        String externalId = offering.get(Columns.EXTERNAL_ID);
        while (externalId != null && (lookahead = read()) != null
                && externalId.equals(text(lookahead, Columns.EXTERNAL_ID))) {
            CSVRecord more = lookahead;
            lookahead = null;
            checkRepeatedOfferingCells(offering, cells(more, Columns.OFFERING, true, problems), problems);
            addPrice(more, prices, problems);
        }
        return new ImportItem(row, offering, List.copyOf(prices), List.copyOf(problems));
    }

    private CSVRecord read() {
        if (lookahead != null) {
            CSVRecord next = lookahead;
            lookahead = null;
            return next;
        }
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException malformed) {
            throw new FileFormatException("The CSV file is malformed after line " + (parser.getRecordNumber() + 1)
                    + ": " + CsvFailures.describe(malformed), malformed);
        }
    }

    private void addPrice(CSVRecord record, List<Cells> prices, List<RowProblem> problems) {
        // a CSV cell is named by its column and line, so prices need no index
        Cells price = cells(record, Columns.PRICE, false, problems);
        if (!price.values().isEmpty()) {
            prices.add(price);
        }
    }

    /** @param checkLine whether to report a line with more or fewer cells than the header (once per line) */
    private Cells cells(CSVRecord record, List<String> columns, boolean checkLine, List<RowProblem> problems) {
        int line = line(record);
        if (checkLine && !record.isConsistent()) {
            problems.add(new RowProblem("line", line, "the line has " + record.size() + " cells, the header "
                    + header.size()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : columns) {
            String text = text(record, column);
            if (text != null) {
                values.put(column, text);
            }
        }
        return new Cells(line, "", values);
    }

    /** The offering's cells on its further lines are empty or the same as on its first line. */
    private static void checkRepeatedOfferingCells(Cells first, Cells again, List<RowProblem> problems) {
        for (Map.Entry<String, String> cell : again.values().entrySet()) {
            if (!cell.getValue().equals(first.get(cell.getKey()))) {
                problems.add(new RowProblem(cell.getKey(), again.line(), "differs from line " + first.line()
                        + " of the same offering; leave it empty or repeat the same value"));
            }
        }
    }

    private static String text(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        // the export writes a text a spreadsheet would take for a formula after a ' (CsvCells): taken off again
        String cell = CsvCells.unguard(value.strip()).strip();
        return cell.isEmpty() ? null : cell;
    }

    private static int line(CSVRecord record) {
        return (int) record.getRecordNumber() + 1;
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading only: nothing is lost when closing fails
        }
    }
}
