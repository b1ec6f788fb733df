package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dispute was resolved. When the resolution moves money, {@code adjustment} says how much, in which direction and
 * for which period or statement; settlement carries it as a labelled line on the partner's next statement (or a
 * credit/debit note for an issued one), naming the dispute — one line per disputed statement line when
 * {@code adjustment.lines} splits it. Published by the dispute service on
 * {@code dispute.events.v1}, keyed by the dispute id. Decimals are strings (exact).
 *
 * @param outcome    {@code ACCEPTED} (the partner was right, fully), {@code PARTIALLY_ACCEPTED}, {@code REJECTED} or
 *                   {@code COUNTER_CHARGED} (the partner accepted a {@code DEBIT_PARTNER} adjustment)
 * @param adjustment the money the resolution moves; {@code null} when it moves none (a rejection)
 */
public record DisputeResolved(
        UUID eventId,
        Instant occurredAt,
        String disputeId,
        String partnerId,
        String outcome,
        String resolvedBy,
        Instant resolvedAt,
        String resolutionNote,
        Adjustment adjustment) implements DomainEvent {

    @Override
    public String key() {
        return disputeId;
    }

    /**
     * The money a resolution moves.
     *
     * @param adjustmentId    unique per adjustment: settlement applies each once
     * @param periodReference the settlement period it concerns (the period id settlement gave it), or {@code null}
     * @param statementId     the statement it corrects, or {@code null} when it is not about an issued statement
     * @param amount          positive decimal string, 6 decimals at most
     * @param currency        ISO 4217
     * @param direction       {@code CREDIT_PARTNER} (we owe the partner more, or it owes us less) or
     *                        {@code DEBIT_PARTNER} (the partner owes us more, or we owe it less)
     * @param reason          why, printed on the statement line
     * @param lines           the disputed statement lines of {@code statementId} and how much of {@code amount} goes
     *                        to each (their amounts sum to it exactly); {@code null} when the dispute did not name
     *                        what it disputed on each line (a dispute on the whole statement, or one published before
     *                        the field existed). Added later: a consumer ignoring it reads the adjustment as before
     */
    public record Adjustment(
            String adjustmentId,
            String periodReference,
            String statementId,
            String amount,
            String currency,
            String direction,
            String reason,
            List<Line> lines) {

        /** An adjustment not split by line, as published before {@code lines}. */
        public Adjustment(String adjustmentId, String periodReference, String statementId, String amount,
                          String currency, String direction, String reason) {
            this(adjustmentId, periodReference, statementId, amount, currency, direction, reason, null);
        }
    }

    /**
     * One disputed statement line of a resolution.
     *
     * @param statementLineId the statement's line ({@code <statementId>-<n>})
     * @param disputedAmount  what the partner disputed on it, decimal string
     * @param amount          its share of the adjustment's amount, decimal string (same direction and currency)
     */
    public record Line(String statementLineId, String disputedAmount, String amount) {
    }
}
