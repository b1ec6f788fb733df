package io.accord.rating.ingest;

import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, written as UTF-8 bytes: an unquoted empty field is
 * NULL, every text is quoted (so an empty string stays one and commas, quotes and line breaks in it are safe).
 * <p>
 * Either buffered (the caller hands {@link #bytes()} to a COPY once the rows are complete) or streaming: given a
 * started {@link CopyIn}, every {@value #FLUSH_AT} bytes go to the server while the next rows are still being
 * written, so PostgreSQL parses and inserts the first rows while the rest are made (JFR of the benchmark: building
 * the whole text first and then copying it kept the two strictly one after the other, and its copies allocated about
 * a tenth of the pipeline's garbage).
 */
final class CsvRows {

    static final int FLUSH_AT = 64 * 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn sink;
    private byte[] buffer = new byte[FLUSH_AT + 1024];
    private int size;
    private boolean lineStarted;
    private int rows;

    /** Buffered rows. */
    CsvRows() {
        this(null);
    }

    /** Rows streamed to {@code sink}, a COPY in progress; {@link #finish()} sends the rest. */
    CsvRows(CopyIn sink) {
        this.sink = sink;
    }

    CsvRows text(CharSequence value) {
        separator();
        if (value != null) {
            put('"');
            int length = value.length();
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    if (c == '"') {
                        put('"');
                    }
                    if (c != 0) { // PostgreSQL text cannot hold NUL
                        put(c);
                    }
                } else if (c < 0x800) {
                    put(0xC0 | c >> 6);
                    put(0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(++i));
                    put(0xF0 | codePoint >> 18);
                    put(0x80 | codePoint >> 12 & 0x3F);
                    put(0x80 | codePoint >> 6 & 0x3F);
                    put(0x80 | codePoint & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    put('?'); // a lone surrogate is no character: as String.getBytes(UTF_8) writes it
                } else {
                    put(0xE0 | c >> 12);
                    put(0x80 | c >> 6 & 0x3F);
                    put(0x80 | c & 0x3F);
                }
            }
            put('"');
        }
        return flushIfFull();
    }

    CsvRows number(BigDecimal value) {
        separator();
        if (value != null) {
            ascii(value.toPlainString());
        }
        return flushIfFull();
    }

    CsvRows number(Long value) {
        separator();
        if (value != null) {
            digits(value);
        }
        return flushIfFull();
    }

    CsvRows number(long value) {
        separator();
        digits(value);
        return flushIfFull();
    }

    CsvRows number(Integer value) {
        separator();
        if (value != null) {
            digits(value.longValue());
        }
        return flushIfFull();
    }

    CsvRows bool(boolean value) {
        separator();
        put(value ? 't' : 'f');
        return flushIfFull();
    }

    /**
     * An instant as {@code timestamptz} input: {@code 2026-11-29T04:45:00.500000000Z} (ISO-8601 in UTC, the fraction
     * in nanoseconds when there is one; PostgreSQL rounds it to microseconds), without {@link Instant#toString}'s
     * formatter for the years 1000 to 9999.
     */
    CsvRows instant(Instant value) {
        if (value == null) {
            return text(null);
        }
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            return text(value.toString());
        }
        separator();
        writeDate(date);
        int secondOfDay = (int) (seconds - day * 86_400);
        put('T');
        two(secondOfDay / 3600);
        put(':');
        two(secondOfDay / 60 % 60);
        put(':');
        two(secondOfDay % 60);
        int nanos = value.getNano();
        if (nanos != 0) {
            put('.');
            for (int divisor = 100_000_000; divisor > 0; divisor /= 10) {
                put('0' + nanos / divisor % 10);
            }
        }
        put('Z');
        return flushIfFull();
    }

    CsvRows date(LocalDate value) {
        if (value == null) {
            return text(null);
        }
        if (value.getYear() < 1000 || value.getYear() > 9999) {
            return text(value.toString());
        }
        separator();
        writeDate(value);
        return flushIfFull();
    }

    CsvRows bytes(byte[] value) {
        separator();
        if (value != null) {
            put('\\');
            put('x');
            ensure(2 * value.length);
            for (byte b : value) {
                buffer[size++] = HEX[(b >> 4) & 0xF];
                buffer[size++] = HEX[b & 0xF];
            }
        }
        return flushIfFull();
    }

    /** A {@code text[]} of simple values (ids without quotes, commas or braces). */
    CsvRows textArray(List<String> values) {
        StringBuilder array = new StringBuilder(2 + 40 * values.size()).append('{');
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\"", "")).append('"');
        }
        return text(array.append('}'));
    }

    CsvRows endRow() {
        put('\n');
        lineStarted = false;
        rows++;
        return flushIfFull();
    }

    int rows() {
        return rows;
    }

    /** The rows written and not yet sent, as UTF-8. */
    byte[] bytes() {
        return Arrays.copyOf(buffer, size);
    }

    /** The rows written and not yet sent, as text. */
    String content() {
        return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }

    /** Sends what is left to the COPY (streaming rows only). */
    void finish() {
        flush();
    }

    /** Sends the buffered rows to {@code copy} in one write (buffered rows). */
    void sendTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(buffer, 0, size);
        size = 0;
    }

    private CsvRows flushIfFull() {
        if (sink != null && size >= FLUSH_AT) {
            flush();
        }
        return this;
    }

    private void flush() {
        if (sink == null || size == 0) {
            return;
        }
        try {
            sink.writeToCopy(buffer, 0, size);
        } catch (SQLException failure) {
            throw Sql.translate(failure);
        }
        size = 0;
    }

    private void writeDate(LocalDate date) {
        int year = date.getYear();
        put('0' + year / 1000);
        put('0' + year / 100 % 10);
        two(year % 100);
        put('-');
        two(date.getMonthValue());
        put('-');
        two(date.getDayOfMonth());
    }

    private void two(int value) {
        put('0' + value / 10);
        put('0' + value % 10);
    }

    private void digits(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            put('-');
            value = -value;
        }
        ensure(20);
        int start = size;
        do {
            buffer[size++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte swap = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = swap;
        }
    }

    private void ascii(String value) {
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) value.charAt(i);
        }
    }

    private void separator() {
        if (lineStarted) {
            put(',');
        }
        lineStarted = true;
    }

    private void put(int b) {
        if (size == buffer.length) {
            ensure(1);
        }
        buffer[size++] = (byte) b;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
