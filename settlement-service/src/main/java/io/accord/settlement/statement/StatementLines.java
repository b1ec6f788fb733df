package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a statement's usage lines from the period's sums, never recomputing a share: one line per offering × usage
 * type and direction, prior-period sums on their own labelled lines, each converted at the period-end rate when the
 * usage currency differs, rounded once; then the tax line on the rounded net.
 */
final class StatementLines {

    private StatementLines() {
    }

    /**
     * @param fxRates the period-end rate per usage currency into {@code currency}; a currency missing is refused
     */
    static Lines fromUsage(List<UsageSums.Sum> sums, String currency, Map<String, BigDecimal> fxRates,
                           String taxRatePercent, boolean reverseCharge) {
        List<Draft> drafts = new ArrayList<>();
        for (UsageSums.Sum sum : sums) {
            boolean payable = "PAYABLE_TO_PARTNER".equals(sum.direction());
            Money source = Money.of(payable ? sum.amount() : sum.amount().negate(), sum.currency());
            BigDecimal rate = null;
            Money amount = source;
            if (!sum.currency().equals(currency)) {
                rate = fxRates.get(sum.currency());
                if (rate == null) {
                    throw new IllegalStateException("no " + sum.currency() + "→" + currency
                            + " rate at the period end: load one before the run");
                }
                amount = Money.of(source.amount().multiply(rate), currency);
            }
            String type = sum.priorPeriod() ? "PRIOR_PERIOD_ADJUSTMENT" : payable ? "USAGE_REVENUE_SHARE" : "WHOLESALE";
            String label = (sum.priorPeriod() ? "Prior-period adjustment: " : payable ? "Revenue share: "
                    : "Wholesale: ") + sum.offeringId() + " × " + sum.usageType();
            drafts.add(new Draft(type, label, sum, amount, rate, rate == null ? null : source));
        }
        SettlementMath.RoundedLines rounded = SettlementMath.roundLines(
                drafts.stream().map(Draft::amount).toList(), currency);
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            lines.add(new StatementLine(draft.type(), draft.label(), draft.sum().offeringId(),
                    draft.sum().usageType(), draft.sum().quantity(), draft.amount(), rounded.rounded().get(i),
                    draft.rate(), draft.source()));
        }
        Money net = rounded.total();
        SettlementMath.TaxLine tax = SettlementMath.tax(net, taxRatePercent, reverseCharge);
        return new Lines(List.copyOf(lines), net, tax.amount(), net.plus(tax.amount()), rounded.roundingDifference(),
                tax.legalNote());
    }

    private record Draft(String type, String label, UsageSums.Sum sum, Money amount, BigDecimal rate, Money source) {
    }

    /** The lines and the totals: net = Σ rounded lines, total = net + tax, and what rounding changed. */
    record Lines(List<StatementLine> lines, Money net, Money tax, Money total, Money roundingDifference,
                 String taxNote) {
    }
}
