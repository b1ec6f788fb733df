package io.accord.settlement.reconciliation;

import io.accord.platform.time.SupportedTimes;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partner's CDR file (CSV, UTF-8, header row), streamed row by row into {@code partner_usage_record} with COPY on
 * the caller's transaction: only a buffer is in memory, whatever the file's size. Every row is checked; with any
 * problem (the first {@link #MAX_REPORTED} are reported, each with its row, line and column) the COPY is abandoned
 * and the transaction rolls back, so nothing is stored.
 */
@Component
class PartnerUsageFiles {

    static final List<String> COLUMNS = List.of("usageId", "subscriberId", "startTime", "usageType", "quantity",
            "amount");
    static final List<String> REQUIRED = List.of("usageId", "subscriberId", "startTime", "quantity");
    static final int MAX_REPORTED = 100;
    private static final Pattern DUPLICATE =
            Pattern.compile("\\(invoice_id, usage_id\\)=\\([^,]+, (.*?)\\) already exists");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    private final DataSource dataSource;

    PartnerUsageFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What was stored: the number of rows and the file's SHA-256. */
    record Stored(long rows, String sha256) {
    }

    /** Stores the file's rows for the invoice; must run in the transaction that replaces the previous ones. */
    Stored store(UUID invoiceId, InputStream in) {
        MessageDigest sha256 = sha256();
        DigestInputStream digesting = new DigestInputStream(in, sha256);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        List<InvoiceRejected.Violation> violations = new ArrayList<>();
        long rows = 0;
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(digesting, StandardCharsets.UTF_8), FORMAT);
             CopyWriter copy = new CopyWriter(connection, """
                     copy partner_usage_record (invoice_id, row_no, usage_id, subscriber_id, usage_time, usage_type,
                                                quantity, amount)
                     from stdin (format csv)""")) {
            Map<String, Integer> header = header(parser);
            for (CSVRecord record : parser) {
                rows++;
                Row row = new Row(record, rows, header, violations);
                String usageId = row.text("usageId", 200, true);
                String subscriber = row.text("subscriberId", 200, true);
                Instant time = row.instant("startTime");
                String usageType = row.text("usageType", 64, false);
                BigDecimal quantity = row.decimal("quantity", 9, true);
                BigDecimal amount = row.decimal("amount", 6, false);
                if (violations.isEmpty()) {
                    copy.uuid(invoiceId).number(rows).text(usageId).text(subscriber).instant(time).text(usageType)
                            .number(quantity).number(amount).endRow();
                }
            }
            if (rows == 0) {
                violations.add(InvoiceRejected.Violation.of("file", "The CDR file has a header but no rows"));
            }
            if (!violations.isEmpty()) {
                throw new InvoiceRejected("The CDR file has " + violations.size() + (violations.size()
                        >= MAX_REPORTED ? "+" : "") + " problem(s); nothing was stored", violations.size()
                        > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations);
            }
            copy.finish();
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            if (String.valueOf(unreadable.getMessage()).contains("partner_usage_record_usage")) {
                throw duplicateOrFailure(unreadable);
            }
            throw InvoiceRejected.of("file", "The CDR file cannot be read as CSV after " + rows + " rows: "
                    + unreadable.getMessage());
        } catch (SQLException | IllegalStateException copyFailed) {
            throw duplicateOrFailure(copyFailed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return new Stored(rows, Hex.encodeHexString(sha256.digest()));
    }

    private static Map<String, Integer> header(CSVParser parser) {
        Map<String, Integer> header = new java.util.HashMap<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).startsWith("\uFEFF") ? names.get(i).substring(1) : names.get(i);
            if (!COLUMNS.contains(name)) {
                throw InvoiceRejected.of("file", "Unknown CDR column '" + name + "'; the columns are " + COLUMNS);
            }
            header.put(name, i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !header.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw InvoiceRejected.of("file", "The CDR header lacks " + missing + "; required: " + REQUIRED);
        }
        return header;
    }

    /** A duplicate usage id surfaces from the unique index while copying: say which one. */
    private static RuntimeException duplicateOrFailure(Exception failed) {
        String message = String.valueOf(failed.getMessage());
        Matcher duplicate = DUPLICATE.matcher(message);
        if (message.contains("partner_usage_record_usage")) {
            return InvoiceRejected.of("usageId", "usageId " + (duplicate.find() ? "'" + duplicate.group(1) + "' "
                    : "") + "appears more than once in the file; usage ids are unique per file");
        }
        return new IllegalStateException("Storing the CDR file failed: " + message, failed);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** One CSV row's values, each problem recorded with the row, the line and the column. */
    private static final class Row {
        private final CSVRecord record;
        private final long row;
        private final Map<String, Integer> header;
        private final List<InvoiceRejected.Violation> violations;

        Row(CSVRecord record, long row, Map<String, Integer> header, List<InvoiceRejected.Violation> violations) {
            this.record = record;
            this.row = row;
            this.header = header;
            this.violations = violations;
            if (!record.isConsistent()) {
                fail("file", "the row has " + record.size() + " fields, the header " + header.size());
            }
        }

        private String value(String column) {
            Integer index = header.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isEmpty() ? null : value;
        }

        String text(String column, int max, boolean required) {
            String value = value(column);
            if (value == null) {
                return required ? fail(column, column + " is required") : null;
            }
            return value.length() > max ? fail(column, column + " is longer than " + max + " characters") : value;
        }

        Instant instant(String column) {
            String value = value(column);
            if (value == null) {
                return fail(column, column + " is required");
            }
            try {
                Instant instant = SupportedTimes.microseconds(OffsetDateTime.parse(value).toInstant());
                return SupportedTimes.contains(instant) ? instant
                        : fail(column, column + " must be " + SupportedTimes.RANGE + ", not '" + value + "'");
            } catch (DateTimeParseException bad) {
                return fail(column, column + " must be an ISO 8601 instant with offset (e.g. 2026-03-05T10:15:30Z),"
                        + " not '" + value + "'");
            }
        }

        BigDecimal decimal(String column, int maxScale, boolean required) {
            String value = value(column);
            if (value == null) {
                return required ? fail(column, column + " is required") : null;
            }
            try {
                BigDecimal number = new BigDecimal(value);
                if (number.stripTrailingZeros().scale() > maxScale || number.abs().compareTo(BigDecimal.TEN.pow(15)) >= 0) {
                    return fail(column, column + " '" + value + "' has more than " + maxScale
                            + " decimals or is too large");
                }
                return number;
            } catch (NumberFormatException bad) {
                return fail(column, column + " must be a decimal number, not '" + value + "'");
            }
        }

        <T> T fail(String column, String message) {
            if (violations.size() <= MAX_REPORTED) {
                long line = record.getParser().getCurrentLineNumber();
                violations.add(new InvoiceRejected.Violation(column, "row " + row + " (line " + line + "): "
                        + message, row, line));
            }
            return null;
        }
    }
}
