package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rating step 2: the billed quantity. The usage quantity is converted into the price's unit, then rounded up to the
 * price's increments (the first, then the next ones: 60/1 bills the first 60 s whole, then every started second),
 * then raised to the price's minimum. A zero quantity bills zero. Whole quantities are done in {@code long} base
 * units (bytes, seconds); others in exact {@code BigDecimal}.
 */
final class Quantities {

    /** The decimals kept when a conversion does not terminate (seconds into hours), rounded HALF_EVEN. */
    static final int INEXACT_SCALE = 9;

    private static final UnitOfMeasure[] UNITS = UnitOfMeasure.values();
    private static final long[] BASE = new long[UNITS.length];
    private static final BigDecimal[] BASE_DECIMAL = new BigDecimal[UNITS.length];
    /** 10<sup>0</sup> to 10<sup>18</sup>, the powers of ten a {@code long} holds. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (UnitOfMeasure unit : UNITS) {
            BASE[unit.ordinal()] = unit.baseUnits().longValueExact();
            BASE_DECIMAL[unit.ordinal()] = BigDecimal.valueOf(BASE[unit.ordinal()]);
        }
    }

    private Quantities() {
    }

    static long base(UnitOfMeasure unit) {
        return BASE[unit.ordinal()];
    }

    /** The billed quantity in the price's unit; {@code quantity} is not negative and its unit converts. */
    static BigDecimal billed(BigDecimal quantity, UnitOfMeasure unit, CompiledPrice price) {
        if (quantity.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (price.wholeRounding && quantity.scale() == 0 && quantity.precision() <= 18) {
            try {
                long billedBase = roundWhole(Math.multiplyExact(quantity.longValue(), base(unit)), price);
                return fromBase(billedBase, price.unit);
            } catch (ArithmeticException overflow) {
                // too large for long arithmetic: the exact path below handles any size
            }
        }
        if (price.incrementUnit == price.unit) {
            return round(convert(quantity, unit, price.unit), price);
        }
        // increments in another unit (seconds of a per-minute price): round there, then express in the price's unit
        BigDecimal rounded = roundIncrements(convert(quantity, unit, price.incrementUnit), price);
        return atLeastMinimum(convert(rounded, price.incrementUnit, price.unit), price);
    }

    /** {@code quantity} of {@code from} in {@code to}: exact when the division terminates, else 9 decimals. */
    static BigDecimal convert(BigDecimal quantity, UnitOfMeasure from, UnitOfMeasure to) {
        if (from == to) {
            return quantity;
        }
        long fromBase = base(from);
        long toBase = base(to);
        if (fromBase % toBase == 0) {
            return quantity.multiply(BigDecimal.valueOf(fromBase / toBase));
        }
        return divideIntoUnit(quantity.multiply(BASE_DECIMAL[from.ordinal()]), to);
    }

    private static BigDecimal divideIntoUnit(BigDecimal inBase, UnitOfMeasure unit) {
        try {
            return inBase.divide(BASE_DECIMAL[unit.ordinal()]);
        } catch (ArithmeticException nonTerminating) {
            return inBase.divide(BASE_DECIMAL[unit.ordinal()], INEXACT_SCALE, RoundingMode.HALF_EVEN);
        }
    }

    private static BigDecimal fromBase(long billedBase, UnitOfMeasure unit) {
        long unitBase = base(unit);
        if (billedBase % unitBase == 0) {
            return BigDecimal.valueOf(billedBase / unitBase);
        }
        BigDecimal quotient = terminatingQuotient(billedBase, unitBase);
        return quotient != null ? quotient : divideIntoUnit(BigDecimal.valueOf(billedBase), unit);
    }

    /**
     * {@code dividend / divisor} (both positive) exactly as {@link BigDecimal#divide(BigDecimal)} gives it (the
     * smallest scale, at least 0, that holds it), in {@code long} arithmetic: the quotient terminates when the reduced
     * divisor is 2<sup>a</sup>&times;5<sup>b</sup>, and is then the reduced dividend &times; 10<sup>s</sup> / divisor
     * at scale s = max(a, b). {@code null} when it does not terminate or does not fit a {@code long}: the caller
     * divides as {@code BigDecimal}. (That division of a whole number of bytes by the 1,048,576 of a megabyte
     * allocated about 900 bytes per rated record in the pipeline benchmark's flight recording, with data in KB priced
     * per MB.)
     */
    static BigDecimal terminatingQuotient(long dividend, long divisor) {
        if (dividend <= 0 || divisor <= 0) {
            return null;
        }
        long common = gcd(dividend, divisor);
        long numerator = dividend / common;
        long denominator = divisor / common;
        int twos = Long.numberOfTrailingZeros(denominator);
        long rest = denominator >>> twos;
        int fives = 0;
        while (rest % 5 == 0) {
            rest /= 5;
            fives++;
        }
        int scale = Math.max(twos, fives);
        if (rest != 1 || scale >= POWERS_OF_TEN.length) {
            return null;
        }
        long factor = POWERS_OF_TEN[scale] / denominator;
        if (numerator > Long.MAX_VALUE / factor) {
            return null;
        }
        return BigDecimal.valueOf(numerator * factor, scale);
    }

    private static long gcd(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }

    private static long roundWhole(long quantity, CompiledPrice price) {
        long billed = quantity;
        long first = price.firstBase;
        if (first > 0) {
            billed = quantity <= first ? first
                    : Math.addExact(first, Math.multiplyExact(ceilDiv(quantity - first, price.nextBase),
                    price.nextBase));
        }
        return Math.max(billed, price.minimumBase);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    private static BigDecimal round(BigDecimal quantity, CompiledPrice price) {
        return atLeastMinimum(roundIncrements(quantity, price), price);
    }

    private static BigDecimal atLeastMinimum(BigDecimal billed, CompiledPrice price) {
        return price.minimum != null && billed.compareTo(price.minimum) < 0 ? price.minimum : billed;
    }

    private static BigDecimal roundIncrements(BigDecimal quantity, CompiledPrice price) {
        BigDecimal billed = quantity;
        BigDecimal first = price.firstIncrement;
        if (first != null) {
            if (quantity.compareTo(first) <= 0) {
                billed = first;
            } else {
                BigDecimal steps = quantity.subtract(first).divide(price.nextIncrement, 0, RoundingMode.CEILING);
                billed = first.add(steps.multiply(price.nextIncrement));
            }
        }
        return billed;
    }
}
