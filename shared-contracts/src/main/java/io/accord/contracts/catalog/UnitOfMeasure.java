package io.accord.contracts.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The units usage is measured and priced in. Units of one {@link Dimension} convert into each other through their
 * {@link #baseUnits()} (data in bytes with binary multiples, as telco rating does: 1 KB = 1,024 B; time in seconds);
 * counted units (events, messages, API calls) convert only to themselves.
 */
public enum UnitOfMeasure {
    B("byte", Dimension.DATA, "1"),
    KB("kilobyte (1,024 B)", Dimension.DATA, "1024"),
    MB("megabyte (1,024 KB)", Dimension.DATA, "1048576"),
    GB("gigabyte (1,024 MB)", Dimension.DATA, "1073741824"),
    S("second", Dimension.TIME, "1"),
    MIN("minute", Dimension.TIME, "60"),
    H("hour", Dimension.TIME, "3600"),
    EVENT("event", Dimension.EVENT, "1"),
    MESSAGE("message", Dimension.MESSAGE, "1"),
    API_CALL("API call", Dimension.API_CALL, "1");

    /** What a unit measures; only units of the same dimension convert. */
    public enum Dimension { DATA, TIME, EVENT, MESSAGE, API_CALL }

    private final String label;
    private final Dimension dimension;
    private final BigDecimal baseUnits;
    private final Optional<UnitOfMeasure> asOptional = Optional.of(this);

    private static final UnitOfMeasure[] UNITS = values();

    UnitOfMeasure(String label, Dimension dimension, String baseUnits) {
        this.label = label;
        this.dimension = dimension;
        this.baseUnits = new BigDecimal(baseUnits);
    }

    public String label() {
        return label;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** How many of the dimension's smallest unit (B, S, or the unit itself) one of this unit is. */
    public BigDecimal baseUnits() {
        return baseUnits;
    }

    public boolean convertsTo(UnitOfMeasure other) {
        return dimension == other.dimension;
    }

    /**
     * {@code quantity} of this unit expressed in {@code target}, exact (no rounding). Data units always convert
     * exactly (powers of two); a time conversion into a larger unit may have no finite decimal (1 s is 0.0166… min):
     * use {@link #convertExactly} or {@link #convert(BigDecimal, UnitOfMeasure, int, RoundingMode)} for those.
     *
     * @throws IllegalArgumentException when the units measure different dimensions
     * @throws ArithmeticException      when the exact result has no finite decimal expansion
     */
    public BigDecimal convert(BigDecimal quantity, UnitOfMeasure target) {
        requireConvertsTo(target);
        return quantity.multiply(baseUnits).divide(target.baseUnits).stripTrailingZeros();
    }

    /** The exact conversion, or empty when it has no finite decimal expansion (1 s in minutes). */
    public Optional<BigDecimal> convertExactly(BigDecimal quantity, UnitOfMeasure target) {
        requireConvertsTo(target);
        try {
            return Optional.of(convert(quantity, target));
        } catch (ArithmeticException nonTerminating) {
            return Optional.empty();
        }
    }

    /** The conversion rounded to {@code scale} decimals with {@code rounding} (trailing zeros stripped). */
    public BigDecimal convert(BigDecimal quantity, UnitOfMeasure target, int scale, RoundingMode rounding) {
        requireConvertsTo(target);
        return quantity.multiply(baseUnits).divide(target.baseUnits, scale, rounding).stripTrailingZeros();
    }

    private void requireConvertsTo(UnitOfMeasure target) {
        if (!convertsTo(target)) {
            throw new IllegalArgumentException(this + " (" + dimension + ") does not convert to " + target + " ("
                    + target.dimension + ")");
        }
    }

    /**
     * By code, case-insensitive ({@code "mb"} is {@link #MB}). A code written as the unit's name (the usual case,
     * read for every usage record) is found without a search: the search allocated about 200 bytes per record in the
     * rating pipeline's benchmark.
     */
    public static Optional<UnitOfMeasure> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (UnitOfMeasure unit : UNITS) {
            if (unit.name().equals(code)) {
                return unit.asOptional;
            }
        }
        String stripped = code.strip();
        for (UnitOfMeasure unit : UNITS) {
            if (unit.name().equalsIgnoreCase(stripped)) {
                return unit.asOptional;
            }
        }
        return Optional.empty();
    }
}
