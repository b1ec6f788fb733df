package io.accord.settlement.adjustment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How dispute adjustments are settled, under {@code accord.settlement.adjustments}.
 *
 * @param settleBy {@code NEXT_STATEMENT} (the default): a line of the partner's next drafted statement;
 *                 {@code NOTE}: at once, a credit note (credit) or debit note (debit) correcting the disputed issued
 *                 statement. Finance may set another mode per partner ({@code PUT /adjustment-settings/{partnerId}}).
 */
@ConfigurationProperties("accord.settlement.adjustments")
record AdjustmentProperties(@DefaultValue("NEXT_STATEMENT") DisputeAdjustments.SettleBy settleBy) {
}
