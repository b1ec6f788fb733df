package io.accord.settlement.statement;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;

/**
 * One line of a statement: its 6-decimal amount (in the statement currency, converted at {@code fxRate} when the
 * usage was in another currency) and that amount rounded once to the currency's minor unit. Positive amounts are
 * payable to the partner, negative ones owed by it.
 *
 * @param type         a {@link LineKind} name
 * @param fxRate       the period-end rate used (1 source = rate statement currency), {@code null} when none was needed
 * @param sourceAmount the amount before conversion, {@code null} when none was needed
 * @param direction    {@code PAYABLE_TO_PARTNER} or {@code OWED_BY_PARTNER}; an adjustment's {@code CREDIT_PARTNER} or
 *                     {@code DEBIT_PARTNER}; {@code null} on lines drafted before lines said it
 * @param reference    what the line traces to: the dispute of an adjustment, the price of a recurring or one-time
 *                     charge, the share rule of a tier bonus; {@code null} for usage lines
 */
record StatementLine(String type, String label, String offeringId, String usageType, BigDecimal quantity,
                     Money unrounded, Money rounded, BigDecimal fxRate, Money sourceAmount, String direction,
                     String reference) {
}
