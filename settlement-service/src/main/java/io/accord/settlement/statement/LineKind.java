package io.accord.settlement.statement;

/**
 * What a statement line is. Only the rated-usage kinds are in the conservation equation (they are sums of the rated
 * records' party amounts); every other kind is a labelled line outside it, traceable to its cause. The minimum
 * guarantee of a partner we pay is measured against the {@link Measure#PAYABLE} lines of the period, a reseller's
 * minimum commitment against its {@link Measure#OWED} ones.
 */
enum LineKind {
    USAGE_REVENUE_SHARE(true, Measure.PAYABLE),
    WHOLESALE(true, Measure.OWED),
    /** Usage of an earlier, closed period (either direction): settled now, measured in neither guarantee. */
    PRIOR_PERIOD_ADJUSTMENT(true, Measure.NONE),
    RECURRING_SHARE(false, Measure.PAYABLE),
    ONE_TIME_SHARE(false, Measure.PAYABLE),
    RECURRING_WHOLESALE(false, Measure.OWED),
    ONE_TIME_WHOLESALE(false, Measure.OWED),
    VOLUME_TIER_BONUS(false, Measure.PAYABLE),
    MINIMUM_GUARANTEE_TOP_UP(false, Measure.NONE),
    MINIMUM_COMMITMENT(false, Measure.NONE),
    DISPUTE_ADJUSTMENT(false, Measure.NONE);

    /** Which guarantee a line counts toward. */
    enum Measure { PAYABLE, OWED, NONE }

    private final boolean ratedUsage;
    private final Measure measure;

    LineKind(boolean ratedUsage, Measure measure) {
        this.ratedUsage = ratedUsage;
        this.measure = measure;
    }

    /** A sum of rated records' party amounts: in the conservation equation. */
    boolean ratedUsage() {
        return ratedUsage;
    }

    Measure measure() {
        return measure;
    }
}
