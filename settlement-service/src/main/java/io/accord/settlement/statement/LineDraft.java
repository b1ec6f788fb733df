package io.accord.settlement.statement;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;

/**
 * A line before conversion and rounding: its exact amount (6 decimals) in the currency it arose in, positive when
 * payable to the partner, negative when owed by it.
 *
 * @param direction {@code PAYABLE_TO_PARTNER} or {@code OWED_BY_PARTNER} (for an adjustment: {@code CREDIT_PARTNER}
 *                  or {@code DEBIT_PARTNER})
 * @param reference what the line traces to (a dispute id, a price id, a share rule, what a prior-period usage line
 *                  adjusts), {@code null} for the period's own usage lines
 * @param usage     a usage line's unit, record count and unit price; {@code null} for every other line
 * @param converted the amount already converted into the statement currency at the period-end rate of its
 *                  currency, when the line is a share of a total converted once (a split dispute adjustment's share
 *                  of its converted amount); {@code null}: {@code amount} is converted line by line
 */
record LineDraft(LineKind kind, String label, String offeringId, String usageType, BigDecimal quantity,
                 Money amount, String direction, String reference, StatementLine.Usage usage, Money converted) {

    /** A line converted on its own when it is in another currency than the statement. */
    LineDraft(LineKind kind, String label, String offeringId, String usageType, BigDecimal quantity, Money amount,
              String direction, String reference, StatementLine.Usage usage) {
        this(kind, label, offeringId, usageType, quantity, amount, direction, reference, usage, null);
    }

    /** A line that is no sum of rated records (or one drafted before its usage figures were kept). */
    LineDraft(LineKind kind, String label, String offeringId, String usageType, BigDecimal quantity, Money amount,
              String direction, String reference) {
        this(kind, label, offeringId, usageType, quantity, amount, direction, reference, null);
    }
}
