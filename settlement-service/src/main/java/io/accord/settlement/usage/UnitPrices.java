package io.accord.settlement.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The unit price a usage sum's records were charged at (plain Java), from what the rated records carry: their billed
 * quantity and charge (the event names no price). A record's charge is {@code quantity × price} rounded once to 6
 * decimals, so the record tells its price to within half a millionth of a currency unit per quantity: a range. A sum
 * keeps the range all its records agree with; when they agree with none (a graduated or volume tier, a minimum charge,
 * price versions of different rates, a volume re-rating's reversals and finals) it is mixed and has no single price.
 * Of the range, the price shown is the one with the fewest decimals: with enough records of different quantities, the
 * catalog's price; with few, possibly a shorter price that charges each record the same.
 */
final class UnitPrices {

    /** Half the last unit of a 6-decimal charge: how far rounding may have moved it. */
    private static final BigDecimal HALF_MILLIONTH = new BigDecimal("0.0000005");
    /** Bounds are kept to 24 decimals, rounded outwards (a range never shrinks by rounding). */
    private static final int SCALE = 24;

    private UnitPrices() {
    }

    /**
     * The prices a record of {@code quantity} charged {@code charge} agrees with: none to tell (billed zero and charged
     * zero), mixed (charged without a quantity: a least charge), else the range around {@code charge ÷ quantity}. A
     * reversal (both negated) tells the same range as its record.
     */
    static Range of(BigDecimal quantity, BigDecimal charge) {
        if (quantity.signum() == 0) {
            return charge.signum() == 0 ? Range.NONE : Range.MIXED;
        }
        BigDecimal q = quantity.abs();
        BigDecimal c = quantity.signum() < 0 ? charge.negate() : charge;
        return new Range(c.subtract(HALF_MILLIONTH).divide(q, SCALE, RoundingMode.FLOOR),
                c.add(HALF_MILLIONTH).divide(q, SCALE, RoundingMode.CEILING), false);
    }

    /**
     * The one price a sum's range names: the number with the fewest decimals in it ({@code null} when mixed or
     * nothing told a price).
     */
    static BigDecimal price(BigDecimal low, BigDecimal high, boolean mixed) {
        if (mixed || low == null || high == null || low.compareTo(high) > 0) {
            return null;
        }
        for (int scale = 0; scale <= SCALE; scale++) {
            BigDecimal candidate = low.setScale(scale, RoundingMode.CEILING);
            if (candidate.compareTo(high) <= 0) {
                BigDecimal plain = candidate.stripTrailingZeros();
                return plain.scale() < 0 ? plain.setScale(0) : plain;
            }
        }
        return null;
    }

    /** A decimal as text without trailing zeros ({@code "70.00"} → 70), {@code null} for none or not a number. */
    static BigDecimal plain(String decimal) {
        if (decimal == null || decimal.isBlank()) {
            return null;
        }
        try {
            BigDecimal stripped = new BigDecimal(decimal.strip()).stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * The prices some records agree with.
     *
     * @param low   the lowest, {@code null} when no record told one
     * @param high  the highest, {@code null} when no record told one
     * @param mixed the records agree with no one price
     */
    record Range(BigDecimal low, BigDecimal high, boolean mixed) {

        static final Range NONE = new Range(null, null, false);
        static final Range MIXED = new Range(null, null, true);

        /** The prices both agree with (mixed when none). */
        Range plus(Range other) {
            if (mixed || other.mixed) {
                return MIXED;
            }
            if (low == null) {
                return other;
            }
            if (other.low == null) {
                return this;
            }
            BigDecimal newLow = low.max(other.low);
            BigDecimal newHigh = high.min(other.high);
            return newLow.compareTo(newHigh) > 0 ? MIXED : new Range(newLow, newHigh, false);
        }
    }
}
