package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.util.List;

/** The shortfall against a monthly guarantee scaled to the period: a top-up we pay, or a commitment a reseller owes. */
final class MinimumGuarantee {

    private MinimumGuarantee() {
    }

    static Money shortfall(String monthlyGuarantee, int months, List<Money> roundedLines, String currency) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1, was " + months);
        }
        if (monthlyGuarantee == null || monthlyGuarantee.isBlank()) {
            return LineRounding.toMinorUnit(Money.zero(currency));
        }
        BigDecimal monthly = new BigDecimal(monthlyGuarantee);
        if (monthly.signum() < 0) {
            throw new IllegalArgumentException("a minimum guarantee cannot be negative: " + monthlyGuarantee);
        }
        Money guarantee = LineRounding.toMinorUnit(Money.of(monthly.multiply(BigDecimal.valueOf(months)), currency));
        Money reached = Money.zero(currency);
        for (Money line : roundedLines) {
            reached = reached.plus(line);
        }
        Money shortfall = guarantee.minus(reached);
        return shortfall.amount().signum() > 0 ? shortfall : LineRounding.toMinorUnit(Money.zero(currency));
    }

    static int monthsOf(String settlementCycle) {
        if (settlementCycle == null) {
            throw new IllegalArgumentException("no settlement cycle");
        }
        return switch (settlementCycle) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            case "SEMI_ANNUAL" -> 6;
            case "ANNUAL" -> 12;
            default -> throw new IllegalArgumentException("unknown settlement cycle " + settlementCycle);
        };
    }
}
