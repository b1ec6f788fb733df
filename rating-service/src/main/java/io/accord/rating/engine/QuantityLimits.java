package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;

/**
 * The most one usage record may measure, by its unit's dimension, in base units: a duration in seconds, a data volume
 * in bytes, a count (events, messages, API calls) in units. Beyond it a record is a mediation error (a switch's
 * counter read as seconds, a missing decimal point), not usage, and is {@link SuspenseReason#INVALID} before anything
 * is rated or accumulated; a record that is real after all is rated by a recycle once the limit is raised.
 *
 * @param maxSeconds the longest duration of one record, in seconds
 * @param maxBytes   the largest data volume of one record, in bytes
 * @param maxCount   the largest count of one record (events, messages, API calls)
 */
public record QuantityLimits(long maxSeconds, long maxBytes, long maxCount) {

    /** The setting of {@link #maxSeconds}, named in the detail of a record beyond it. */
    public static final String DURATION_PROPERTY = "accord.rating.ingest.max-record-duration";
    /** The setting of {@link #maxBytes}. */
    public static final String DATA_PROPERTY = "accord.rating.ingest.max-record-data";
    /** The setting of {@link #maxCount}. */
    public static final String COUNT_PROPERTY = "accord.rating.ingest.max-record-count";

    /**
     * The defaults, each far above a real record and far below a charge that matters: 7 days (604,800 s; mediation
     * cuts a long call or session into partial records, hourly or daily), 10 TB (10 &times; 1,024<sup>4</sup> B,
     * about what a 1 Gbit/s line carries in a whole day at full rate) and 1,000,000 events, messages or API calls (a
     * bulk job is reported in chunks).
     */
    public static final QuantityLimits DEFAULTS = new QuantityLimits(604_800L, 10L << 40, 1_000_000L);

    public QuantityLimits {
        if (maxSeconds <= 0 || maxBytes <= 0 || maxCount <= 0) {
            throw new IllegalArgumentException("a record's quantity limits are positive: " + maxSeconds + " s, "
                    + maxBytes + " B, " + maxCount);
        }
    }

    /** The limit of {@code unit}'s dimension, in its base units. */
    long limit(UnitOfMeasure unit) {
        return switch (unit.dimension()) {
            case TIME -> maxSeconds;
            case DATA -> maxBytes;
            case EVENT, MESSAGE, API_CALL -> maxCount;
        };
    }

    /**
     * Why {@code quantity} of {@code unit} (not negative) is more than a record may measure, or {@code null} when it
     * is within the limit (the limit itself passes). Whole quantities are compared in {@code long} arithmetic.
     */
    String problem(BigDecimal quantity, UnitOfMeasure unit) {
        long limit = limit(unit);
        long base = Quantities.base(unit);
        boolean beyond;
        if (quantity.scale() == 0 && quantity.precision() <= 18) {
            // a whole q: q * base > limit exactly when q > floor(limit / base); no overflow
            beyond = quantity.longValue() > limit / base;
        } else {
            beyond = quantity.multiply(BigDecimal.valueOf(base)).compareTo(BigDecimal.valueOf(limit)) > 0;
        }
        if (!beyond) {
            return null;
        }
        String what;
        String property;
        String bound;
        switch (unit.dimension()) {
            case TIME -> {
                what = "duration";
                property = DURATION_PROPERTY;
                bound = limit + " s";
            }
            case DATA -> {
                what = "data volume";
                property = DATA_PROPERTY;
                bound = limit + " B";
            }
            default -> {
                what = "count";
                property = COUNT_PROPERTY;
                bound = Long.toString(limit);
            }
        }
        return "quantity " + quantity.toPlainString() + " " + unit + " is more than the " + what + " one usage record"
                + " may measure (" + bound + ", " + property + "): a mediation error, or raise the limit and recycle";
    }
}
