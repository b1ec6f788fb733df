package io.accord.rating.usage;

import io.accord.platform.persistence.StorableText;
import io.accord.platform.problem.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner's CDR file (CSV with a header row, docs/rating-usage-api.md) read as a stream: the header is checked
 * when the reader opens, then each data row is mapped to a TMF635 Usage and read exactly like one sent to the API.
 * Only the rows of the chunk asked for are in memory.
 */
final class UsageFileReader {

    static final Set<String> REQUIRED = Set.of("usageId", "usageType", "subscriberId", "startTime", "quantity", "unit");
    private static final Set<String> OURS = Set.of("usageId", "source", "usageType", "subscriberId", "startTime",
            "quantity", "unit", "productId", "offeringId");

    private final CsvReader csv;
    private final List<String> columns;
    private final String ownSource;
    private final JsonMapper json;
    private long rows;

    /**
     * One data row: its number (1 = the first after the header), the file line it starts on, how it reads, and its
     * usage id column as written ({@code null} when empty or the row cannot be split into the header's columns), so
     * that a row error names the record even when the row cannot be read as a usage.
     */
    record Row(long number, long line, TmfUsageInput.Read read, String usageId) {
    }

    private UsageFileReader(CsvReader csv, List<String> columns, String ownSource, JsonMapper json) {
        this.csv = csv;
        this.columns = columns;
        this.ownSource = ownSource;
        this.json = json;
    }

    /**
     * @param ownSource the partner's own source (its rows' default), {@code null} for staff, whose header must then
     *                  have a {@code source} column
     * @throws InvalidInputException (field {@code file}) when the file is empty or its header lacks a required
     *                               column (for staff also {@code source}) or repeats one
     */
    static UsageFileReader open(InputStream body, String ownSource, JsonMapper json) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(body, decoder), 65_536));
        CsvReader.Row header = next(csv);
        if (header == null) {
            throw new InvalidInputException("file", "the file is empty; it needs a header row");
        }
        List<String> columns = header.fields().stream().map(String::strip)
                .map(name -> name.startsWith("\uFEFF") ? name.substring(1) : name).toList();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.isEmpty() || !seen.add(column)) {
                throw new InvalidInputException("file", "header column '" + abbreviated(column)
                        + "' is empty or repeated");
            }
        }
        for (String required : REQUIRED) {
            if (!seen.contains(required)) {
                throw new InvalidInputException("file", "the header has no column " + required + " (required: "
                        + String.join(", ", REQUIRED.stream().sorted().toList()) + ")");
            }
        }
        if (ownSource == null && !seen.contains(TmfUsageInput.SOURCE)) {
            // staff have no source of their own: every row would be INVALID, after the whole file was stored
            throw new InvalidInputException("file", "the header has no column source: a staff file names each"
                    + " row's source (its feed, e.g. mediation-eu); only a partner's rows default to its partner id");
        }
        return new UsageFileReader(csv, columns, ownSource, json);
    }

    /** Reads past {@code count} data rows without mapping them (resuming after a checkpoint). */
    void skip(long count) {
        for (long i = 0; i < count && next(csv) != null; i++) {
            rows++;
        }
    }

    /** The next at most {@code max} rows; fewer only at the end of the file. */
    List<Row> next(int max) {
        List<Row> chunk = new ArrayList<>(Math.min(max, 1_024));
        CsvReader.Row row;
        while (chunk.size() < max && (row = next(csv)) != null) {
            TmfUsageInput.Read read = read(row);
            chunk.add(new Row(++rows, row.line(), read.record() == null ? read.sentAs(text(row)) : read,
                    usageId(row)));
        }
        return chunk;
    }

    /**
     * A row as it was written, to be kept with its INVALID suspense record: its fields in RFC 4180 CSV (quoted where
     * they must be); a row too long to be kept as nothing.
     */
    private static String text(CsvReader.Row row) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.fields().size(); i++) {
            String field = row.fields().get(i);
            if (i > 0) {
                text.append(',');
            }
            boolean quoted = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            text.append(quoted ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return text.toString();
    }

    private String usageId(CsvReader.Row row) {
        int at = columns.indexOf("usageId");
        // a row with fields missing or too many still names its usage id when its column is there, so that the
        // sender finds the row by it
        if (row.tooLong() || row.problem() != null || at >= row.fields().size()) {
            return null;
        }
        String value = row.fields().get(at).strip();
        return value.isEmpty() || !StorableText.storable(value) ? null
                : value.length() > TmfUsageInput.MAX_ID_LENGTH ? abbreviated(value) : value;
    }

    /** The CSV column a TMF field name stands for ({@code ""}: the row itself). */
    static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.equals("usageDate")) {
            return "startTime";
        }
        return field.startsWith("usageCharacteristic.") ? field.substring("usageCharacteristic.".length()) : field;
    }

    /** The CSV row as a TMF635 Usage, so that it is checked exactly like one sent to the API. */
    private TmfUsageInput.Read read(CsvReader.Row row) {
        if (row.tooLong() || row.problem() != null) {
            return TmfUsageInput.Read.invalid("", row.problem());
        }
        if (row.fields().size() != columns.size()) {
            int at = columns.indexOf("usageId");
            String usageId = at < row.fields().size() ? row.fields().get(at).strip() : "";
            boolean readable = !usageId.isEmpty() && usageId.length() <= TmfUsageInput.MAX_ID_LENGTH
                    && StorableText.storable(usageId);
            return new TmfUsageInput.Read(null, "", "the row has " + row.fields().size() + " fields, the header "
                    + columns.size(), readable ? usageId : null, null, null);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (row.fields().get(i).indexOf('\uFFFD') >= 0) {
                // the decoder's replacement of bytes that are not UTF-8: the row is not what the partner meant
                return TmfUsageInput.Read.invalid(columns.get(i), "column " + abbreviated(columns.get(i))
                        + " holds bytes that are not UTF-8 (the file must be UTF-8)");
            }
        }
        ObjectNode usage = json.createObjectNode();
        ArrayNode characteristics = usage.putArray("usageCharacteristic");
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), row.fields().get(i));
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue().isEmpty() ? null : entry.getValue();
            switch (name) {
                case "startTime" -> usage.put("usageDate", value);
                case "usageType" -> usage.put("usageType", value);
                default -> {
                    if (value != null || !OURS.contains(name)) {
                        characteristics.addObject().put("name", name).put("value", value);
                    }
                }
            }
        }
        return TmfUsageInput.read(usage, ownSource);
    }

    private static CsvReader.Row next(CsvReader csv) {
        try {
            return csv.next();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
