package io.accord.contracts.value;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. Amounts keep {@link #SCALE} decimals; the one place rounding happens
 * is {@link #of(BigDecimal, String)} with {@link #ROUNDING}, so sums of {@code Money} never drift.
 */
public record Money(BigDecimal amount, String currency) {

    /** Internal precision: enough for per-unit rates of fractions of a cent. */
    public static final int SCALE = 6;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency);
        amount = amount.setScale(SCALE, ROUNDING);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * Whether the code is an ISO 4217 currency a partner can be settled and invoiced in: known, and with a minor
     * unit. The codes without one are precious metals, fund and drawing-right units and the test and "no currency"
     * codes (XAU, XAG, XDR, XTS, XXX...): an agreement in gold was approved zero-touch (found on 2026-12-06), with
     * no rule for rounding its statements. The CFA and CFP francs and the East Caribbean dollar (XAF, XOF, XPF,
     * XCD) are currencies and pass.
     */
    public static boolean isSettlementCurrency(String code) {
        if (code == null) {
            return false;
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getCurrencyCode().equals(code) && currency.getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /** Not a property: without the annotation JSON would carry a redundant {@code "negative"} field. */
    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
