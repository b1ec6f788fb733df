package io.accord.rating.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}: an unquoted empty field is NULL, every text is
 * quoted (so an empty string stays one and commas, quotes and line breaks in it are safe).
 */
final class CsvRows {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder text = new StringBuilder(16_384);
    private boolean lineStarted;
    private int rows;

    CsvRows text(CharSequence value) {
        separator();
        if (value != null) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    text.append('"');
                }
                if (c != 0) { // PostgreSQL text cannot hold NUL
                    text.append(c);
                }
            }
            text.append('"');
        }
        return this;
    }

    CsvRows number(BigDecimal value) {
        separator();
        if (value != null) {
            text.append(value.toPlainString());
        }
        return this;
    }

    CsvRows number(Long value) {
        separator();
        if (value != null) {
            text.append(value.longValue());
        }
        return this;
    }

    CsvRows number(Integer value) {
        separator();
        if (value != null) {
            text.append(value.intValue());
        }
        return this;
    }

    CsvRows bool(boolean value) {
        separator();
        text.append(value ? 't' : 'f');
        return this;
    }

    CsvRows instant(Instant value) {
        return value == null ? text(null) : text(value.toString());
    }

    CsvRows date(LocalDate value) {
        return value == null ? text(null) : text(value.toString());
    }

    CsvRows bytes(byte[] value) {
        separator();
        if (value != null) {
            text.append("\\x").append(HEX.formatHex(value));
        }
        return this;
    }

    /** A {@code text[]} of simple values (ids without quotes, commas or braces). */
    CsvRows textArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\"", "")).append('"');
        }
        return text(array.append('}').toString());
    }

    CsvRows endRow() {
        text.append('\n');
        lineStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    String content() {
        return text.toString();
    }

    private void separator() {
        if (lineStarted) {
            text.append(',');
        }
        lineStarted = true;
    }
}
