package io.accord.settlement.statement;

/**
 * What a statement line is. Only the rated-usage kinds are in the conservation equation (they are sums of the rated
 * records' party amounts); every other kind is a labelled line outside it, traceable to its cause. The minimum
 * guarantee of a partner we pay is measured against the {@link Measure#PAYABLE} lines of the period, a reseller's
 * minimum commitment against its {@link Measure#OWED} ones. Each kind also says which supply it documents
 * ({@link #side}): what the statement's document is ({@link DocumentTypes}).
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

    /**
     * Which supply a line documents: the partner's to us (its revenue share, self-billed by us), ours to the partner
     * (wholesale, invoiced by us), or neither (a dispute adjustment corrects whichever the statement is).
     */
    enum Side { REVENUE_SHARE, WHOLESALE, NONE }

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

    /**
     * The supply a line of this kind documents; a prior-period usage line by its direction (revenue share paid to
     * the partner, or wholesale it owes), a line stored without one by its sign.
     */
    Side side(String direction, java.math.BigDecimal amount) {
        return switch (this) {
            case USAGE_REVENUE_SHARE, RECURRING_SHARE, ONE_TIME_SHARE, VOLUME_TIER_BONUS, MINIMUM_GUARANTEE_TOP_UP ->
                    Side.REVENUE_SHARE;
            case WHOLESALE, RECURRING_WHOLESALE, ONE_TIME_WHOLESALE, MINIMUM_COMMITMENT -> Side.WHOLESALE;
            case PRIOR_PERIOD_ADJUSTMENT -> direction != null ? ("PAYABLE_TO_PARTNER".equals(direction)
                    ? Side.REVENUE_SHARE : Side.WHOLESALE) : amount.signum() >= 0 ? Side.REVENUE_SHARE : Side.WHOLESALE;
            case DISPUTE_ADJUSTMENT -> Side.NONE;
        };
    }

    /**
     * The supply a line's tax goes with on a netted statement ({@link SideTaxes}): its {@link #side}, and for a
     * dispute adjustment (which documents neither) the side its direction goes: a credit to the partner with the
     * partner's supply (as a payable prior-period line), a debit with ours (as an owed one); stored without a
     * direction, by its sign.
     */
    Side taxSide(String direction, java.math.BigDecimal amount) {
        if (this != DISPUTE_ADJUSTMENT) {
            return side(direction, amount);
        }
        boolean credit = direction != null ? "CREDIT_PARTNER".equals(direction) : amount.signum() >= 0;
        return credit ? Side.REVENUE_SHARE : Side.WHOLESALE;
    }
}
