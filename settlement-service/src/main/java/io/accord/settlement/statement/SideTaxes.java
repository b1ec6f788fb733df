package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;

import java.util.List;

/**
 * A statement's tax, per supply it documents (plain Java). A statement documenting one supply (a self-billed
 * revenue-share statement, a wholesale invoice, or one with dispute adjustments only) has one tax line, on its net, as
 * before. A netted statement documents two supplies, the partner's to us (self-billed by us) and ours to it, whose VAT
 * the partner books differently (output and input VAT): each side gets its own tax line, on the Σ of that side's
 * rounded lines, rounded once to the minor unit (HALF_EVEN, {@link SettlementMath#tax}); the statement's tax is the Σ
 * of the two. A dispute adjustment on a netted statement is taxed with the side its direction goes: a credit to the
 * partner with its supply, a debit with ours ({@link LineKind#taxSide}).
 */
final class SideTaxes {

    static final String REVENUE_SHARE_LABEL = "VAT on your supply to us (self-billed)";
    static final String WHOLESALE_LABEL = "VAT on our supply to you";

    private SideTaxes() {
    }

    /**
     * @param lines the statement's lines, rounded
     * @param net   Σ of their rounded amounts
     * @return one tax line (side {@link LineKind.Side#NONE}, on the net) or, for a netted statement, the revenue-share
     *         side's then the wholesale side's
     */
    static List<SideTax> of(List<StatementLine> lines, Money net, String ratePercent, boolean reverseCharge) {
        if (!netted(lines)) {
            return List.of(new SideTax(LineKind.Side.NONE, net, SettlementMath.tax(net, ratePercent,
                    reverseCharge)));
        }
        Money revenueShare = Money.zero(net.currency());
        Money wholesale = Money.zero(net.currency());
        for (StatementLine line : lines) {
            if (LineKind.valueOf(line.type()).taxSide(line.direction(), line.rounded().amount())
                    == LineKind.Side.REVENUE_SHARE) {
                revenueShare = revenueShare.plus(line.rounded());
            } else {
                wholesale = wholesale.plus(line.rounded());
            }
        }
        return List.of(
                new SideTax(LineKind.Side.REVENUE_SHARE, revenueShare,
                        SettlementMath.tax(revenueShare, ratePercent, reverseCharge)),
                new SideTax(LineKind.Side.WHOLESALE, wholesale,
                        SettlementMath.tax(wholesale, ratePercent, reverseCharge)));
    }

    /** Σ of the sides' taxes: the statement's tax. */
    static Money total(List<SideTax> taxes, String currency) {
        return taxes.stream().map(tax -> tax.tax().amount()).reduce(Money.zero(currency), Money::plus);
    }

    /** The lines document both supplies, as {@link DocumentTypes} decides a settlement statement. */
    static boolean netted(List<StatementLine> lines) {
        boolean revenueShare = false;
        boolean wholesale = false;
        for (StatementLine line : lines) {
            LineKind.Side side = LineKind.valueOf(line.type()).side(line.direction(), line.rounded().amount());
            revenueShare |= side == LineKind.Side.REVENUE_SHARE;
            wholesale |= side == LineKind.Side.WHOLESALE;
        }
        return revenueShare && wholesale;
    }

    /**
     * One tax line: its side ({@code NONE} on a statement of one supply), its taxable base (Σ the side's rounded
     * lines, signed like them) and the tax on it.
     */
    record SideTax(LineKind.Side side, Money base, SettlementMath.TaxLine tax) {

        /** What the document prints before the rate; {@code null} for the one tax line of a one-sided statement. */
        String label() {
            return switch (side) {
                case REVENUE_SHARE -> REVENUE_SHARE_LABEL;
                case WHOLESALE -> WHOLESALE_LABEL;
                case NONE -> null;
            };
        }
    }
}
