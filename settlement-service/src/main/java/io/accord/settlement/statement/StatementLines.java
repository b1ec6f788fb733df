package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a statement's lines (plain Java): usage lines from the period's sums, never recomputing a share (one per
 * offering × usage type and direction, prior-period sums on their own labelled lines), the recurring, one-time, tier
 * bonus and adjustment lines drafted elsewhere, each converted at the period-end rate when it arose in another
 * currency and rounded once; then the minimum guarantee line measured against the rounded lines, and the tax: on the
 * rounded net, or on a netted statement per supply ({@link SideTaxes}), the statement's tax the Σ of the two.
 */
final class StatementLines {

    private StatementLines() {
    }

    /** A statement of usage lines only. */
    static Lines fromUsage(List<UsageSums.Sum> sums, String currency, Map<String, BigDecimal> fxRates,
                           String taxRatePercent, boolean reverseCharge) {
        return compose(usageDrafts(sums, Map.of()), List.of(), null, currency, fxRates, taxRatePercent,
                reverseCharge);
    }

    /**
     * One draft per sum: payable positive, owed negative; prior-period sums labelled as such; each with its sum's
     * billed unit, record count and unit price. A line is labelled with
     * its offering's name where known ({@code offeringNames}), its id otherwise; the line keeps the id either way.
     */
    static List<LineDraft> usageDrafts(List<UsageSums.Sum> sums, Map<String, String> offeringNames) {
        return usageDrafts(sums, offeringNames, Map.of());
    }

    /**
     * The same, each prior-period line referencing what it adjusts ({@link PriorPeriodReferences}; {@code null} when
     * not known).
     */
    static List<LineDraft> usageDrafts(List<UsageSums.Sum> sums, Map<String, String> offeringNames,
                                       Map<PriorPeriodReferences.Key, String> priorReferences) {
        List<LineDraft> drafts = new ArrayList<>();
        for (UsageSums.Sum sum : sums) {
            boolean payable = "PAYABLE_TO_PARTNER".equals(sum.direction());
            Money amount = Money.of(payable ? sum.amount() : sum.amount().negate(), sum.currency());
            LineKind kind = sum.priorPeriod() ? LineKind.PRIOR_PERIOD_ADJUSTMENT
                    : payable ? LineKind.USAGE_REVENUE_SHARE : LineKind.WHOLESALE;
            String label = (sum.priorPeriod() ? "Prior-period adjustment: " : payable ? "Revenue share: "
                    : "Wholesale: ") + offeringNames.getOrDefault(sum.offeringId(), sum.offeringId()) + " × "
                    + sum.usageType();
            String reference = sum.priorPeriod() ? priorReferences.get(new PriorPeriodReferences.Key(
                    sum.offeringId(), sum.usageType(), sum.direction(), sum.currency(), sum.billedUnit())) : null;
            drafts.add(new LineDraft(kind, label, sum.offeringId(), sum.usageType(), sum.quantity(), amount,
                    sum.direction(), reference, new StatementLine.Usage(sum.billedUnit(), sum.recordCount(),
                    sum.unitPrice(), sum.shareRate())));
        }
        return drafts;
    }

    /**
     * @param drafts      the lines the guarantee is measured against (and any other line but adjustments)
     * @param adjustments dispute adjustment lines, listed after the guarantee line and not measured by it
     * @param guarantee   the period's minimum guarantee or commitment, {@code null} for none
     * @param fxRates     the period-end rate per source currency into {@code currency}; a currency missing is refused
     */
    static Lines compose(List<LineDraft> drafts, List<LineDraft> adjustments, Guarantee guarantee, String currency,
                         Map<String, BigDecimal> fxRates, String taxRatePercent, boolean reverseCharge) {
        return compose(drafts, adjustments, guarantee, currency, fxRates,
                SettlementMath.SupplyTreatments.uniform(taxRatePercent, reverseCharge), null);
    }

