package io.accord.settlement.statement;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a statement's document is: the one rule the stored statement, its events' {@code documentType}, its document
 * and TMF678's {@code category} follow. It follows what the statement is for, never the sign of its total (the sign
 * says who pays: {@code direction}):
 * <ul>
 *   <li>lines documenting only the partner's supply to us (revenue shares, tier bonus, guarantee top-up, payable
 *       prior-period usage): {@link #REVENUE_SHARE_STATEMENT}, self-billed by us;</li>
 *   <li>lines documenting only our supply to the partner (wholesale usage and charges, minimum commitment, owed
 *       prior-period usage): {@link #WHOLESALE_INVOICE}, our invoice;</li>
 *   <li>both: {@link #SETTLEMENT_STATEMENT}, the two supplies set off against each other, the self-billing mention
 *       covering the revenue-share lines only;</li>
 *   <li>neither (no line, or dispute adjustments only): by the business model of the period's agreement, a
 *       {@code RESELL} partner's a wholesale invoice, any other's a revenue-share statement.</li>
 * </ul>
 * Decided once, when the statement is drafted, and stored with it: an issued document is never re-rendered.
 */
final class DocumentTypes {

    static final String REVENUE_SHARE_STATEMENT = "REVENUE_SHARE_STATEMENT";
    static final String WHOLESALE_INVOICE = "WHOLESALE_INVOICE";
    static final String SETTLEMENT_STATEMENT = "SETTLEMENT_STATEMENT";

    private DocumentTypes() {
    }

    static String of(String businessModel, List<StatementLine> lines) {
        Set<LineKind.Side> sides = EnumSet.noneOf(LineKind.Side.class);
        for (StatementLine line : lines) {
            sides.add(LineKind.valueOf(line.type()).side(line.direction(), line.rounded().amount()));
        }
        boolean revenueShare = sides.contains(LineKind.Side.REVENUE_SHARE);
        boolean wholesale = sides.contains(LineKind.Side.WHOLESALE);
        if (revenueShare && wholesale) {
            return SETTLEMENT_STATEMENT;
        }
        if (revenueShare) {
            return REVENUE_SHARE_STATEMENT;
        }
        if (wholesale) {
            return WHOLESALE_INVOICE;
        }
        return "RESELL".equals(businessModel) ? WHOLESALE_INVOICE : REVENUE_SHARE_STATEMENT;
    }
}
