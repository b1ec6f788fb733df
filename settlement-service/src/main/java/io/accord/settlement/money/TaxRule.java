package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;

/**
 * Tax per a supply's treatment: the rate on the net, reverse charge (no tax, the Article 196 note instead), or outside
 * the scope of EU VAT (no tax, a note saying so; {@link PlaceOfSupply}).
 */
final class TaxRule {

    static final String REVERSE_CHARGE_NOTE = "Reverse charge: the recipient is liable for the VAT "
            + "(Article 196, Council Directive 2006/112/EC).";
    static final String OUTSIDE_SCOPE_NOTE = "Not subject to VAT in the EU: the place of supply is outside the EU "
            + "(Article 44, Council Directive 2006/112/EC).";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxRule() {
    }

    static SettlementMath.TaxLine of(Money net, SettlementMath.Treatment treatment) {
        if (treatment.outsideScope()) {
            return new SettlementMath.TaxLine(BigDecimal.ZERO, LineRounding.toMinorUnit(Money.zero(net.currency())),
                    false, OUTSIDE_SCOPE_NOTE);
        }
        return of(net, treatment.ratePercent(), treatment.reverseCharge());
    }

    static SettlementMath.TaxLine of(Money net, String ratePercent, boolean reverseCharge) {
        if (reverseCharge) {
            return new SettlementMath.TaxLine(BigDecimal.ZERO, LineRounding.toMinorUnit(Money.zero(net.currency())),
                    true, REVERSE_CHARGE_NOTE);
        }
        BigDecimal rate = ratePercent == null || ratePercent.isBlank() ? BigDecimal.ZERO : new BigDecimal(ratePercent);
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a tax rate is between 0 and 100 %, was " + ratePercent);
        }
        Money tax = LineRounding.toMinorUnit(net.times(rate.divide(HUNDRED)));
        return new SettlementMath.TaxLine(rate, tax, false, null);
    }
}
