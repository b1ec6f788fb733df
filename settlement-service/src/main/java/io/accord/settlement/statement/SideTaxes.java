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

    /** {@link #of(List, Money, SettlementMath.SupplyTreatments, LineKind.Side)} with both supplies under one treatment. */
    static List<SideTax> of(List<StatementLine> lines, Money net, String ratePercent, boolean reverseCharge) {
        return of(lines, net, SettlementMath.SupplyTreatments.uniform(ratePercent, reverseCharge),
                LineKind.Side.REVENUE_SHARE);
    }

    /**
     * @param lines      the statement's lines, rounded
     * @param net        Σ of their rounded amounts
     * @param treatments how each supply is taxed ({@link SettlementMath#supplyTreatments})
     * @param oneSupply  the supply a statement of one supply documents (its document type's, {@link #supplyOf}),
     *                   whose treatment its one tax line takes
     * @return one tax line (side {@link LineKind.Side#NONE}, on the net) or, for a netted statement, the revenue-share
     *         side's then the wholesale side's
     */
    static List<SideTax> of(List<StatementLine> lines, Money net, SettlementMath.SupplyTreatments treatments,
                            LineKind.Side oneSupply) {
        if (!netted(lines)) {
            SettlementMath.Treatment treatment = oneSupply == LineKind.Side.WHOLESALE ? treatments.wholesale()
                    : treatments.revenueShare();
            return List.of(new SideTax(LineKind.Side.NONE, net, SettlementMath.tax(net, treatment)));
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
                        SettlementMath.tax(revenueShare, treatments.revenueShare())),
                new SideTax(LineKind.Side.WHOLESALE, wholesale,
                        SettlementMath.tax(wholesale, treatments.wholesale())));
    }

    /** The supply a statement of one supply documents: a wholesale invoice ours, any other the partner's. */
    static LineKind.Side supplyOf(String documentType) {
        return DocumentTypes.WHOLESALE_INVOICE.equals(documentType) ? LineKind.Side.WHOLESALE
                : LineKind.Side.REVENUE_SHARE;
    }

    /**
     * The statement's legal tax note, as stored with it: its tax lines' notes, each once, in side order (a netted
     * statement of a partner outside the EU: the reverse-charge note, then the outside-scope one); {@code null} when
     * none has one.
     */
    static String note(List<SideTax> taxes) {
        List<String> notes = taxes.stream().map(tax -> tax.tax().legalNote()).filter(java.util.Objects::nonNull)
                .distinct().toList();
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    /**
     * The treatments a stored statement was taxed with, read back from its stored note ({@link #note}) and the
     * agreement's rate: no note, the rate on both supplies; the reverse-charge note then the outside-scope one, each
     * supply its own; the outside-scope note alone, outside the scope; any other note (reverse charge, as every note
     * was before the treatment depended on the supply), reverse charge on both.
     */
    static SettlementMath.SupplyTreatments stored(String taxNote, String ratePercent) {
        if (taxNote == null) {
            return SettlementMath.SupplyTreatments.uniform(ratePercent, false);
        }
        if (taxNote.equals(SettlementMath.OUTSIDE_SCOPE_NOTE)) {
            return new SettlementMath.SupplyTreatments(SettlementMath.Treatment.OUTSIDE_SCOPE,
                    SettlementMath.Treatment.OUTSIDE_SCOPE);
        }
        if (taxNote.equals(SettlementMath.REVERSE_CHARGE_NOTE + " " + SettlementMath.OUTSIDE_SCOPE_NOTE)) {
            return new SettlementMath.SupplyTreatments(SettlementMath.Treatment.REVERSE_CHARGE,
                    SettlementMath.Treatment.OUTSIDE_SCOPE);
        }
        return SettlementMath.SupplyTreatments.uniform("0", true);
    }

    /**
     * A stored statement's tax lines, as its JSON, document, CSV and TMF678 show them: recomputed from its rounded
     * lines under the treatments its stored note tells ({@link #stored}) and the agreement's rate; when that does not
     * reproduce its stored tax (a netted statement drafted before the split, a rate changed since, or not known), its
     * one stored tax line on the net, as it was drafted.
     *
     * @param ratePercent the agreement's rate, {@code null} when not known
     */
    static List<SideTax> ofStored(List<StatementLine> lines, StatementLines.Lines totals, String documentType,
                                  String ratePercent) {
        List<SideTax> taxes = of(lines, totals.net(), stored(totals.taxNote(), ratePercent),
                supplyOf(documentType));
        if (total(taxes, totals.net().currency()).amount().compareTo(totals.tax().amount()) == 0
                && java.util.Objects.equals(note(taxes), totals.taxNote())) {
            return taxes;
        }
        java.math.BigDecimal rate = totals.taxNote() != null ? java.math.BigDecimal.ZERO
                : ratePercent == null || ratePercent.isBlank() ? null : new java.math.BigDecimal(ratePercent.strip());
        return List.of(new SideTax(LineKind.Side.NONE, totals.net(), new SettlementMath.TaxLine(rate,
                totals.tax(), totals.taxNote() != null && !totals.taxNote().equals(SettlementMath.OUTSIDE_SCOPE_NOTE),
                totals.taxNote())));
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

        /** {@code REVERSE_CHARGE}, {@code OUTSIDE_SCOPE} (of EU VAT) or {@code VAT} (at a rate, 0 % included). */
        String category() {
            return tax.reverseCharge() ? "REVERSE_CHARGE"
                    : SettlementMath.OUTSIDE_SCOPE_NOTE.equals(tax.legalNote()) ? "OUTSIDE_SCOPE" : "VAT";
        }

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
