package io.accord.rating.engine;

import io.accord.contracts.value.Money;
import io.accord.rating.engine.ProductSelection.Selection;
import io.accord.rating.engine.TierPricing.Priced;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Rates usage records against a {@link RatingSnapshot} of the read models (issue 10, Rating 1-5): the product
 * instance, price and agreements in force at the usage's own instant, the billed quantity, the charge over the tier
 * accumulator, and its exact split between the parties. Plain Java, no I/O; safe to share between threads as long
 * as each {@link TierAccumulators} is used by one thread.
 */
public final class RatingEngine {

    /** The default duplicate-detection window: older usage is {@link SuspenseReason#TOO_OLD}. */
    public static final Duration DEFAULT_TOO_OLD_AFTER = Duration.ofDays(45);

    /**
     * The charge a record may not reach: no usage costs a trillion, so such a charge is a mediation or price error (an
     * INVALID record). Rows keep amounts below 10^18 (6 decimals), and sums of records, a rollup's or a settlement
     * period's, must stay there too: a million records at this bound still do.
     */
    public static final BigDecimal MAX_CHARGE = new BigDecimal("1000000000000");

    private static final long SECONDS_PER_DAY = 86_400;

    private final RatingSnapshot snapshot;
    private final Clock clock;
    private final Duration tooOldAfter;
    private final long tooOldAfterMillis;
    private final Duration maxAhead;
    private final long maxAheadMillis;
    private final QuantityLimits limits;

    /**
     * @param snapshot    the read models to rate against
     * @param clock       the service's clock, for the too-old window
     * @param tooOldAfter how old (in usage time) a record may be and still be rated
     * <p>No limit ahead and no quantity limits: for records accepted before (re-rating); the inputs pass theirs.
     */
    public RatingEngine(RatingSnapshot snapshot, Clock clock, Duration tooOldAfter) {
        this(snapshot, clock, tooOldAfter, null);
    }

    /**
     * @param snapshot    the read models to rate against
     * @param clock       the service's clock, for the too-old window and the limit ahead
     * @param tooOldAfter how old (in usage time) a record may be and still be rated
     * @param maxAhead    how far after the clock's instant a usage time may be and the record still be rated (further
     *                    ahead it is {@link SuspenseReason#INVALID}); {@code null}: no limit
     */
    public RatingEngine(RatingSnapshot snapshot, Clock clock, Duration tooOldAfter, Duration maxAhead) {
        this(snapshot, clock, tooOldAfter, maxAhead, null);
    }

