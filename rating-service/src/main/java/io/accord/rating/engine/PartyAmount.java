package io.accord.rating.engine;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;

/**
 * A partner's amount on a rated record.
 *
 * @param partnerId    the partner
 * @param direction    whether we pay it to the partner or the partner owes it to us
 * @param sharePercent the share it was computed with, {@code null} for a wholesale amount
 * @param amount       the amount, rounded once (6 decimals, HALF_EVEN)
 */
public record PartyAmount(String partnerId, Direction direction, BigDecimal sharePercent, Money amount) {

    /** Which way the amount flows. */
    public enum Direction { PAYABLE_TO_PARTNER, OWED_BY_PARTNER }
}
