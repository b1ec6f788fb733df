package io.accord.settlement.reconciliation;

import io.accord.platform.time.SupportedTimes;
import io.accord.platform.csv.CsvFailures;
import io.accord.platform.web.PlainDecimal;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The partner's CDR file (CSV, UTF-8, header row), streamed row by row into {@code partner_usage_record} with COPY on
 * the caller's transaction: only a buffer is in memory, whatever the file's size. Every row is checked; with any
 * problem nothing is stored, and the answer lists the file's problems together (the first {@link #MAX_REPORTED} by
 * row, each with its row, line and column): bad values, usage ids that appear more than once, a row the CSV parser
 * cannot read.
 * <p>
 * A clean file is read once: its rows go straight into the table, whose unique index on the usage id refuses a
 * duplicate. That first pass runs under a savepoint and stops at the first problem; the file (kept on disk by the
 * caller) is then read again to list them all: every row checked, and every usage id copied into a temporary table
 * where PostgreSQL finds the repeated ones (sorting on disk, not in our memory). Before, a duplicate surfaced only
 * from the unique index, so it was reported alone, and only once every other row was right (found on 2026-12-06).
 */
@Component
class PartnerUsageFiles {

    static final List<String> COLUMNS = List.of("usageId", "subscriberId", "startTime", "usageType", "quantity",
            "amount");
    static final List<String> REQUIRED = List.of("usageId", "subscriberId", "startTime", "quantity");
    static final int MAX_REPORTED = 100;
    private static final int MAX_USAGE_ID = 200;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    PartnerUsageFiles(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What was stored: the number of rows and the file's SHA-256. */
    record Stored(long rows, String sha256) {
    }

    /**
     * Stores the file's rows for the invoice; must run in the transaction that replaces the previous ones.
     *
     * @param file the file from its first byte, each call a new stream (it is read twice when it has problems)
     * @throws InvoiceRejected listing the file's problems; nothing is stored
     */
    Stored store(UUID invoiceId, Supplier<InputStream> file) {
        try {
            return savepoint.execute(status -> copy(invoiceId, file));
        } catch (Unclean unclean) {
            Problems problems = diagnose(file);
            if (problems.total() == 0) {
                throw new IllegalStateException("Storing the CDR file failed: " + unclean.getMessage(),
                        unclean.getCause());
            }
            throw problems.rejection();
        }
    }

    /** The first pass: every row into the table while all is well; any problem ends it ({@link Unclean}). */
    private Stored copy(UUID invoiceId, Supplier<InputStream> file) {
        MessageDigest sha256 = sha256();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long rows = 0;
        try (InputStream in = file.get();
             CSVParser parser = parser(new DigestInputStream(in, sha256));
             CopyWriter copy = new CopyWriter(connection, """
                     copy partner_usage_record (invoice_id, row_no, usage_id, subscriber_id, usage_time, usage_type,
                                                quantity, amount)
                     from stdin (format csv)""")) {
            Map<String, Integer> header = header(parser);
            Problems problems = new Problems();
            for (CSVRecord record : parser) {
                rows++;
                Row row = new Row(record, rows, header, problems).check();
                if (problems.count > 0) {
                    throw new Unclean("row " + rows + " has a problem", null);
                }
                copy.uuid(invoiceId).number(rows).text(row.usageId).text(row.subscriber).instant(row.time)
                        .text(row.usageType).number(row.quantity).number(row.amount).endRow();
            }
            if (rows == 0) {
                throw InvoiceRejected.of("file", "The CDR file has a header but no rows");
            }
            copy.finish();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException
                 | SQLException failed) {
            // a duplicate usage id (the unique index), a row the parser cannot read, or the database failing
            throw new Unclean(String.valueOf(failed.getMessage()), failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return new Stored(rows, Hex.encodeHexString(sha256.digest()));
    }

    /**
     * The second pass over a file with problems: every row checked, every usage id copied into a temporary table
     * (dropped with the transaction, which rolls back), the repeated ones found by PostgreSQL.
     */
    private Problems diagnose(Supplier<InputStream> file) {
        Problems problems = new Problems();
        jdbc.sql("""
                create temporary table cdr_upload_usage_id (row_no bigint not null, line_no bigint not null,
                                                            usage_id varchar(200) not null) on commit drop""")
                .update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long rows = 0;
        try (InputStream in = file.get();
             CSVParser parser = parser(in);
             CopyWriter copy = new CopyWriter(connection,
                     "copy cdr_upload_usage_id (row_no, line_no, usage_id) from stdin (format csv)")) {
            Map<String, Integer> header = header(parser);
            Iterator<CSVRecord> records = parser.iterator();
            while (next(parser, records, rows, problems)) {
                CSVRecord record = records.next();
                rows++;
                Row row = new Row(record, rows, header, problems).check();
                if (row.usageId != null) {
                    copy.number(rows).number(row.line).text(row.usageId).endRow();
                }
            }
            copy.finish();
        } catch (IOException | SQLException failed) {
            throw new IllegalStateException("Checking the CDR file failed: " + failed.getMessage(), failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("""
                        select row_no, line_no, usage_id, first_row, count(*) over () as repeated
                        from (select row_no, line_no, usage_id,
                                     min(row_no) over (partition by usage_id) as first_row
                              from cdr_upload_usage_id) ids
                        where row_no > first_row
                        order by row_no
                        limit :limit""")
                .param("limit", MAX_REPORTED + 1)
                .query((rs, n) -> {
                    problems.repeated = rs.getLong("repeated");
                    return new InvoiceRejected.Violation("usageId", "row " + rs.getLong("row_no") + " (line "
                            + rs.getLong("line_no") + "): usageId '" + rs.getString("usage_id") + "' appears more "
                            + "than once in the file (first in row " + rs.getLong("first_row") + "); usage ids are "
                            + "unique per file", rs.getLong("row_no"), rs.getLong("line_no"));
                })
                .list().forEach(problems::duplicate);
        return problems;
    }

    /** Whether there is a next row; a file the parser cannot read further is one more problem, and the end. */
    private static boolean next(CSVParser parser, Iterator<CSVRecord> records, long rows, Problems problems) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            long line = parser.getCurrentLineNumber();
            problems.add(new InvoiceRejected.Violation("file", "row " + (rows + 1) + " (line " + line + "): the file "
                    + "cannot be read as CSV from here on: " + CsvFailures.describe(unreadable), rows + 1, line));
            return false;
        }
    }

    /** The file's CSV parser, its header read; a header that cannot be read is the file's only problem. */
    private static CSVParser parser(InputStream in) {
        try {
            return CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw InvoiceRejected.of("file", "The CDR file's header cannot be read as CSV: "
                    + CsvFailures.describe(unreadable));
        }
    }

    private static Map<String, Integer> header(CSVParser parser) {
        Map<String, Integer> header = new java.util.HashMap<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).startsWith("\uFEFF") ? names.get(i).substring(1) : names.get(i);
            if (!COLUMNS.contains(name)) {
                throw InvoiceRejected.of("file", "Unknown CDR column '" + name + "'; the columns are " + COLUMNS);
            }
            // said here: the parser's own refusal advised "use CSVFormat.Builder.setDuplicateHeaderMode()"
            if (header.put(name, i) != null) {
                throw InvoiceRejected.of("file", "The CDR header names the column '" + name + "' twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !header.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw InvoiceRejected.of("file", "The CDR header lacks " + missing + "; required: " + REQUIRED);
        }
        return header;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The first pass met a problem: its savepoint is rolled back and the file is read again for all of them. */
    private static final class Unclean extends RuntimeException {
        Unclean(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The file's problems: how many, and the first {@link #MAX_REPORTED} (and one more) of each kind by row. */
    private static final class Problems {
        private final List<InvoiceRejected.Violation> rows = new ArrayList<>();
        private final List<InvoiceRejected.Violation> duplicates = new ArrayList<>();
        private long count;
        private long repeated;

        void add(InvoiceRejected.Violation violation) {
            count++;
            if (rows.size() <= MAX_REPORTED) {
                rows.add(violation);
            }
        }

        void duplicate(InvoiceRejected.Violation violation) {
            duplicates.add(violation);
        }

        long total() {
            return count + repeated;
        }

        InvoiceRejected rejection() {
            long total = total();
            List<InvoiceRejected.Violation> all = new ArrayList<>(rows);
            all.addAll(duplicates);
            // stable: a row's own problems before its duplicate id; the file's unreadable rest at its row
            all.sort(Comparator.comparing(InvoiceRejected.Violation::row,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            List<InvoiceRejected.Violation> shown = all.size() > MAX_REPORTED ? all.subList(0, MAX_REPORTED) : all;
            return new InvoiceRejected("The CDR file has " + total + " problem(s)" + (total > shown.size()
                    ? " (the first " + shown.size() + " by row are listed)" : "") + "; nothing was stored", shown);
        }
    }

    /** One CSV row's values, each problem recorded with the row, the line and the column. */
    private static final class Row {
        private final CSVRecord record;
        private final long row;
        private final long line;
        private final Map<String, Integer> header;
        private final Problems problems;
        private String usageId;
        private String subscriber;
        private Instant time;
        private String usageType;
        private BigDecimal quantity;
        private BigDecimal amount;

        Row(CSVRecord record, long row, Map<String, Integer> header, Problems problems) {
            this.record = record;
            this.row = row;
            this.line = record.getParser().getCurrentLineNumber();
            this.header = header;
            this.problems = problems;
        }

        Row check() {
            if (!record.isConsistent()) {
                fail("file", "the row has " + record.size() + " fields, the header " + header.size());
            }
            usageId = text("usageId", MAX_USAGE_ID, true);
            subscriber = text("subscriberId", 200, true);
            time = instant("startTime");
            usageType = text("usageType", 64, false);
            quantity = decimal("quantity", 9, true);
            amount = decimal("amount", 6, false);
            return this;
        }

        private String value(String column) {
            Integer index = header.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isEmpty() ? null : value;
        }

        private String text(String column, int max, boolean required) {
            String value = value(column);
            if (value == null) {
                return required ? fail(column, column + " is required") : null;
            }
            return value.length() > max ? fail(column, column + " is longer than " + max + " characters") : value;
        }

        private Instant instant(String column) {
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

        private BigDecimal decimal(String column, int maxScale, boolean required) {
            String value = value(column);
            if (value == null) {
                return required ? fail(column, column + " is required") : null;
            }
            BigDecimal number = PlainDecimal.parse(value);
            if (number == null) {
                return fail(column, column + " " + PlainDecimal.mustBe("120.5", maxScale) + ", not '" + value + "'");
            }
            if (number.stripTrailingZeros().scale() > maxScale || number.abs().compareTo(BigDecimal.TEN.pow(15)) >= 0) {
                return fail(column, column + " '" + value + "' has more than " + maxScale
                        + " decimals or is too large");
            }
            return number;
        }

        private <T> T fail(String column, String message) {
            problems.add(new InvoiceRejected.Violation(column, "row " + row + " (line " + line + "): " + message,
                    row, line));
            return null;
        }
    }
}
