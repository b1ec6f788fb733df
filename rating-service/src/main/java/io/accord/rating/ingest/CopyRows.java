package io.accord.rating.ingest;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN}, written as bytes ({@link CsvRows} in CSV, {@link BinaryRows} in
 * the binary format).
 * <p>
 * Either buffered (the caller hands {@link #bytes()} to a COPY once the rows are complete) or streaming: given a
 * started {@link CopyIn}, every {@value #FLUSH_AT} bytes go to the server while the next rows are still being
 * written, so PostgreSQL parses and inserts the first rows while the rest are made (JFR of the benchmark: building
 * the whole text first and then copying it kept the two strictly one after the other, and its copies allocated about
 * a tenth of the pipeline's garbage).
 */
abstract sealed class CopyRows permits CsvRows, BinaryRows {

    static final int FLUSH_AT = 64 * 1024;

    private final CopyIn sink;
    byte[] buffer = new byte[FLUSH_AT + 1024];
    int size;

    CopyRows(CopyIn sink) {
        this.sink = sink;
    }

    /** The rows written and not yet sent. */
    final byte[] bytes() {
        return Arrays.copyOf(buffer, size);
    }

    /** The rows written and not yet sent, as text. */
    final String content() {
        return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }

    /** Sends what is left to the COPY (streaming rows only). */
    void finish() {
        flush();
    }

    /** Sends the buffered rows to {@code copy} in one write (buffered rows). */
    final void sendTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(buffer, 0, size);
        size = 0;
    }

    /** Sends what is written once it fills the buffer (streaming rows only); only between two values. */
    final void flushIfFull() {
        if (sink != null && size >= FLUSH_AT) {
            flush();
        }
    }

    final void flush() {
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

    /**
     * {@code value} in UTF-8 as the JDK encodes it (a lone surrogate becomes {@code ?}), without NUL characters, which
     * PostgreSQL text cannot hold; every {@code doubled} character twice (CSV's quote), none when it is NUL.
     */
    final void utf8(CharSequence value, char doubled) {
        int length = value.length();
        ensure(length);
        // the usual case first: a run of ASCII characters that need nothing, a byte each (room ensured above)
        int i = 0;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == doubled || c == 0) {
                break;
            }
            buffer[size++] = (byte) c;
        }
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == doubled && c != 0) {
                    put(c);
                }
                if (c != 0) {
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
    }

    final void ascii(String value) {
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) value.charAt(i);
        }
    }

    final void put(int b) {
        if (size == buffer.length) {
            ensure(1);
        }
        buffer[size++] = (byte) b;
    }

    final void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
