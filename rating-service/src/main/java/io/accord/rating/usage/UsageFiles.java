package io.accord.rating.usage;

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
 * A partner's CDR file (CSV with a header row), read as a stream and rated in chunks of {@link #CHUNK} rows, each
 * chunk one ledger transaction (docs/rating-usage-api.md). A bad row never fails the file: it is reported with its
 * line and column. The file is never held in memory, only one chunk and the report of rows not rated.
 */
class UsageFiles {

    static final int CHUNK = 1_000;
    static final int MAX_REPORTED = 1_000;
    static final Set<String> REQUIRED = Set.of("usageId", "usageType", "subscriberId", "startTime", "quantity", "unit");
    private static final Set<String> OURS = Set.of("usageId", "source", "usageType", "subscriberId", "startTime",
            "quantity", "unit", "productId", "offeringId");

    private final UsageSubmissions submissions;
    private final JsonMapper json;

    UsageFiles(UsageSubmissions submissions, JsonMapper json) {
        this.submissions = submissions;
        this.json = json;
    }

    /** A rejected (not rated) row: its data row number (1 = first after the header), line, outcome and why. */
    record Rejected(long row, long line, String outcome, String usageId, String reason, String column, String detail) {
    }

    record Report(long rows, long rated, long suspended, long duplicates, long invalid, List<Rejected> rejected,
                  boolean rejectedTruncated) {
    }

    Report process(InputStream body) {
        String own = submissions.ownSource();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(body, decoder), 65_536));
        try {
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw new InvalidInputException("file", "the file is empty; it needs a header row");
            }
            List<String> columns = header.fields().stream().map(String::strip)
                    .map(name -> name.startsWith("\uFEFF") ? name.substring(1) : name).toList();
            Set<String> seen = new HashSet<>();
            for (String column : columns) {
                if (column.isEmpty() || !seen.add(column)) {
                    throw new InvalidInputException("file", "header column '" + column + "' is empty or repeated");
                }
            }
            for (String required : REQUIRED) {
                if (!seen.contains(required)) {
                    throw new InvalidInputException("file", "the header has no column " + required + " (required: "
                            + String.join(", ", REQUIRED.stream().sorted().toList()) + ")");
                }
            }
            long rows = 0;
            long[] counts = new long[4];
            List<Rejected> rejected = new ArrayList<>();
            boolean[] truncated = {false};
            List<CsvReader.Row> chunk = new ArrayList<>(CHUNK);
            CsvReader.Row row;
            while ((row = csv.next()) != null) {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    processChunk(chunk, rows, columns, own, counts, rejected, truncated);
                    rows += chunk.size();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                processChunk(chunk, rows, columns, own, counts, rejected, truncated);
                rows += chunk.size();
            }
            return new Report(rows, counts[0], counts[1], counts[2], counts[3], rejected, truncated[0]);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private void processChunk(List<CsvReader.Row> chunk, long before, List<String> columns, String own, long[] counts,
                              List<Rejected> rejected, boolean[] truncated) {
        List<TmfUsageInput.Read> reads = new ArrayList<>(chunk.size());
        for (CsvReader.Row row : chunk) {
            reads.add(read(row, columns, own));
        }
        List<UsageSubmissions.Result> results = submissions.submitRead(reads);
        for (int i = 0; i < results.size(); i++) {
            UsageSubmissions.Result result = results.get(i);
            CsvReader.Row row = chunk.get(i);
            switch (result.outcome()) {
                case RATED -> counts[0]++;
                case SUSPENDED -> counts[1]++;
                case DUPLICATE -> counts[2]++;
                case INVALID -> counts[3]++;
            }
            if (result.outcome() != UsageSubmissions.Outcome.RATED) {
                if (rejected.size() < MAX_REPORTED) {
                    rejected.add(new Rejected(before + i + 1, row.line(), result.outcome().name(), result.usageId(),
                            result.reason(), column(result.field()), result.detail()));
                } else {
                    truncated[0] = true;
                }
            }
        }
    }

    /** The CSV row as a TMF635 Usage, so that it is checked exactly like one sent to the API. */
    private TmfUsageInput.Read read(CsvReader.Row row, List<String> columns, String own) {
        if (row.tooLong() || row.problem() != null) {
            return TmfUsageInput.Read.invalid("", row.problem());
        }
        if (row.fields().size() != columns.size()) {
            return TmfUsageInput.Read.invalid("", "the row has " + row.fields().size() + " fields, the header "
                    + columns.size());
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
        return TmfUsageInput.read(usage, own);
    }

    /** The CSV column a TMF field name stands for. */
    private static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.equals("usageDate")) {
            return "startTime";
        }
        return field.startsWith("usageCharacteristic.") ? field.substring("usageCharacteristic.".length()) : field;
    }
}
