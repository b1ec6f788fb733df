package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reconciliation found lines whose difference is beyond the agreement's tolerance; the dispute service opens a
 * dispute from it for the net difference (none when the lines' differences net to zero), naming each discrepancy.
 * Keyed by the reconciliation id on
 * {@code settlement.events.v1}. Decimals are strings at the currency's minor unit.
 *
 * @param totalDifference Σ of the lines' differences (invoice − statement)
 * @param lines           only the lines beyond tolerance
 */
public record ReconciliationDiscrepancyFound(
        UUID eventId,
        Instant occurredAt,
        String reconciliationId,
        String partnerId,
        String statementId,
        String documentNumber,
        String periodId,
        Instant periodStart,
        Instant periodEnd,
        String partnerInvoiceId,
        String partnerInvoiceNumber,
        String currency,
        String totalDifference,
        List<Discrepancy> lines) implements DomainEvent {

    @Override
    public String key() {
        return reconciliationId;
    }

    /**
     * One line beyond tolerance.
     *
     * @param outcome         {@code MISMATCH}, {@code MISSING_ON_INVOICE} or {@code MISSING_ON_STATEMENT}
     * @param offeringId      the matching key's offering, {@code null} when the keys do not use it
     * @param usageType       the matching key's usage type, or {@code null}
     * @param reference       the matching key's reference (e.g. the partner's line reference), or {@code null}
     * @param statementLineId our line, {@code null} when missing on the statement
     * @param statementAmount our amount, {@code null} when missing on the statement
     * @param invoiceAmount   the partner's amount, {@code null} when missing on the invoice
     * @param difference      invoice − statement (a missing side counts as zero)
     * @param tolerance       the largest difference the agreement tolerates for this line
     * @param period          the matching key's period, {@code CURRENT} or {@code PRIOR}, or {@code null} (added
     *                        2026-12-07; older events lack it)
     * @param side            the matching key's side, {@code REVENUE_SHARE} (the partner's supply) or
     *                        {@code WHOLESALE} (ours), or {@code null} (added 2026-12-07)
     * @param statementLineIds all our lines compared (summed) in this line, empty when missing on the statement
     *                        ({@code statementLineId} names one only when there is exactly one; added 2026-12-07)
     * @param discrepancyKey  the difference's identity, the same whichever invoice found it:
     *                        {@code <statementId>/<offering>/<usageType>/<period>/<side>/<reference>}, {@code *} for
     *                        a part the matching keys do not use (added 2026-12-07)
     */
    public record Discrepancy(
            String outcome,
            String offeringId,
            String usageType,
            String reference,
            String statementLineId,
            String statementAmount,
            String invoiceAmount,
            String difference,
            String tolerance,
            String period,
            String side,
            List<String> statementLineIds,
            String discrepancyKey) {

        /** A line as events before 2026-12-07 described it: no period, side, line list or key. */
        public Discrepancy(String outcome, String offeringId, String usageType, String reference,
                           String statementLineId, String statementAmount, String invoiceAmount, String difference,
                           String tolerance) {
            this(outcome, offeringId, usageType, reference, statementLineId, statementAmount, invoiceAmount,
                    difference, tolerance, null, null, null, null);
        }
    }
}
