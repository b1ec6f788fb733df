package io.accord.rating.ingest;

import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: each value in the column type's own binary
 * form, so the server parses no text. Each method writes one column of that type, in the table's column order; a
 * value of the wrong type for its column fails the COPY ("incorrect binary data format"), so a row writer and its
 * table's types must change together.
 * <p>
 * Measured on the rated rows (100,000 rows of the development platform, read by the server from a file, PostgreSQL 17,
 * three runs each): {@code COPY} took 0.91-1.06 s in this format against 1.31-1.37 s as text (docs/rating-pipeline.md,
 * "Measured (2026-12-05)").
 */
final class BinaryRows extends CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps and dates, in Unix seconds and days. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAYS = 10_957L;
    private static final int TEXT_OID = 25;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    /** Digits of a number written through {@link #numeric(long, int)}: with up to 3 zeros appended, a long holds them. */
    private static final int MAX_LONG_PRECISION = 15;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    /** Base-10000 groups of the number being written (a long has at most 5). */
    private final int[] groups = new int[5];

    private final int columns;
    private int fields;
    private int rows;
    private boolean ended;

    /** Buffered rows of {@code columns} columns. */
    BinaryRows(int columns) {
        this(null, columns);
    }

    /** Rows of {@code columns} columns streamed to {@code sink}, a COPY in progress; {@link #finish()} ends it. */
    BinaryRows(CopyIn sink, int columns) {
        super(sink);
        this.columns = columns;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        size = SIGNATURE.length;
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    BinaryRows int8(long value) {
        field(8);
        int64(value);
        return done();
    }

    BinaryRows int8(Long value) {
        return value == null ? nullValue() : int8(value.longValue());
    }

    BinaryRows int4(int value) {
        field(4);
        int32(value);
        return done();
    }

    BinaryRows int4(Integer value) {
        return value == null ? nullValue() : int4(value.intValue());
    }

    BinaryRows bool(boolean value) {
        field(1);
        put(value ? 1 : 0);
        return done();
    }

    BinaryRows uuid(UUID value) {
        if (value == null) {
            return nullValue();
        }
        field(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return done();
    }

    /** {@code text} (or {@code char(n)}, {@code varchar}): UTF-8 without NUL characters, as {@link CsvRows} writes. */
    BinaryRows text(CharSequence value) {
        if (value == null) {
            return nullValue();
        }
        startRow();
        int length = lengthSlot();
        utf8(value, '\0');
        patchLength(length);
        return done();
    }

    /**
     * {@code timestamptz}: microseconds since 2000-01-01 UTC; a fraction of a microsecond is rounded to the nearest,
     * a half to the even one, as PostgreSQL rounds a text input's fraction.
     */
    BinaryRows timestamptz(Instant value) {
        if (value == null) {
            return nullValue();
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1000);
        int below = value.getNano() % 1000;
        if (below > 500 || below == 500 && (micros & 1) != 0) {
            micros++;
        }
        field(8);
        int64(micros);
        return done();
    }

    /** {@code date}: days since 2000-01-01. */
    BinaryRows date(LocalDate value) {
        if (value == null) {
            return nullValue();
        }
        field(4);
        int32(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAYS));
        return done();
    }

    /**
     * {@code numeric}: base-10000 digits with the weight of the first, the sign and the display scale (the value's
     * scale, 0 for a negative one), without leading or trailing zero digits; zero has none.
     */
    BinaryRows numeric(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        if (value.scale() >= 0 && value.precision() <= MAX_LONG_PRECISION) {
            return numeric(value.scaleByPowerOfTen(value.scale()).longValueExact(), value.scale());
        }
        BigDecimal number = value.scale() < 0 ? value.setScale(0) : value;
        int scale = number.scale();
        BigInteger unscaled = number.unscaledValue().abs();
        String digits = unscaled.bitLength() < 63 ? Long.toString(unscaled.longValue()) : unscaled.toString();
        int integerDigits = Math.max(digits.length() - scale, 0);
        int leadingFractionZeros = Math.max(scale - digits.length(), 0);
        int padLeft = (4 - integerDigits % 4) % 4;
        int padRight = (4 - scale % 4) % 4;
        int groups = (padLeft + integerDigits + scale + padRight) / 4;
        int firstDigit = padLeft + leadingFractionZeros; // index of digits[0] in the padded sequence
        int first = -1;
        int last = -1;
        for (int group = 0; group < groups; group++) {
            if (group(digits, firstDigit, group) != 0) {
                first = first < 0 ? group : first;
                last = group;
            }
        }
        int count = first < 0 ? 0 : last - first + 1;
        int weight = first < 0 ? 0 : (padLeft + integerDigits) / 4 - 1 - first;
        field(8 + 2 * count);
        int16(count);
        int16(weight);
        int16(first < 0 || number.signum() >= 0 ? 0 : NUMERIC_NEGATIVE);
        int16(scale);
        for (int group = first; group >= 0 && group <= last; group++) {
            int16(group(digits, firstDigit, group));
        }
        return done();
    }

    /**
     * {@code numeric} of {@code unscaled} &times; 10<sup>-scale</sup>, |unscaled| &lt; 10<sup>15</sup>, without the
     * {@code BigInteger} and the string of digits of the general case (about two thirds of what writing a rated row's
     * nine numbers allocated): the digits aligned on the decimal point to whole base-10000 groups fit a {@code long}.
     */
    private BinaryRows numeric(long unscaled, int scale) {
        int padRight = (4 - scale % 4) % 4;
        long rest = Math.abs(unscaled) * POWERS_OF_TEN[padRight];
        int fractionGroups = (scale + padRight) / 4;
        int count = 0; // groups[0] is the least significant
        while (rest != 0) {
            groups[count++] = (int) (rest % 10_000);
            rest /= 10_000;
        }
        int lowest = 0;
        while (lowest < count && groups[lowest] == 0) {
            lowest++;
        }
        field(8 + 2 * (count - lowest));
        int16(count - lowest);
        int16(count == 0 ? 0 : count - 1 - fractionGroups);
        int16(unscaled < 0 ? NUMERIC_NEGATIVE : 0);
        int16(scale);
        for (int group = count - 1; group >= lowest; group--) {
            int16(groups[group]);
        }
        return done();
    }

    /** A one-dimensional {@code text[]} without nulls (empty: no dimension). */
    BinaryRows textArray(List<String> values) {
        startRow();
        int length = lengthSlot();
        int32(values.isEmpty() ? 0 : 1);
        int32(0); // no nulls
        int32(TEXT_OID);
        if (!values.isEmpty()) {
            int32(values.size());
            int32(1); // lower bound
            for (String value : values) {
                int element = lengthSlot();
                utf8(value, '\0');
                patchLength(element);
            }
        }
        patchLength(length);
        return done();
    }

    BinaryRows endRow() {
        if (fields != columns) {
            throw new IllegalStateException("a row of " + columns + " columns got " + fields);
        }
        fields = 0;
        rows++;
        flushIfFull();
        return this;
    }

    int rows() {
        return rows;
    }

    /** Writes the end of the data and sends what is left to the COPY. */
    @Override
    void finish() {
        if (fields != 0) {
            throw new IllegalStateException("the last row has " + fields + " of " + columns + " columns");
        }
        if (!ended) {
            int16(-1);
            ended = true;
        }
        super.finish();
    }

    private BinaryRows nullValue() {
        startRow();
        int32(-1);
        return done();
    }

    /** The four decimal digits of base-10000 digit {@code group} of the padded sequence. */
    private static int group(String digits, int firstDigit, int group) {
        int value = 0;
        for (int k = group * 4; k < group * 4 + 4; k++) {
            int index = k - firstDigit;
            value = value * 10 + (index >= 0 && index < digits.length() ? digits.charAt(index) - '0' : 0);
        }
        return value;
    }

    private void field(int length) {
        startRow();
        ensure(4 + length);
        int32(length);
    }

    private void startRow() {
        if (ended) {
            throw new IllegalStateException("rows after the end of the data");
        }
        if (fields == 0) {
            int16(columns);
        }
        if (fields == columns) {
            throw new IllegalStateException("more than " + columns + " columns in a row");
        }
    }

    private BinaryRows done() {
        fields++;
        return this;
    }

    /** Reserves a value's length, to be {@linkplain #patchLength patched} once the value is written. */
    private int lengthSlot() {
        ensure(4);
        size += 4;
        return size;
    }

    private void patchLength(int valueStart) {
        int length = size - valueStart;
        buffer[valueStart - 4] = (byte) (length >>> 24);
        buffer[valueStart - 3] = (byte) (length >>> 16);
        buffer[valueStart - 2] = (byte) (length >>> 8);
        buffer[valueStart - 1] = (byte) length;
    }

    private void int16(int value) {
        put(value >>> 8);
        put(value);
    }

    private void int32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }
}
