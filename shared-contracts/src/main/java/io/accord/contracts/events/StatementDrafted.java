package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A settlement run drafted a partner's statement for a period. Published by settlement on
 * {@code settlement.events.v1}, keyed by the statement id. Decimals are strings, rounded to the currency's minor
 * unit (the figures the document prints).
 *
 * @param documentType what the statement is for, by its lines (not the sign of its total; {@code direction} says who
 *                     pays): {@code REVENUE_SHARE_STATEMENT} (self-billed revenue share), {@code WHOLESALE_INVOICE}
 *                     (our wholesale supplies) or {@code SETTLEMENT_STATEMENT} (both, netted)
 * @param direction    {@code PAYABLE} (we pay the partner) or {@code RECEIVABLE} (the partner pays us)
 * @param netAmount    the sum of the lines before tax
 * @param totalAmount  net + tax
 * @param replacesStatementId a draft of a period whose statement was discarded: that statement (the period's
 *                     discarded last), else {@code null}; {@code netDifference}, {@code taxDifference} and
 *                     {@code totalDifference} are this statement's figures less that one's ({@code null} without one,
 *                     or when their currencies differ)
 * @param agreements   the agreement versions the statement was computed with, oldest first (since session 72);
 *                     {@code null} in events published before the field existed and when not known, so a consumer
 *                     must accept its absence
 */
public record StatementDrafted(
        UUID eventId,
        Instant occurredAt,
        String statementId,
        String partnerId,
        String periodId,
        Instant periodStart,
        Instant periodEnd,
        String documentType,
        String direction,
        String currency,
        String netAmount,
        String taxAmount,
        String totalAmount,
        int lineCount,
        String preparedBy,
        String replacesStatementId,
        String netDifference,
        String taxDifference,
        String totalDifference,
        List<StatementAgreementVersion> agreements) implements DomainEvent {

    public StatementDrafted {
        agreements = agreements == null ? null : List.copyOf(agreements);
    }

    /** The event as published before {@code agreements} existed. */
    public StatementDrafted(UUID eventId, Instant occurredAt, String statementId, String partnerId, String periodId,
                            Instant periodStart, Instant periodEnd, String documentType, String direction,
                            String currency, String netAmount, String taxAmount, String totalAmount, int lineCount,
                            String preparedBy, String replacesStatementId, String netDifference,
                            String taxDifference, String totalDifference) {
        this(eventId, occurredAt, statementId, partnerId, periodId, periodStart, periodEnd, documentType, direction,
                currency, netAmount, taxAmount, totalAmount, lineCount, preparedBy, replacesStatementId,
                netDifference, taxDifference, totalDifference, null);
    }

    /** A draft replacing no statement. */
    public StatementDrafted(UUID eventId, Instant occurredAt, String statementId, String partnerId, String periodId,
                            Instant periodStart, Instant periodEnd, String documentType, String direction,
                            String currency, String netAmount, String taxAmount, String totalAmount, int lineCount,
                            String preparedBy) {
        this(eventId, occurredAt, statementId, partnerId, periodId, periodStart, periodEnd, documentType, direction,
                currency, netAmount, taxAmount, totalAmount, lineCount, preparedBy, null, null, null, null, null);
    }

    @Override
    public String key() {
        return statementId;
    }
}
