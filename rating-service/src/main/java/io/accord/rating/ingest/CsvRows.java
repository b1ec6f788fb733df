package io.accord.rating.ingest;

import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, written as UTF-8 bytes: an unquoted empty field is
 * NULL, every text is quoted (so an empty string stays one and commas, quotes and line breaks in it are safe).
 */
final class CsvRows extends CopyRows {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private boolean lineStarted;
    private int rows;

    /** Buffered rows. */
    CsvRows() {
        this(null);
    }

    /** Rows streamed to {@code sink}, a COPY in progress; {@link #finish()} sends the rest. */
    CsvRows(CopyIn sink) {
        super(sink);
    }

    CsvRows text(CharSequence value) {
        separator();
        if (value != null) {
            put('"');
            utf8(value, '"');
            put('"');
        }
        return flushed();
    }

    CsvRows number(BigDecimal value) {
        separator();
        if (value != null) {
            ascii(value.toPlainString());
        }
        return flushed();
    }

    CsvRows number(Long value) {
        separator();
        if (value != null) {
            digits(value);
        }
        return flushed();
    }

    CsvRows number(long value) {
        separator();
        digits(value);
        return flushed();
    }

    CsvRows number(Integer value) {
        separator();
        if (value != null) {
            digits(value.longValue());
        }
        return flushed();
    }

    CsvRows bool(boolean value) {
        separator();
        put(value ? 't' : 'f');
        return flushed();
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
        return flushed();
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
        return flushed();
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
        return flushed();
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
        return flushed();
    }

    int rows() {
        return rows;
    }

    private CsvRows flushed() {
        flushIfFull();
        return this;
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

    private void separator() {
        if (lineStarted) {
            put(',');
        }
        lineStarted = true;
    }
}