    /**
     * As above, each supply taxed under its own treatment ({@link SettlementMath#supplyTreatments}); a statement of
     * one supply under that supply's, which its lines or else {@code businessModel} decide ({@link DocumentTypes}).
     */
    static Lines compose(List<LineDraft> drafts, List<LineDraft> adjustments, Guarantee guarantee, String currency,
                         Map<String, BigDecimal> fxRates, SettlementMath.SupplyTreatments treatments,
                         String businessModel) {
        List<StatementLine> lines = new ArrayList<>();
        for (LineDraft draft : drafts) {
            lines.add(converted(draft, currency, fxRates));
        }
        if (guarantee != null) {
            guaranteeLine(guarantee, lines, currency).ifPresent(lines::add);
        }
        for (LineDraft adjustment : adjustments) {
            lines.add(converted(adjustment, currency, fxRates));
        }
        SettlementMath.RoundedLines rounded = SettlementMath.roundLines(
                lines.stream().map(StatementLine::unrounded).toList(), currency);
        List<StatementLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            StatementLine line = lines.get(i);
            result.add(new StatementLine(line.type(), line.label(), line.offeringId(), line.usageType(),
                    line.quantity(), line.unrounded(), rounded.rounded().get(i), line.fxRate(), line.sourceAmount(),
                    line.direction(), line.reference(), line.usage()));
        }
        Money net = rounded.total();
        List<SideTaxes.SideTax> taxes = SideTaxes.of(result, net, treatments,
                SideTaxes.supplyOf(DocumentTypes.of(businessModel, result)));
        Money tax = SideTaxes.total(taxes, currency);
        return new Lines(List.copyOf(result), net, tax, net.plus(tax), rounded.roundingDifference(),
                SideTaxes.note(taxes));
    }

    /** A line in the statement currency, not rounded yet (the rounded amount is filled in by {@link #compose}). */
    private static StatementLine converted(LineDraft draft, String currency, Map<String, BigDecimal> fxRates) {
        Money source = draft.amount();
        BigDecimal rate = null;
        Money amount = source;
        if (!source.currency().equals(currency)) {
            rate = fxRates.get(source.currency());
            if (rate == null) {
                throw new IllegalStateException("no " + source.currency() + "→" + currency
                        + " rate at the period end: load one before the run");
            }
            // a split adjustment's share was converted as part of its whole amount (LineDraft#converted)
            amount = draft.converted() != null ? draft.converted()
                    : Money.of(source.amount().multiply(rate), currency);
            if (!amount.currency().equals(currency)) {
                throw new IllegalStateException("line " + draft.label() + " was converted into " + amount.currency()
                        + ", not " + currency);
            }
        }
        return new StatementLine(draft.kind().name(), draft.label(), draft.offeringId(), draft.usageType(),
                draft.quantity(), amount, amount, rate, rate == null ? null : source, draft.direction(),
                draft.reference(), draft.usage());
    }

    /**
     * The top-up (guarantee − Σ rounded payable lines) or the commitment (guarantee − Σ rounded wholesale lines, owed),
     * when positive. The guarantee is the calendar period's: the lines of its earlier parts (periods closed early
     * within it) count as reached, and what their statements already charged for it is deducted, so a split calendar
     * period is charged max(0, guarantee − Σ its lines) once in total (a later part may give some back).
     */
    private static Optional<StatementLine> guaranteeLine(Guarantee guarantee, List<StatementLine> lines,
                                                                   String currency) {
        LineKind.Measure measure = guarantee.commitment() ? LineKind.Measure.OWED : LineKind.Measure.PAYABLE;
        List<Money> measured = new ArrayList<>(lines.stream()
                .filter(line -> LineKind.valueOf(line.type()).measure() == measure
                        && !ProductChargeLines.priorPeriod(line.label()))
                .map(line -> SettlementMath.toMinorUnit(line.unrounded()))
                .map(rounded -> guarantee.commitment() ? Money.of(rounded.amount().negate(), currency) : rounded)
                .toList());
        Money reachedNow = measured.stream().reduce(Money.zero(currency), Money::plus);
        measured.add(guarantee.earlierReached());
        measured.add(guarantee.lateUsage());
        Money shortfall = SettlementMath.minimumGuaranteeShortfall(guarantee.periodAmount().amount().toPlainString(),
                1, measured, currency);
        Money due = shortfall.minus(guarantee.earlierCharged());
        if (due.amount().signum() == 0) {
            return Optional.empty();
        }
        Money amount = guarantee.commitment() ? Money.of(due.amount().negate(), currency) : due;
        boolean split = guarantee.earlierReached().amount().signum() != 0
                || guarantee.earlierCharged().amount().signum() != 0 || guarantee.lateUsage().amount().signum() != 0;
        // less than charged before on the calendar period's earlier parts: this line gives some of that back
        boolean givenBack = due.amount().signum() < 0;
        String label = (guarantee.commitment() ? givenBack ? "Minimum commitment given back (charged before): "
                : "Minimum commitment: " : givenBack ? "Minimum guarantee top-up taken back (paid before): "
                : "Minimum guarantee top-up: ")
                + plain(SettlementMath.toMinorUnit(guarantee.periodAmount())) + " " + currency + " for the period ("
                + guarantee.basis() + ") − " + plain(reachedNow) + " " + currency
                + (guarantee.commitment() ? " wholesale" : " payable") + " lines"
                + (split ? " − " + plain(guarantee.earlierReached()) + " " + currency + " of its earlier periods' lines"
                + (guarantee.lateUsage().amount().signum() == 0 ? "" : " − " + plain(guarantee.lateUsage()) + " "
                + currency + " of their usage billed late (prior-period adjustments)")
                + (guarantee.earlierCharged().amount().signum() == 0 ? "" : " − "
                + plain(guarantee.earlierCharged()) + " " + currency + " charged on their statements") : "");
        boolean owed = amount.amount().signum() < 0;
        return Optional.of(new StatementLine((guarantee.commitment() ? LineKind.MINIMUM_COMMITMENT
                : LineKind.MINIMUM_GUARANTEE_TOP_UP).name(), label, null, null, null, amount, amount, null, null,
                owed ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER", guarantee.basis()));
    }

    /** An amount at its currency's minor unit, as a document prints it: 27.30, not 27.3. */
    static String plain(Money money) {
        int digits = Math.max(0, java.util.Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return SettlementMath.toMinorUnit(money).amount().setScale(digits, java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /**
     * The minimum guarantee of the calendar period (month, quarter…) the statement's period lies in.
     *
     * @param periodAmount   the monthly guarantee scaled to the calendar period's days under the agreement
     *                       ({@link SettlementMath#periodGuarantee})
     * @param commitment     a RESELL partner's minimum commitment (owed), else a top-up we pay
     * @param basis          what it is for, printed on the line (e.g. {@code calendar period 2026-12-01 – 2027-01-01})
     * @param earlierReached Σ the measured rounded lines of the calendar period's earlier parts (positive: reached)
     * @param earlierCharged Σ what their statements charged for the guarantee (positive: a top-up paid or a
     *                       commitment owed)
     * @param lateUsage      the earlier parts' usage of the guarantee's direction that arrived after they closed and
     *                       was placed, as prior-period adjustments, on this statement or an earlier part's (positive:
     *                       reached); counted as the calendar period's usage, since it is
     */
    record Guarantee(Money periodAmount, boolean commitment, String basis, Money earlierReached,
                     Money earlierCharged, Money lateUsage) {

        /** A guarantee of a calendar period with no earlier part. */
        Guarantee(Money periodAmount, boolean commitment, String basis) {
            this(periodAmount, commitment, basis, Money.zero(periodAmount.currency()),
                    Money.zero(periodAmount.currency()), Money.zero(periodAmount.currency()));
        }

        /** A guarantee of a calendar period with earlier parts and none of their usage billed late. */
        Guarantee(Money periodAmount, boolean commitment, String basis, Money earlierReached, Money earlierCharged) {
            this(periodAmount, commitment, basis, earlierReached, earlierCharged, Money.zero(periodAmount.currency()));
        }
    }

    /** The lines and the totals: net = Σ rounded lines, total = net + tax, and what rounding changed. */
    record Lines(List<StatementLine> lines, Money net, Money tax, Money total, Money roundingDifference,
                 String taxNote) {
    }
}
