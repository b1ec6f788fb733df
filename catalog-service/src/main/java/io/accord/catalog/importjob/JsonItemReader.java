package io.accord.catalog.importjob;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON catalog file: an array of offering objects whose fields are the {@link Columns} (a price's fields
 * in its {@code prices} array). List fields may be an array of strings or the CSV's {@code |}-separated text.
 * Streamed: only the current array element is held in memory.
 */
final class JsonItemReader implements ItemReader {

    /** Reads one array element at a time: what follows the element is the rest of the file, not trailing junk. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> LIST_FIELDS = Set.of(Columns.SALES_CHANNELS, Columns.RESOURCE_TYPES,
            Columns.BUNDLED_OFFERINGS, Columns.PARTICIPANTS, Columns.USAGE_TYPES, Columns.TIERS);

    private final JsonParser parser;
    private int row;

    JsonItemReader(InputStream in) {
        try {
            this.parser = JSON.createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new FileFormatException("A JSON catalog file is an array of offerings: [ {...}, ... ]. Accord"
                        + " does not fetch files from a TMF `url`: send the file itself as the request body.");
            }
        } catch (JacksonException unreadable) {
            throw new FileFormatException("The JSON file cannot be read: " + unreadable.getOriginalMessage(),
                    unreadable);
        }
    }

    @Override
    public ImportItem next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            row++;
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode element = JSON.readTree(parser);
            return item(element, line);
        } catch (JacksonException malformed) {
            throw new FileFormatException("The JSON file is malformed at line "
                    + parser.currentLocation().getLineNr() + ": " + malformed.getOriginalMessage(), malformed);
        }
    }

    private ImportItem item(JsonNode element, int line) {
        List<RowProblem> problems = new ArrayList<>();
        if (!element.isObject()) {
            problems.add(new RowProblem("", line, "each element of the array is an offering object"));
            return new ImportItem(row, new Cells(line, "", Map.of()), List.of(), problems);
        }
        Map<String, String> offering = new LinkedHashMap<>();
        List<Cells> prices = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : element.properties()) {
            String name = field.getKey();
            if (name.equals(Columns.PRICES)) {
                readPrices(field.getValue(), line, prices, problems);
            } else if (Columns.OFFERING.contains(name)) {
                put(offering, name, name, field.getValue(), line, problems);
            } else {
                problems.add(new RowProblem(name, line, "unknown field; the fields are " + Columns.OFFERING
                        + " and " + Columns.PRICES));
            }
        }
        return new ImportItem(row, new Cells(line, "", offering), List.copyOf(prices), List.copyOf(problems));
    }

    private static void readPrices(JsonNode array, int line, List<Cells> prices, List<RowProblem> problems) {
        if (array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            problems.add(new RowProblem(Columns.PRICES, line, "must be an array of price objects"));
            return;
        }
        for (JsonNode price : array) {
            String where = Columns.PRICES + "[" + prices.size() + "].";
            Map<String, String> values = new LinkedHashMap<>();
            if (!price.isObject()) {
                problems.add(new RowProblem(where, line, "must be a price object"));
                continue;
            }
            for (Map.Entry<String, JsonNode> field : price.properties()) {
                if (Columns.PRICE.contains(field.getKey())) {
                    put(values, field.getKey(), where + field.getKey(), field.getValue(), line, problems);
                } else {
                    problems.add(new RowProblem(where + field.getKey(), line, "unknown field; the fields of a price"
                            + " are " + Columns.PRICE));
                }
            }
            prices.add(new Cells(line, where, values));
        }
    }

    /** Scalars become their text, arrays of scalars of a list field the {@code |}-joined text, as in CSV. */
    private static void put(Map<String, String> values, String column, String field, JsonNode value, int line,
                            List<RowProblem> problems) {
        String text = null;
        if (value.isValueNode() && !value.isNull()) {
            text = value.asString();
        } else if (value.isArray() && (LIST_FIELDS.contains(column) || column.equals(Columns.CHARACTERISTICS))) {
            List<String> entries = new ArrayList<>();
            for (JsonNode entry : value) {
                if (!entry.isValueNode() || entry.isNull()) {
                    problems.add(new RowProblem(field, line, "must be an array of strings"));
                    return;
                }
                entries.add(entry.asString().strip());
            }
            text = String.join(column.equals(Columns.CHARACTERISTICS) ? Columns.CHARACTERISTIC_SEPARATOR
                    : Columns.LIST_SEPARATOR, entries);
        } else if (!value.isNull()) {
            problems.add(new RowProblem(field, line, LIST_FIELDS.contains(column) || column.equals(Columns.CHARACTERISTICS)
                    ? "must be a string or an array of strings" : "must be a string, number or boolean"));
        }
        if (text != null && !text.isBlank()) {
            values.put(column, text.strip());
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
