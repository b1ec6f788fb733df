package io.accord.settlement.statement;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;

/**
 * One line of a statement: its 6-decimal amount (in the statement currency, converted at {@code fxRate} when the
 * usage was in another currency) and that amount rounded once to the currency's minor unit. Positive amounts are
 * payable to the partner, negative ones owed by it.
 *
 * @param type         {@code USAGE_REVENUE_SHARE}, {@code WHOLESALE}, {@code PRIOR_PERIOD_ADJUSTMENT} or {@code TAX}
 * @param fxRate       the period-end rate used (1 source = rate statement currency), {@code null} when none was needed
 * @param sourceAmount the amount before conversion, {@code null} when none was needed
 */
record StatementLine(String type, String label, String offeringId, String usageType, BigDecimal quantity,
                     Money unrounded, Money rounded, BigDecimal fxRate, Money sourceAmount) {
}
