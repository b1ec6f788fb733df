package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Statement lines are rounded once, here, to the currency's minor unit; totals are sums of rounded lines. */
final class LineRounding {

    private LineRounding() {
    }

    static SettlementMath.RoundedLines round(List<Money> lines, String currency) {
        Money total = Money.zero(currency);
        Money unrounded = Money.zero(currency);
        List<Money> rounded = new ArrayList<>(lines.size());
        for (Money line : lines) {
            Money one = toMinorUnit(line);
            rounded.add(one);
            total = total.plus(one);
            unrounded = unrounded.plus(line);
        }
        return new SettlementMath.RoundedLines(List.copyOf(rounded), total, unrounded, total.minus(unrounded));
    }

    static Money toMinorUnit(Money amount) {
        int digits = Math.max(0, Currency.getInstance(amount.currency()).getDefaultFractionDigits());
        BigDecimal minor = amount.amount().setScale(digits, RoundingMode.HALF_EVEN);
        return Money.of(minor, amount.currency());
    }
}
