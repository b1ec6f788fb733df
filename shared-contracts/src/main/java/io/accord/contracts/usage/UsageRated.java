package io.accord.contracts.usage;

import io.accord.contracts.events.DomainEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A rated usage record (or a re-rating's reversal or final record) on {@code usage.rated.v1}, keyed by the
 * subscriber id like the raw usage, {@code ce_id} = {@link #ratedId()}, {@code ce_sequence} = {@link #sequence()}
 * (the rated table's sequence: strictly increasing in publication order, also per key), {@code ce_subject} = the
 * first party's partner id. For every record {@code charge = Σ amounts PAYABLE_TO_PARTNER + margin} exactly; a
 * wholesale amount {@code OWED_BY_PARTNER} is the charge itself. Nothing is changed in place: a correction is a
 * {@code REVERSAL} (every quantity and amount negated, {@link #reversalOf()} naming the record it cancels) followed
 * by a {@code RERATED} record. Delivery is at least once: consumers ignore a {@link #ratedId()} they have seen.
 * Decimals are strings with 6 decimals for amounts.
 *
 * @param ratedId           the rated record's id (also the event id)
 * @param sequence          position in the rated table, 1, 2, 3...; gapless and in commit order
 * @param kind              {@code RATED}, {@code REVERSAL} or {@code RERATED}
 * @param ratedAt           when it was rated
 * @param source            the raw record's source
 * @param usageId           the raw record's usage id
 * @param subscriberId      the subscriber
 * @param usageTime         the usage's start time, with the offset it was reported in
 * @param usageType         VOICE, SMS, DATA, ...
 * @param billedQuantity    the quantity charged after conversion, increments and minimum
 * @param billedUnit        its unit (the price's unit)
 * @param currency          ISO 4217 of every amount
 * @param charge            the charge
 * @param parties           each partner's amount with its direction; empty for the CSP's own subscriber on its
 *                          own offering
 * @param margin            the CSP's margin
 * @param allocation        {@code CO_CREATED}, {@code SELL_THROUGH}, {@code RESELL} or {@code OWN}
 * @param productInstanceId the product instance rated against
 * @param offeringId        its offering
 * @param offeringVersion   the offering's version
 * @param priceVersionId    the usage price version rated with
 * @param priceVersion      its version number
 * @param agreements        the agreement version of each partner involved
 * @param reversalOf        the rated id this record reverses ({@code REVERSAL}) or replaces ({@code RERATED}),
 *                          {@code null} for a first rating
 * @param customerReference the customer reference for billing on behalf, {@code null} when unknown
 * @param taxCategory       the tax category of the usage price version rated with ({@code STANDARD},
 *                          {@code REDUCED}, ...; the catalog's {@code OfferingPrice.taxCategory}), for the
 *                          billing-on-behalf invoice data; {@code null} when the price names none or the record was
 *                          rated before rating carried it (an event without the field reads as {@code null}). A
 *                          reversal carries the category of the record it reverses.
 */
public record UsageRated(
        UUID ratedId,
        long sequence,
        String kind,
        Instant ratedAt,
        String source,
        String usageId,
        String subscriberId,
        OffsetDateTime usageTime,
        String usageType,
        String billedQuantity,
        String billedUnit,
        String currency,
        String charge,
        List<PartyAmount> parties,
        String margin,
        String allocation,
        String productInstanceId,
        String offeringId,
        int offeringVersion,
        String priceVersionId,
        int priceVersion,
        List<AgreementVersionRef> agreements,
        UUID reversalOf,
        String customerReference,
        String taxCategory) implements DomainEvent {

    /** The {@code ce_type} of a rated record. */
    public static final String TYPE = "UsageRated";

    /** A rated record without a tax category (as published before rating carried it). */
    public UsageRated(UUID ratedId, long sequence, String kind, Instant ratedAt, String source, String usageId,
                      String subscriberId, OffsetDateTime usageTime, String usageType, String billedQuantity,
                      String billedUnit, String currency, String charge, List<PartyAmount> parties, String margin,
                      String allocation, String productInstanceId, String offeringId, int offeringVersion,
                      String priceVersionId, int priceVersion, List<AgreementVersionRef> agreements, UUID reversalOf,
                      String customerReference) {
        this(ratedId, sequence, kind, ratedAt, source, usageId, subscriberId, usageTime, usageType, billedQuantity,
                billedUnit, currency, charge, parties, margin, allocation, productInstanceId, offeringId,
                offeringVersion, priceVersionId, priceVersion, agreements, reversalOf, customerReference, null);
    }

    @Override
    public UUID eventId() {
        return ratedId;
    }

    @Override
    public Instant occurredAt() {
        return ratedAt;
    }

    @Override
    public String key() {
        return subscriberId;
    }

    /** The first party's partner ({@code ce_subject}), {@code null} when no partner is involved. */
    @Override
    public String partnerId() {
        return parties == null || parties.isEmpty() ? null : parties.getFirst().partnerId();
    }

    /** Which way a partner's amount flows. */
    public enum Direction {
        /** We owe it to the partner: a revenue share. */
        PAYABLE_TO_PARTNER,
        /** The partner owes it to us: a wholesale charge of a reselling partner. */
        OWED_BY_PARTNER
    }

    /**
     * A partner's amount on the record.
     *
     * @param partnerId    the partner
     * @param direction    which way it flows
     * @param sharePercent the share it was computed with ({@code "30"} = 30 %), {@code null} for a wholesale amount
     * @param amount       the amount, 6 decimals
     */
    public record PartyAmount(String partnerId, Direction direction, String sharePercent, String amount) {
    }

    /**
     * A partner's agreement version the record was rated with.
     *
     * @param partnerId   the partner
     * @param agreementId the agreement
     * @param version     its version
     */
    public record AgreementVersionRef(String partnerId, String agreementId, int version) {
    }
}
