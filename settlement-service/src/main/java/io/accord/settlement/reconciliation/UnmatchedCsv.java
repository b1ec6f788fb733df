package io.accord.settlement.reconciliation;

import io.accord.platform.csv.CsvCells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * The unmatched records of a usage match as CSV (header row, RFC 4180 quoting), written as they are read. Its texts
 * come from the partner's CDR file and the file is opened in spreadsheets by finance: a text a spreadsheet would take
 * for a formula (it starts with {@code = + - @}, a tab or a carriage return; OWASP "CSV injection") is written after
 * a {@code '} ({@link CsvCells}). Numbers are written as numbers.
 */
final class UnmatchedCsv {

    static final String HEADER = "outcome,usageId,theirUsageId,subscriberId,usageTime,usageType,ourQuantity,"
            + "theirQuantity,ourAmount,theirAmount\n";

    private final Writer out;

    UnmatchedCsv(Writer out) {
        this.out = out;
        append(HEADER);
    }

    void write(UsageMatcher.Unmatched record) {
        append(String.join(",", record.outcome(), CsvCells.text(record.usageId()),
                CsvCells.text(record.theirUsageId()), CsvCells.text(record.subscriberId()),
                record.usageTime() == null ? "" : record.usageTime().toString(), CsvCells.text(record.usageType()),
                number(record.ourQuantity()), number(record.theirQuantity()), number(record.ourAmount()),
                number(record.theirAmount())) + "\n");
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private void append(String text) {
        try {
            out.write(text);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