    /**
     * @param snapshot    the read models to rate against
     * @param clock       the service's clock, for the too-old window and the limit ahead
     * @param tooOldAfter how old (in usage time) a record may be and still be rated
     * @param maxAhead    how far after the clock's instant a usage time may be and the record still be rated (further
     *                    ahead it is {@link SuspenseReason#INVALID}); {@code null}: no limit
     * @param limits      the most one record may measure (beyond it {@link SuspenseReason#INVALID}); {@code null}: no
     *                    limit (re-rating: its records were accepted before)
     */
    public RatingEngine(RatingSnapshot snapshot, Clock clock, Duration tooOldAfter, Duration maxAhead,
                        QuantityLimits limits) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tooOldAfter = Objects.requireNonNull(tooOldAfter, "tooOldAfter");
        this.tooOldAfterMillis = tooOldAfter.toMillis();
        this.maxAhead = maxAhead;
        this.maxAheadMillis = maxAhead == null ? Long.MAX_VALUE : maxAhead.toMillis();
        this.limits = limits;
    }

    /**
     * Rates one record. When it is rated, its accumulator in {@code accumulators} advances by the billed quantity;
     * when it is suspended, nothing changes. Never throws for a bad record: it answers {@link SuspenseReason#INVALID}.
     */
    public RatingOutcome rate(UsageRecord usage, TierAccumulators accumulators) {
        String invalid = UsageValidation.problem(usage);
        if (invalid != null) {
            return new SuspendedUsage(usage, SuspenseReason.INVALID, invalid);
        }
        if (limits != null) {
            String implausible = limits.problem(usage.quantity(), usage.unit());
            if (implausible != null) {
                return new SuspendedUsage(usage, SuspenseReason.INVALID, implausible);
            }
        }
        Instant at = usage.usageTime().toInstant();
        if (isTooOld(at)) {
            return new SuspendedUsage(usage, SuspenseReason.TOO_OLD, "usage time " + at + " is older than "
                    + tooOldAfter.toDays() + " days");
        }
        if (maxAhead != null && isTooFarAhead(at)) {
            return new SuspendedUsage(usage, SuspenseReason.INVALID, "usage time " + at + " is more than " + maxAhead
                    + " ahead of the rating service's clock (" + clock.instant() + "): usage is rated once it happened");
        }
        Selection selection = ProductSelection.select(usage, at, snapshot);
        if (selection.reason() != null) {
            return new SuspendedUsage(usage, selection.reason(), selection.detail(), selection.instance() != null
                    ? selection.instance().instance.offeringId() : usage.offeringId());
        }
        CompiledInstance compiled = selection.instance();
        ProductInstance instance = compiled.instance;
        CompiledPrice price = selection.price();
        if (!usage.unit().convertsTo(price.unit)) {
            return new SuspendedUsage(usage, SuspenseReason.INVALID, "unit " + usage.unit()
                    + " does not convert to " + price.unit + ", the unit of price " + price.version.priceVersionId(),
                    instance.offeringId());
        }
        Allocation.Plan plan = Allocation.plan(compiled, usage.usageType(), price.unit, at);
        if (plan.problem() != null) {
            return new SuspendedUsage(usage, SuspenseReason.NO_AGREEMENT, plan.problem(), instance.offeringId());
        }
        BigDecimal billed = Quantities.billed(usage.quantity(), usage.unit(), price);
        // the instance's canonical subscriber id, whichever identifier the record named, so that all its usage
        // shares one accumulator; the snapshot's own strings, so that the key compares by identity in the map
        AccumulatorKey key = new AccumulatorKey(instance.subscriberId(), instance.offeringId(),
                price.version.usageType(), price.version.tierPeriod(), price.periodStart(at));
        TierAccumulators.Slot slot = accumulators.existing(key); // made only when the record is rated
        BigDecimal before = slot != null ? slot.quantity : BigDecimal.ZERO;
        BigDecimal after = before.add(billed);
        Money charge;
        TierUsage tiers;
        if (plan.kind() == AllocationCase.RESELL) {
            charge = Allocation.wholesaleCharge(plan, billed, price.unit);
            tiers = new TierUsage(price.mode, List.of(), false, key, before, after);
        } else {
            Priced priced = TierPricing.price(price, billed, before);
            // the price's minimum charge before allocation, so that the shares follow it
            charge = Money.of(price.atLeastMinimum(priced.amount(), billed), price.currency());
            tiers = new TierUsage(price.mode, priced.portions(), priced.provisional(), key, before, after);
        }
        if (charge.amount().abs().compareTo(MAX_CHARGE) >= 0) {
            return new SuspendedUsage(usage, SuspenseReason.INVALID, "charge " + charge.amount().toPlainString() + " "
                    + charge.currency() + " of price " + price.version.priceVersionId() + " reaches "
                    + MAX_CHARGE.toPlainString() + ", more than any usage record is rated", instance.offeringId());
        }
        Allocation.Split split = Allocation.allocate(plan, charge);
        if (slot == null) {
            slot = accumulators.slot(key);
        }
        slot.quantity = after;
        RatingBasis basis = new RatingBasis(instance.instanceId(), instance.offeringId(), instance.offeringVersion(),
                price.version.priceVersionId(), price.version.version(), plan.agreements(),
                price.version.taxCategory());
        return new RatedUsage(usage, RatedUsage.Kind.RATED, billed, price.unit, charge, split.parties(),
                split.margin(), plan.kind(), basis, tiers);
    }

    /**
     * Makes a volume-tiered period final (issue 10, Rating 3): given the rated records of one accumulator's period in
     * arrival order, the reversals and final records that move every provisionally charged unit to the tier the
     * period's total reached. Records already at that tier are left alone.
     *
     * @throws IllegalArgumentException when the records are not of one accumulator, or name a price version the
     *                                  snapshot does not hold
     */
    public VolumeRerating rerateVolumePeriod(List<RatedUsage> periodRecords) {
        return VolumeRerater.rerate(periodRecords, snapshot, null);
    }

    /**
     * Like {@link #rerateVolumePeriod(List)}, given only the period's volume-tier records (in arrival order) and the
     * period's total billed quantity over all its records (its tier accumulator), which decides the final tier.
     */
    public VolumeRerating rerateVolumePeriod(List<RatedUsage> volumeRecords, BigDecimal periodTotal) {
        return VolumeRerater.rerate(volumeRecords, snapshot, Objects.requireNonNull(periodTotal, "periodTotal"));
    }

    /** Primitive arithmetic on the hot path, and no overflow for any usage time (the epoch-millis of year -10^9 would). */
    private boolean isTooOld(Instant at) {
        long cutoffMillis = clock.millis() - tooOldAfterMillis;
        long cutoffSecond = Math.floorDiv(cutoffMillis, 1000);
        long second = at.getEpochSecond();
        return second < cutoffSecond
                || second == cutoffSecond && at.getNano() < Math.floorMod(cutoffMillis, 1000) * 1_000_000;
    }

    /** Like {@link #isTooOld}: no overflow for any usage time. */
    private boolean isTooFarAhead(Instant at) {
        long now = clock.millis();
        long limitMillis = maxAheadMillis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + maxAheadMillis;
        long limitSecond = Math.floorDiv(limitMillis, 1000);
        long second = at.getEpochSecond();
        return second > limitSecond
                || second == limitSecond && at.getNano() > Math.floorMod(limitMillis, 1000) * 1_000_000;
    }

    /** The first day (UTC) of the tier period holding {@code at}. */
    static LocalDate periodStart(TierPeriod period, Instant at) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY));
        return period == TierPeriod.CALENDAR_YEAR ? day.withDayOfYear(1) : day.withDayOfMonth(1);
    }
}
