package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsagePriceVersion.Tier;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A price version prepared once, when the snapshot is built, for the hot path: tiers as arrays, and the increments
 * and minimum in the dimension's base units as {@code long}s when they are whole there, so that whole quantities are
 * rounded without {@code BigDecimal}.
 */
final class CompiledPrice {

    /** Marks an increment or minimum that is not a whole number of base units. */
    static final long NOT_WHOLE = -1;
    private static final long SECONDS_PER_DAY = 86_400;

    final UsagePriceVersion version;
    final UnitOfMeasure unit;
    final TierMode mode;
    final BigDecimal rate;
    /** The unit of the increments (the price's own unless it names another). */
    final UnitOfMeasure incrementUnit;
    final BigDecimal firstIncrement;
    final BigDecimal nextIncrement;
    final BigDecimal minimum;
    /** The least charge of a record billed more than zero, {@code null} for none. */
    final BigDecimal minimumCharge;
    final long unitBase;
    final long firstBase;
    final long nextBase;
    final long minimumBase;
    final boolean wholeRounding;
    final BigDecimal[] tierTo;
    final BigDecimal[] tierFrom;
    final BigDecimal[] tierRate;
    /** The tier period last looked up; immutable, so a racy read sees a whole one or null. */
    private Period lastPeriod;

    private record Period(long fromSecond, long untilSecond, LocalDate start) {
    }

    CompiledPrice(UsagePriceVersion version) {
        this.version = version;
        this.unit = version.unit();
        this.mode = version.tierMode();
        this.rate = version.rate();
        this.incrementUnit = version.incrementUnit();
        this.firstIncrement = version.firstIncrement();
        this.nextIncrement = version.nextIncrement();
        this.minimum = version.minimumQuantity();
        this.minimumCharge = version.minimumCharge();
        this.unitBase = Quantities.base(unit);
        this.firstBase = inBase(firstIncrement, Quantities.base(incrementUnit));
        this.nextBase = inBase(nextIncrement, Quantities.base(incrementUnit));
        this.minimumBase = inBase(minimum, unitBase);
        this.wholeRounding = firstBase != NOT_WHOLE && nextBase != NOT_WHOLE && minimumBase != NOT_WHOLE;
        List<Tier> tiers = version.tiers();
        this.tierFrom = new BigDecimal[tiers.size()];
        this.tierTo = new BigDecimal[tiers.size()];
        this.tierRate = new BigDecimal[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            tierFrom[i] = tiers.get(i).from();
            tierTo[i] = tiers.get(i).to();
            tierRate[i] = tiers.get(i).rate();
        }
    }

    boolean inForceAt(Instant instant) {
        return EffectiveDating.inForce(version.validFrom(), version.validTo(), instant);
    }

    /** The first day (UTC) of the tier period holding {@code at}; most records fall in the one of the last. */
    LocalDate periodStart(Instant at) {
        long second = at.getEpochSecond();
        Period last = lastPeriod;
        if (last != null && second >= last.fromSecond() && second < last.untilSecond()) {
            return last.start();
        }
        TierPeriod period = version.tierPeriod();
        LocalDate start = RatingEngine.periodStart(period, at);
        LocalDate end = period == TierPeriod.CALENDAR_YEAR ? start.plusYears(1) : start.plusMonths(1);
        lastPeriod = new Period(start.toEpochDay() * SECONDS_PER_DAY, end.toEpochDay() * SECONDS_PER_DAY, start);
        return start;
    }

    /**
     * The exact charge of a record billed {@code billed}, raised to the price's minimum charge when it is below it;
     * a record billed nothing is charged nothing (a minimum is the least charge of a usage, and a zero record is no
     * usage).
     */
    BigDecimal atLeastMinimum(BigDecimal charge, BigDecimal billed) {
        if (minimumCharge == null || billed.signum() <= 0 || charge.compareTo(minimumCharge) >= 0) {
            return charge;
        }
        return minimumCharge;
    }

    String currency() {
        return version.currency();
    }

    /**
     * {@code value} of a unit worth {@code valueBase} base units, in base units; 0 when absent, {@link #NOT_WHOLE}
     * when not whole.
     */
    private static long inBase(BigDecimal value, long valueBase) {
        if (value == null) {
            return 0;
        }
        BigDecimal base = value.multiply(BigDecimal.valueOf(valueBase));
        try {
            return base.longValueExact();
        } catch (ArithmeticException notWhole) {
            return NOT_WHOLE;
        }
    }
}
